"""The pages name enum values with the catalog's labels (tracker.i18n), in the page's language."""

from __future__ import annotations

from flask import Flask

from tracker.models.enums import ApplicationStatus, DocumentKind, EmploymentType, PostingStatus
from tracker.web.common import DOCUMENT_LABELS, EMPLOYMENT_LABELS, STATUS_LABELS


def shown(app: Flask, lang: str, source: str, **values: object) -> str:
    with app.test_request_context("/", headers={"Accept-Language": lang}):
        return app.jinja_env.from_string(source).render(**values)


def test_the_label_filter_names_an_enum_in_the_page_language(app: Flask) -> None:
    source = "{{ s|label }} | {{ e|label }} | {{ p|label(capital=False) }}"
    values = {"s": ApplicationStatus.UNDER_REVIEW, "e": EmploymentType.FIXED_TERM,
              "p": PostingStatus.CLOSED}
    assert shown(app, "fr", source, **values) == "En cours d’examen | CDD | clos"
    assert shown(app, "en", source, **values) == "Under review | Fixed-term | closed"


def test_the_label_filter_reads_stored_values_and_words_of_the_catalog(app: Flask) -> None:
    source = ('{{ "rejected"|label("status") }} | {{ "deadline"|label }} | '
              '{{ label("identity", "document") }} | {{ none|label }} | {{ "B7"|label("kind") }}')
    assert shown(app, "fr", source, none=None) == (
        "Non retenue | Date limite de candidature | Pièce d’identité | — | B7")
    assert shown(app, "en", source, none=None) == (
        "Rejected | Application deadline | Identity document | — | B7")


def test_the_web_label_tables_follow_the_page_language(app: Flask) -> None:
    for lang, words in (("fr", ["Déposée", "Ouvert", "Pièce d’identité", "CDD"]),
                        ("en", ["Submitted", "Open", "Identity document", "Fixed-term"])):
        with app.test_request_context("/", headers={"Accept-Language": lang}):
            assert [str(STATUS_LABELS["submitted"]), str(STATUS_LABELS["open"]),
                    str(DOCUMENT_LABELS[DocumentKind.IDENTITY.value]),
                    str(EMPLOYMENT_LABELS["fixed_term"])] == words
