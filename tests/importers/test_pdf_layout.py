"""A PDF read by its layout (tracker.pdflayout): small PDFs made here with WeasyPrint, each with
one layout feature that a line-by-line extraction gets wrong."""

from __future__ import annotations

import pytest
from weasyprint import HTML

from tracker.config import get_settings
from tracker.pdflayout import read_pdf_text
from tracker.services.imports import analyse

PAGE = "@page { size: A5; margin: 20mm 15mm; } body { font: 10pt 'DejaVu Sans'; }"


def pdf(body: str, style: str = "") -> bytes:
    return HTML(string=f"<html><head><style>{PAGE}{style}</style></head>"
                       f"<body>{body}</body></html>").write_pdf()


def lines_of(data: bytes) -> list[str]:
    return [line for line in read_pdf_text(data, 50).split("\n") if line.strip()]


LONG = ("Coordonner les partenariats internationaux de l'établissement avec les universités "
        "européennes et suivre les conventions signées")


def test_wrapped_list_items_and_paragraphs_are_joined():
    data = pdf(f"<p>Le service accueille chaque année des étudiants venus de nombreux pays et "
               f"les accompagne dans leurs démarches.</p><ul><li>{LONG}</li>"
               f"<li>Rédiger les rapports</li><li>{LONG} en anglais</li></ul>")
    lines = lines_of(data)
    assert lines == [
        "Le service accueille chaque année des étudiants venus de nombreux pays et les "
        "accompagne dans leurs démarches.",
        f"• {LONG}", "• Rédiger les rapports", f"• {LONG} en anglais"]


def test_short_lines_that_end_early_are_not_joined():
    data = pdf("<p>Employeur<br>Université Jean Monnet<br>Saint-Étienne</p>")
    assert lines_of(data) == ["Employeur", "Université Jean Monnet", "Saint-Étienne"]


def test_two_columns_are_read_one_after_the_other():
    left = "".join(f"<li>Compétence gauche numéro {n} rédigée sur une longue ligne</li>"
                   for n in range(1, 6))
    right = "".join(f"<li>Qualité droite numéro {n} rédigée sur une ligne longue</li>"
                    for n in range(1, 6))
    data = pdf(f"<h2>Profil recherché</h2><div class='cols'><h3>Savoir-faire</h3><ul>{left}"
               f"</ul><h3>Savoir-être</h3><ul>{right}</ul></div>",
               ".cols { columns: 2; column-gap: 8mm; } h3 { break-before: column; }"
               " h3:first-child { break-before: auto; }")
    lines = lines_of(data)
    assert lines[0] == "Profil recherché"
    assert lines[1:] == (["Savoir-faire"] + [
        f"• Compétence gauche numéro {n} rédigée sur une longue ligne" for n in range(1, 6)]
        + ["Savoir-être"] + [f"• Qualité droite numéro {n} rédigée sur une ligne longue"
                             for n in range(1, 6)])


def test_a_ruled_table_is_read_row_by_row():
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in [
        ("Poste", "Lieu", "Date limite"),
        ("Chargé de mission", "Lyon", "13/05/2024"),
        ("Gestionnaire financier et comptable du laboratoire", "Saint-Étienne", "20/05/2024")])
    facts = "".join(f"<tr><th>{a}</th><td>{b}</td></tr>" for a, b in [
        ("Contrat", "CDD de 12 mois renouvelable une fois selon les financements obtenus"),
        ("Quotité", "100 %")])
    data = pdf(f"<p>Postes ouverts</p><table>{rows}</table><p>Conditions</p>"
               f"<table>{facts}</table>",
               "table { border-collapse: collapse; width: 100%; margin: 4mm 0; }"
               " td, th { border: 0.5pt solid black; padding: 1mm; text-align: left; }")
    assert lines_of(data) == [
        "Postes ouverts", "Poste | Lieu | Date limite", "Chargé de mission | Lyon | 13/05/2024",
        "Gestionnaire financier et comptable du laboratoire | Saint-Étienne | 20/05/2024",
        "Conditions",
        "Contrat : CDD de 12 mois renouvelable une fois selon les financements obtenus",
        "Quotité : 100 %"]


def test_an_unruled_label_value_table_keeps_each_value_with_its_label():
    facts = "".join(f"<tr><th>{a}</th><td>{b}</td></tr>" for a, b in [
        ("Employeur", "Université Jean Monnet"),
        ("Service", "Direction de l'International, Bureau d'ingénierie de projets "
                    "et de coopération"),
        ("Contrat", "CDD"), ("Date limite", "13/05/2024")])
    data = pdf(f"<table>{facts}</table><p>Missions</p>",
               "th { text-align: left; width: 35mm; } td { padding-left: 10mm; }")
    assert lines_of(data) == [
        "Employeur : Université Jean Monnet",
        "Service : Direction de l'International, Bureau d'ingénierie de projets et de "
        "coopération",
        "Contrat : CDD", "Date limite : 13/05/2024", "Missions"]


@pytest.mark.parametrize("number", ["'page ' counter(page) ' / ' counter(pages)",
                                    "counter(page) '/' counter(pages)",
                                    "'- ' counter(page) ' -'"])
def test_running_headers_footers_and_page_numbers_are_dropped(number):
    style = ("@page { @top-left { content: 'ACME Conseil · Offre AC-12'; font-size: 8pt; }"
             f" @bottom-right {{ content: {number}; font-size: 8pt; }}"
             " @bottom-left { content: 'Document imprimé le 12/03/2024'; font-size: 8pt; } }"
             " section { break-after: page; }")
    body = "".join(f"<section><p>Partie {n} de l'offre</p></section>" for n in range(1, 4))
    text = read_pdf_text(pdf(body, style), 50)
    assert [line for line in text.split("\n") if line.strip()] == [
        "Partie 1 de l'offre", "Partie 2 de l'offre", "Partie 3 de l'offre"]


def test_a_line_that_comes_back_in_the_body_of_every_page_is_kept():
    body = "".join(f"<section><p>Missions</p><p>Tâche {n}</p></section>" for n in range(1, 4))
    text = read_pdf_text(pdf(body, "section { break-after: page; padding-top: 40mm; }"), 50)
    assert text.count("Missions") == 3


def test_hidden_text_is_not_read():
    data = pdf("<div style='font-size:1pt;color:#fff;height:0;overflow:hidden'>CACHÉ</div>"
               "<p style='color:white'>blanc</p><p>Visible</p>")
    assert lines_of(data) == ["Visible"]


def test_much_hidden_text_beside_little_visible_text_is_still_not_read():
    """The reading falls back to PDFium's plain text only for a font pdfplumber cannot decode:
    hidden text, however much of it, counts on both sides and never tips it."""
    hidden = " ".join(["mots-clés cachés pour tromper le tri"] * 40)
    data = pdf(f"<p style='color:white'>{hidden}</p><p>Visible</p>")
    assert lines_of(data) == ["Visible"]


def test_the_import_of_a_pdf_uses_the_layout_reader():
    data = pdf(f"<h1>Chargé de mission</h1><h3>Compétences techniques</h3><ul><li>{LONG}</li>"
               f"<li>{LONG} et leurs avenants</li></ul>",
               "@page { @bottom-right { content: 'page ' counter(page) ' / ' counter(pages) }}")
    report = analyse("offre.pdf", data, default_zone=get_settings().timezone)
    labels = [item["label"] for item in report.postings[0].items("requirements")]
    assert labels == [LONG, f"{LONG} et leurs avenants"]


def test_the_plain_text_keeps_what_the_layout_reading_leaves_out():
    """Erasure searches a dossier for a person's name: it reads every piece of text, running
    headers and hidden text included (pdf_text(layout=False))."""
    from tracker.pdfcheck import pdf_text

    style = ("@page { @top-left { content: 'Dossier de Camille Martin'; font-size: 8pt; } }"
             " section { break-after: page; }")
    body = ("<div style='font-size:1pt;color:#fff'>camille@example.org</div>"
            + "".join(f"<section><p>Partie {n}</p></section>" for n in range(1, 4)))
    data = pdf(body, style)
    read = pdf_text(data, filename="dossier.pdf")
    assert "Camille Martin" not in read and "camille@example.org" not in read
    plain = pdf_text(data, filename="dossier.pdf", layout=False)
    assert "Camille Martin" in plain and "camille@example.org" in plain


def test_a_first_page_title_that_the_running_header_repeats_is_kept():
    style = ("@page { @top-left { content: 'Technicien de laboratoire'; font-size: 8pt; } }"
             " @page :first { @top-left { content: none; } } section { break-after: page; }"
             " @page { margin-top: 15mm; }")
    body = ("<h1 style='margin:0'>Technicien de laboratoire</h1>"
            + "".join(f"<section><p>Partie {n}</p></section>" for n in range(1, 4)))
    lines = lines_of(pdf(body, style))
    assert lines == ["Technicien de laboratoire", "Partie 1", "Partie 2", "Partie 3"]


# -- words cut at the end of a line, ligatures, headings, banners (#15 item 4) ---------------

NARROW = "@page { size: 70mm 150mm; margin: 10mm; } body { margin: 0; }"
HYPHENATED = ("<p lang='fr' style='text-align: justify; hyphens: auto'>"
              "L'établissement recrute un administrateur systèmes expérimenté pour "
              "l'accompagnement des infrastructures informatiques universitaires et "
              "internationales</p>")


def _raw_lines(data: bytes) -> list[str]:
    """The PDF's lines as a line-by-line extraction gives them (what the layout reader fixes)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        return [line for page in document.pages for line in page.extract_text().split("\n")]


def _raw_chars(data: bytes) -> str:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        return "".join(str(char["text"]) for page in document.pages for char in page.chars)


def test_words_hyphenated_at_the_end_of_a_line_are_read_whole():
    data = pdf(HYPHENATED, NARROW)
    assert any(line.endswith("\u2010") for line in _raw_lines(data))  # the PDF cuts words
    assert lines_of(data) == [
        "L'établissement recrute un administrateur systèmes expérimenté pour "
        "l'accompagnement des infrastructures informatiques universitaires et "
        "internationales"]


def test_a_hyphen_minus_at_the_end_of_a_line_is_kept_unless_the_word_is_written_whole():
    """A word processor's hyphenation may print a plain '-': the word is rejoined when the
    document writes it whole elsewhere; a compound cut at its own hyphen keeps it."""
    body = (HYPHENATED.replace("hyphens: auto", 'hyphens: auto; hyphenate-character: "-"')
            + "<p>Infrastructures informatiques universitaires</p>"
            + "<p>Un emploi à temps-plein à pourvoir</p>")
    data = pdf(body, NARROW + " body { font-size: 12pt; }")
    raw = _raw_lines(data)
    assert any(line.endswith("-") and line[-2].isalpha() for line in raw[:6])
    assert "Un emploi à temps-" in raw
    lines = lines_of(data)
    assert "des infrastructures informatiques universitaires" in lines[0]  # written whole below
    assert lines[-1] == "Un emploi à temps-plein à pourvoir"


def _ligatures_as_code_points(data: bytes) -> bytes:
    """The PDF with its text layer mapping the fi and fl ligature glyphs to U+FB01 and U+FB02
    (as some word processors write it; WeasyPrint writes their letters)."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as document:
        for page in document.pages:
            for font in page.Resources.Font.values():
                for item in [font, *font.get("/DescendantFonts", [])]:
                    if "/ToUnicode" in item:
                        cmap = item.ToUnicode.read_bytes()
                        item.ToUnicode.write(cmap.replace(b"<00660069>", b"<FB01>")
                                             .replace(b"<0066006c>", b"<FB02>"))
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def test_ligatures_and_soft_hyphens_are_read_as_letters():
    data = _ligatures_as_code_points(pdf(
        "<p style='font-family: \"DejaVu Serif\"'>Qualification officielle, profil "
        "flexible</p><p style='text-align: justify; hyphens: manual'>Responsabili&shy;"
        "tés d'encadre&shy;ment et de coordi&shy;nation administra&shy;tive</p>", NARROW))
    assert "\ufb01" in _raw_chars(data)  # the text layer holds the ligature's code point
    assert lines_of(data) == [
        "Qualification officielle, profil flexible",
        "Responsabilités d'encadrement et de coordination administrative"]


def test_a_bold_heading_is_never_joined_with_the_paragraph_under_it():
    """Set tight above its paragraph, a heading whose last line the paragraph's first word
    would not fit after is still a line of its own: its weight differs."""
    data = pdf("<p style='font-weight: bold'>Rémunération et avantages</p>"
               "<p>Accompagnement des équipes et conduite des projets</p>",
               NARROW + " p { margin: 0; }")
    assert lines_of(data) == ["Rémunération et avantages",
                              "Accompagnement des équipes et conduite des projets"]


def test_a_white_title_on_a_coloured_band_is_read():
    data = pdf("<div style='background: #1d4f91; color: white; padding: 4mm'>Ville de Lyon"
               "</div><h1>Chargé de mission</h1>"
               "<p style='color: white'>texte blanc sur blanc</p>")
    assert lines_of(data) == ["Ville de Lyon", "Chargé de mission"]


def test_a_one_page_footer_does_not_widen_the_text_area():
    """The footer of a single page stays (nothing says it runs), but the paragraphs above it
    wrap at their own right edge: their wrapped lines are still joined."""
    style = ("@page { margin: 20mm 25mm; @bottom-left { content: 'Offre imprimée depuis le "
             "site'; width: 100mm; } @bottom-right { content: 'Ville de Lyon'; } }")
    text = " ".join(["Le poste est à pourvoir au sein de la direction des relations "
                     "internationales à Lyon"] * 4)
    lines = lines_of(pdf(f"<p style='text-align: left'>{text}</p>", style))
    assert lines[0] == text


def test_columns_whose_lines_do_not_meet_are_read_one_after_the_other():
    """Justified columns whose baselines do not line up (a heading's spacing shifts the right
    one): each column's paragraphs whole, the left one first."""
    mission = ("Notre client, une entreprise de paiement dont le siège européen est à Dublin, "
               "cherche un ingénieur pour rejoindre l'équipe qui migre ses services vers "
               "Kubernetes et accompagner les développeurs au quotidien.")
    profile = ("Vous avez cinq ans d'expérience de Terraform et de Kubernetes, vous aimez "
               "transmettre et vous écrivez une documentation claire pour les équipes.")
    data = pdf(f"<div class='cols'><p>{mission}</p><h4>Profil recherché</h4><p>{profile}</p>"
               "</div>",
               ".cols { columns: 2; column-gap: 8mm; text-align: justify; }"
               " p { margin: 0; } h4 { break-before: column; margin: 0 0 2mm; }")
    assert lines_of(data) == [mission, "Profil recherché", profile]


def test_a_pdf_whose_font_the_layout_reader_cannot_decode_is_read_line_by_line():
    """WeasyPrint writes the font beside an emoji with an encoding pdfplumber cannot decode:
    the layout reading would find almost nothing, so the PDF is read line by line."""
    import io

    import pdfplumber

    data = pdf("<p style='font-family: \"DejaVu Serif\"'>We're hiring our first engineer 🚀</p>"
               "<p style='font-family: \"DejaVu Serif\"'>Kelpwise turns sensor data into "
               "harvest forecasts. Email tom@kelpwise.co with a few lines.</p>")
    with pdfplumber.open(io.BytesIO(data)) as document:
        assert "tom@kelpwise.co" not in document.pages[0].extract_text()
    text = read_pdf_text(data, 50)
    assert "Kelpwise turns sensor data" in text and "tom@kelpwise.co" in text


def test_a_pdf_with_an_emoji_keeps_every_character_and_the_text_a_heading_is_beside():
    """The same font beside an emoji under a heading pdfplumber can read: the layout reading
    finds the headings but not the text, and reads a bullet and a dash as control characters;
    PDFium reads the page as a viewer shows it."""
    data = pdf("<h2>What you will do</h2><h2>How to apply</h2>"
               "<p style='font-family: \"DejaVu Serif\"'>🍪 Jess McAllister • 1st – Renewables</p>"
               "<p style='font-family: \"DejaVu Serif\"'>Lead the delivery of two solar farms "
               "of 120 MW each. Send your CV to jobs@sunvolt.example before 2 April 2027.</p>")
    text = read_pdf_text(data, 50)
    assert not any("\x80" <= c <= "\x9f" for c in text)
    assert "Jess McAllister • 1st – Renewables" in text
    assert "jobs@sunvolt.example" in text and "What you will do" in text


def test_a_label_of_two_lines_beside_a_value_set_between_them_stays_one_row():
    facts = "".join(f"<tr><th>{a}</th><td>{b}</td></tr>" for a, b in [
        ("Employeur", "Climatic Ouest"),
        ("Publiée le 19/08/2027, référence de l'annonce", "176012944W"),
        ("Contrat", "CDD de 18 mois"), ("Date limite", "15/09/2027")])
    data = pdf(f"<table>{facts}</table>",
               "th { text-align: left; width: 35mm; vertical-align: top; }"
               " td { padding-left: 10mm; vertical-align: middle; }")
    assert lines_of(data) == [
        "Employeur : Climatic Ouest",
        "Publiée le 19/08/2027, référence de l'annonce : 176012944W",
        "Contrat : CDD de 18 mois", "Date limite : 15/09/2027"]


def test_a_value_cut_at_its_hyphen_in_a_table_cell_is_rejoined():
    facts = "".join(f"<tr><th>{a}</th><td>{b}</td></tr>" for a, b in [
        ("Employeur", "Commission européenne"), ("Unité", "DG CLIMA, unité B.2"),
        ("Candidatures", "CLIMA-B2-RECRUTEMENT@ec.europa.eu"), ("Contrat", "CDD")])
    data = pdf(f"<table>{facts}</table>",
               "th { text-align: left; width: 35mm; } td { padding-left: 10mm; width: 28mm; }")
    assert "CLIMA-B2-" in _raw_lines(data)
    assert "Candidatures : CLIMA-B2-RECRUTEMENT@ec.europa.eu" in lines_of(data)


def test_columns_with_headings_and_short_lines_are_not_read_as_a_table():
    """Two columns whose lines are mostly short (headings, label lines) beside paragraphs:
    still columns, not label and value, each line measured on its own words (the other
    column's heading on the same baseline is larger)."""
    left = ("<h4>About the role</h4><p>You will help households who are homeless or at risk "
            "of losing their home to find a safe place to live, assessing applications.</p>"
            "<h4>What we are looking for</h4><p>Experience of casework in housing, advice or "
            "social care.</p>")
    right = ("<p>Closing date : 9 May 2027 at midnight</p><p>Interview date : 20 May 2027</p>"
             "<p>For an informal conversation about the role, please contact Sam Okafor, "
             "Team Manager, at housing.options@bristol.gov.uk.</p>")
    data = pdf(f"<p>Location : City Hall, College Green</p><div class='cols'>{left}"
               f"<div class='r'>{right}</div></div>",
               "@page { size: A4; } body { font: 10pt/1.3 'Liberation Serif'; }"
               " .cols { columns: 2; column-gap: 9mm; text-align: justify; hyphens: auto; }"
               " p { margin: 0; } h4 { margin: 3mm 0 0; font-size: 11pt; }"
               " .r { break-before: column; }", )
    lines = lines_of(data)
    assert lines[-3:] == [
        "Closing date : 9 May 2027 at midnight", "Interview date : 20 May 2027",
        "For an informal conversation about the role, please contact Sam Okafor, Team "
        "Manager, at housing.options@bristol.gov.uk."]
    assert lines[1:5] == [
        "About the role", "You will help households who are homeless or at risk of losing "
        "their home to find a safe place to live, assessing applications.",
        "What we are looking for",
        "Experience of casework in housing, advice or social care."]


def test_a_label_line_under_a_line_that_ends_full_is_not_joined_to_it():
    """The line above happens to reach the right edge (the label's first word would not fit
    after it), yet "Pays : ..." opens a line of its own."""
    data = pdf("<p style='text-align-last: justify'>Mission : coordination du projet eau</p>"
               "<p>Pays : Madagascar (Toamasina)</p>",
               "@page { size: 95mm 150mm; margin: 10mm; } body { margin: 0; } p { margin: 0; }")
    assert lines_of(data) == ["Mission : coordination du projet eau",
                              "Pays : Madagascar (Toamasina)"]


COLUMNS = ("@page { size: A4; margin: 20mm 18mm; } body { font: 10pt/1.3 'Liberation Serif'; "
           "text-align: justify; } .body { columns: 2; column-gap: 9mm; } p { margin: 0; }")
PROSE = ("Vous préparez les offres, suivez les commandes à l'export et les expéditions, et "
         "répondez aux clients en anglais comme en espagnol, en lien avec les transitaires")


def test_short_lines_in_the_first_column_beside_prose_are_columns_not_a_table():
    # A relayed offer printed in bench/pdf_agreement.py's two-column layout: the first
    # column's short lines (title, place, contract, pay) stand level with the second's
    # paragraph. A label table's first column is narrower than its values'; these two
    # columns are of one width, so they are read one after the other, not as label : value.
    from bench.pdf_agreement import render
    from tests.importers.test_accuracy import ALL

    lines = lines_of(render(ALL["fr-hellowork-relayed-assistant-commercial"].text, "fr",
                            "columns"))
    assert lines[2:6] == ["Assistant commercial export F/H", "Toulouse - 31", "CDD - 8 mois",
                          "Salaire : 26 000 - 28 000 € / an"]
    assert "Le poste" in lines and not any(line.endswith(" :") or " : Le " in line
                                           for line in lines)


def test_the_last_line_of_a_paragraph_across_the_page_stays_with_it_above_columns():
    # its last line is short, so it does not cross the gutter of the columns below
    intro = ("La Fédération régionale des coopératives agricoles, organisation professionnelle "
             "reconnue, accompagne depuis 2015 les exploitations familiales dans leurs projets "
             "de diversification et de transformation des produits dans les départements du "
             "Nord, du Centre et de l'Est.")
    cols = "".join(f"<p>{PROSE}.</p><p>– Tâche numéro {n} du poste</p>" for n in range(4))
    data = pdf(f"<p>AVIS DE RECRUTEMENT</p><p style='margin-bottom:0.9em'>N° 2027/004</p>"
               f"<p style='margin-bottom:0.9em'>{intro}</p><div class='body'>{cols}</div>",
               COLUMNS)
    assert lines_of(data)[2:4] == [intro, f"{PROSE}."]


def test_a_hyphenation_mark_ending_a_line_read_line_by_line_joins_the_word() -> None:
    # The line-by-line reading (PDFium, when a font cannot be decoded) keeps each line apart: a
    # word hyphenation cut there is one word again, an e-mail address too; a hyphen-minus a
    # writer typed stays.
    from tracker.pdflayout import _hyphenation_joined

    read = "par courriel à em\u2010\nploi@sombreval.be. Les candidatures\ncheffe de bu\u00ad\nreau."
    assert _hyphenation_joined(read) == ("par courriel à emploi@sombreval.be. Les candidatures\n"
                                         "cheffe de bureau.")
    assert _hyphenation_joined("Saint-\nÉtienne") == "Saint-\nÉtienne"
