"""The machine has what the project needs: WeasyPrint renders with embedded fonts."""

import io
import warnings

from pypdf import PdfReader


def embedded_fonts(reader: PdfReader) -> list[str]:
    names = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        for part in font.get("/DescendantFonts", [font]):
            descriptor = part.get_object()["/FontDescriptor"]
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.append(str(part.get_object()["/BaseFont"]))
    return names


def test_weasyprint_renders_a_pdf_with_french_text_and_embedded_fonts():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. HarfBuzz-Subset missing: .ci/setup installs it
        from weasyprint import HTML

        pdf = HTML(string="<h1>Chargé de coopération</h1><p>Quotité : 100 %</p>").write_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(reader.pages[0].extract_text().split())
    assert text == "Chargé de coopération Quotité : 100 %"
    assert embedded_fonts(reader)
