"""The assembly of a dossier's parts (tracker/pdfparts.py), on small parts made here: read back,
the whole numbers its pages right across the parts, its links (to another part's anchor, or
within a part by name) land on the right page, its outline is the parts' in their order with
their open or closed state, the first part's metadata and attachments are kept; and it holds
one part at a time, so what it allocates does not grow with the number of parts."""

from __future__ import annotations

import io
import re
import tracemalloc
from pathlib import Path

import pytest
from pypdf import PdfReader

from tracker import pdf, pdfparts

STYLE = """<style>@page { size: A4; margin: 2cm }
h1 { bookmark-level: 1 } h2 { bookmark-level: 2 } .closed { bookmark-state: closed }
.next { break-before: page }</style>"""


def make_part(path: Path, body: str, *, title: str = "", attachment: bytes = b"",
              pdfa: bool = False) -> pdfparts.Part:
    """A part as render_part makes one: rendered by WeasyPrint into `path`, with its layout."""
    from weasyprint import HTML, Attachment

    head = f"<title>{title}</title>" if title else ""
    document = HTML(string=f"<html><head>{head}{STYLE}</head><body>{body}</body></html>") \
        .render(font_config=pdf.font_configuration())
    anchors, links = pdfparts.layout(document)
    with pdfparts._quiet_missing_anchors():
        path.write_bytes(document.write_pdf(attachments=[
            Attachment(string=attachment, name="cv.txt")] if attachment else [],
            **({"pdf_variant": "pdf/a-3b"} if pdfa else {})))
    return pdfparts.Part(path, len(document.pages), anchors, links)


@pytest.fixture
def parts(tmp_path: Path) -> list[pdfparts.Part]:
    cover = make_part(tmp_path / "cover.pdf",
                      '<p>Cover</p><p class="next">Contents: <a href="#second">Second</a> '
                      '<a href="#third-late">Third, its second page</a></p>',
                      title="The whole", attachment=b"a CV")
    second = make_part(tmp_path / "second.pdf",
                       '<h1 id="second">Second</h1><p><a href="#second-end">to my end</a></p>'
                       '<h2 class="next">Second, more</h2><p id="second-end">End of second</p>')
    third = make_part(tmp_path / "third.pdf",
                      '<h1 id="third" class="closed">Third</h1><h2>Third, inside</h2>'
                      '<p class="next" id="third-late">Third, late</p>')
    return [cover, second, third]


def assembled(parts: list[pdfparts.Part], tmp_path: Path) -> bytes:
    out = tmp_path / "whole.pdf"
    pdfparts.assemble(parts, out, page_word="page")
    return out.read_bytes()


def destination_page(reader: PdfReader, annotation: dict) -> int:  # type: ignore[type-arg]
    dest = annotation["/Dest"]
    if isinstance(dest, str):  # a named destination
        return reader.get_destination_page_number(reader.named_destinations[dest]) + 1
    return reader.get_page_number(dest[0].get_object()) + 1


def test_pages_are_numbered_and_links_land_across_the_parts(parts, tmp_path):  # noqa: ANN001
    reader = PdfReader(io.BytesIO(assembled(parts, tmp_path)))
    texts = [page.extract_text() for page in reader.pages]
    assert len(texts) == 2 + 2 + 2
    assert "page" not in texts[0]
    for number, text in enumerate(texts[1:], 2):
        assert re.findall(r"page (\d+) / (\d+)", text) == [(str(number), "6")], text
    landed = {}
    for number, page in enumerate(reader.pages, 1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            landed.setdefault(number, []).append(destination_page(reader, annotation))
    # the contents (page 2) to the second part's first page and to the third part's second;
    # the second part's own link, by name, to its own second page
    assert sorted(landed[2]) == [3, 6]
    assert landed[3] == [4]
    assert "Third, late" in texts[5] and "End of second" in texts[3]


def test_the_outline_is_the_parts_in_order_with_their_state(parts, tmp_path):  # noqa: ANN001
    reader = PdfReader(io.BytesIO(assembled(parts, tmp_path)))
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top] == ["Second", "Third"]
    assert [reader.get_destination_page_number(item) + 1 for item in top] == [3, 5]
    children = [item for item in reader.outline if isinstance(item, list)]
    assert [[child.title for child in group] for group in children] == \
        [["Second, more"], ["Third, inside"]]
    assert reader.get_destination_page_number(children[0][0]) + 1 == 4
    second, third = top
    assert second["/Count"] > 0 and third["/Count"] < 0  # open, and closed as its style says


def test_the_first_part_gives_the_metadata_and_attachments(parts, tmp_path):  # noqa: ANN001
    reader = PdfReader(io.BytesIO(assembled(parts, tmp_path)))
    assert reader.metadata is not None and reader.metadata.title == "The whole"
    assert reader.attachments == {"cv.txt": [b"a CV"]}
    assert reader.trailer["/ID"][0] == reader.trailer["/ID"][1]


def test_a_pdfa_first_part_makes_a_pdfa_whole_that_qpdf_reads_clean(parts,  # noqa: ANN001
                                                                     tmp_path):  # noqa: ANN001
    import pikepdf

    cover = make_part(tmp_path / "cover-a.pdf", "<p>Cover</p>", title="The whole", pdfa=True)
    out = tmp_path / "whole.pdf"
    pdfparts.assemble([cover, *parts[1:]], out, page_word="page")
    with pikepdf.open(out, attempt_recovery=False) as whole:
        assert whole.check_pdf_syntax() == []
        assert "/OutputIntents" in whole.Root
        assert 'pdfaid:part="3"' in whole.Root.Metadata.read_bytes().decode() or \
            "<pdfaid:part>3</pdfaid:part>" in whole.Root.Metadata.read_bytes().decode()
        assert len(whole.pages) == 1 + 2 + 2


def test_a_part_without_the_pages_it_counted_is_refused(parts, tmp_path):  # noqa: ANN001
    cover, second, third = parts
    short = pdfparts.Part(third.path, third.pages + 1, third.anchors, third.links)
    with pytest.raises(RuntimeError, match="do not hold the pages"):
        pdfparts.assemble([cover, second, short], tmp_path / "whole.pdf", page_word="page")


def test_what_it_allocates_does_not_grow_with_the_parts(parts, tmp_path):  # noqa: ANN001
    """Ten times the parts (the same applicant's part again and again) take about the memory
    of a few: the parts are read one after the other, and only where their objects were
    written is kept."""
    cover, second, _ = parts

    def peak(count: int) -> int:
        tracemalloc.start()
        try:
            pdfparts.assemble([cover, *[second] * count], tmp_path / f"{count}.pdf",
                              page_word="page")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(3)  # the font subset and the imports, cached from here on
    few, many = peak(3), peak(30)
    assert len(PdfReader(tmp_path / "30.pdf").pages) == 2 + 30 * 2
    assert many < few * 1.5, (few, many)


UPLOADS = [("CV – cv.pdf", "cv.pdf", b"%PDF-1.4 a CV (with brackets) and a \\ backslash"),
           ("Lettre – lettre-été.pdf", "lettre-été.pdf", b"%PDF-1.4 a letter " * 50)]


def _embedded(reader: PdfReader) -> dict[str, object]:
    """The attachments as a reader finds them: the name tree's keys, each specification and
    its file stream's entries (the dates' values aside: the clock's), their bytes, and the
    catalog's /AF, by name."""
    root = reader.trailer["/Root"]
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    specs = []
    for key, spec in zip(names[::2], names[1::2], strict=True):
        spec = spec.get_object()
        stream = spec["/EF"]["/F"].get_object()
        params = dict(stream["/Params"])
        assert re.fullmatch(r"D:\d{14}Z", params.pop("/CreationDate"))
        assert re.fullmatch(r"D:\d{14}Z", params.pop("/ModDate"))
        specs.append((str(key), {k: v for k, v in spec.items() if k != "/EF"},
                      {k: v for k, v in stream.items() if k not in ("/Params", "/Length")},
                      params, stream.get_data()))
    also = [str(ref.get_object()["/F"]) for ref in root.get("/AF", [])]
    return {"specs": specs, "af": also}


@pytest.mark.parametrize("pdfa", [False, True])
def test_attachments_from_files_read_as_weasyprint_embeds_them(tmp_path, pdfa):  # noqa: ANN001
    """The uploads are embedded by the assembly, each read from its file when it is written:
    the whole lists them as WeasyPrint does in a document it makes (names, descriptions,
    checksums, sizes, types, bytes; in PDF/A-3 their relationship and the catalog's /AF)."""
    from weasyprint import HTML, Attachment

    variant = {"pdf_variant": "pdf/a-3b"} if pdfa else {}
    weasy = HTML(string="<p>Cover</p>").render().write_pdf(attachments=[
        Attachment(string=data, name=name, description=title) for title, name, data in UPLOADS],
        **variant)
    appendices = []
    for number, (title, name, data) in enumerate(UPLOADS):
        if number == 0:  # from a file, as a panel dossier's wait
            (tmp_path / "upload-1.pdf").write_bytes(data)
            appendices.append(pdf.Appendix(title, name, b"", 1,
                                           path=tmp_path / "upload-1.pdf"))
        else:
            appendices.append(pdf.Appendix(title, name, data, 1))
    cover = make_part(tmp_path / "cover.pdf", "<p>Cover</p>", pdfa=pdfa)
    out = tmp_path / "whole.pdf"
    pdfparts.assemble([cover], out, page_word="page", attachments=appendices, pdfa=pdfa)
    whole = PdfReader(out)
    assert _embedded(whole) == _embedded(PdfReader(io.BytesIO(weasy)))
    assert dict(whole.attachments) == dict(PdfReader(io.BytesIO(weasy)).attachments)
    assert whole.attachments["cv.pdf"] == [UPLOADS[0][2]]
    assert whole.attachments["lettre-été.pdf"] == [UPLOADS[1][2]]
    assert bool(_embedded(whole)["af"]) is pdfa
    if pdfa:
        import pikepdf

        with pikepdf.open(out, attempt_recovery=False) as checked:
            assert checked.check_pdf_syntax() == []


def test_attachments_are_held_one_at_a_time(parts, tmp_path):  # noqa: ANN001
    """Ten times the uploads take about the memory of a few: each is read from its file,
    written and let go before the next."""
    import os

    cover, second, _ = parts
    files = []
    for number in range(30):
        path = tmp_path / f"upload-{number}.pdf"
        path.write_bytes(os.urandom(300_000))  # incompressible: as large packed as read
        files.append(pdf.Appendix(f"CV {number}", f"cv-{number}.pdf", b"", 1, path=path))
    plain = make_part(tmp_path / "plain.pdf", "<p>Cover</p>")

    def peak(count: int) -> int:
        tracemalloc.start()
        try:
            pdfparts.assemble([plain, second], tmp_path / f"{count}.pdf", page_word="page",
                              attachments=files[:count])
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(3)
    few, many = peak(3), peak(30)
    assert len(PdfReader(tmp_path / "30.pdf").attachments) == 30
    assert many < few * 1.5, (few, many)


def test_a_first_part_with_attachments_of_its_own_takes_no_more(parts, tmp_path):  # noqa: ANN001
    with pytest.raises(ValueError, match="attachments of its own"):
        pdfparts.assemble(parts, tmp_path / "whole.pdf", page_word="page",
                          attachments=[pdf.Appendix("CV", "cv.pdf", b"%PDF-1.4", 1)])
