"""What the import review says about a value (why it is flagged, where it came from, what was
left out of the file) is in the reader's language, its values shown as that reader writes them
(issue #14, item 8)."""

from tracker.importers.jsonld import parse_jsonld
from tracker.importers.jsonld_document import extract_html
from tracker.importers.text import parse_text
from tracker.services.imports import ImportReport, shown, warnings

POSTING = {
    "@context": "https://schema.org", "@type": "JobPosting", "title": "Chargé de mission",
    "datePosted": "2024-04-15", "validThrough": "13/05/2024", "identifier": "réf. n°12 / 2024",
    "baseSalary": {"@type": "MonetaryAmount", "value": {"minValue": 2300, "maxValue": 2600}},
}


def report(postings: list, problems: list | None = None) -> ImportReport:
    return ImportReport(filename="offre.json", format="jsonld", media_type="application/ld+json",
                        data=b"", text="", language="fr", postings=postings,
                        warnings=problems or [])


def reviews(lang: str, postings: list) -> dict[str, str]:
    return {f["field"]: f["review"] for f in shown(report(postings), lang)[0]["findings"]
            if f["review"]}


def test_the_reasons_to_review_are_in_the_readers_language() -> None:
    parsed = parse_jsonld(POSTING, "Europe/Paris")
    english, french = reviews("en", parsed), reviews("fr", parsed)
    assert english["valid_through_date"] == "not a date (expected YYYY-MM-DD): left out"
    assert french["valid_through_date"] == "pas une date (attendu AAAA-MM-JJ) : non reprise"
    assert english["reference"].startswith("not usable as a reference")
    assert french["reference"].startswith("inutilisable comme référence")
    assert "the salary is left out of the draft" in english["salary_min"]
    assert "aucune devise indiquée" in french["salary_min"]
    assert "le salaire n’est pas repris" in french["salary_min"]
    assert set(english) == set(french)


def test_dates_in_a_reason_are_written_as_the_reader_writes_them() -> None:
    parsed = parse_text("Offre d'emploi\nDate de publication : 15/04/2024\n"
                        "Date limite de candidature : 13/05/2026\n", language="fr")
    english, french = reviews("en", [parsed]), reviews("fr", [parsed])
    assert english["valid_through_date"] == \
        "implausible: deadline 13 May 2026 is 758 days from the posting date"
    assert french["valid_through_date"] == \
        "peu plausible : la date limite 13/05/2026 est à 758 jours de la date de publication"


def test_the_snippet_of_a_guess_and_the_warnings_are_translated() -> None:
    parsed = parse_text("Offre d'emploi\nLieu : Saint-Étienne\n", language="fr")
    snippets = {f["field"]: f["snippet"] for f in shown(report([parsed]), "fr")[0]["findings"]}
    assert snippets["timezone"] == "(offre en français)"
    page = (b'<html><body><script type="application/ld+json">{"@type": "JobPosting",'
            b'</script></body></html>')
    _, problems = extract_html(page, "offre.html")
    said = warnings(report([], [problems[0]]), "fr")
    assert said[0].startswith("le bloc JSON-LD à la ligne 1 de la page n’est pas du JSON valide")
    assert warnings(report([], [problems[0]]), "en")[0].startswith(
        "the JSON-LD block at line 1 of the page is not valid JSON")
