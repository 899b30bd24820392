"""form_errors puts a service's messages next to the field they name, whatever the name: a
field, a row of a list, a nested field, or a name the form does not have (at the top)."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import FieldList, Form, FormField, HiddenField, StringField

from tracker.domain.errors import DomainError, ValidationFailed
from tracker.web.common import form_errors, has_errors


class Row(Form):
    marker = HiddenField()
    date = StringField("Date")
    place = StringField("Place")


class Inner(Form):
    street = StringField("Street")


class Sample(Form):
    title = StringField("Title")
    rows = FieldList(FormField(Row), label="Interview dates")
    address = FormField(Inner)


def sample() -> Sample:
    return Sample(MultiDict({"title": "T", "rows-0-date": "2025-01-10", "rows-1-date": "x"}))


def errors_of(form: Sample) -> dict[str, list[str]]:
    found = {"title": list(form.title.errors), "street": list(form.address.form.street.errors),
             "top": list(form.form_errors)}
    for index, entry in enumerate(form.rows.entries):
        for name in ("marker", "date", "place"):
            found[f"{index}.{name}"] = list(entry.form[name].errors)
    return {key: value for key, value in found.items() if value}


@pytest.mark.parametrize(("name", "where"), [
    ("title", "title"),
    ("rows[0]", "0.date"),  # a whole row: on its first field people type in
    ("rows[1]", "1.date"),
    ("rows[1].place", "1.place"),
    ("rows[0].marker", "0.marker"),
    ("address", "street"),  # a sub-form: its first field
    ("address.street", "street"),
    ("rows", "top"),  # the whole list: at the top
    ("rows[7]", "top"),  # no such row
    ("rows[x]", "top"),
    ("rows[0][1]", "top"),
    ("rows[0].nope", "top"),
    ("rows[0].date.deeper", "top"),
    ("title[0]", "top"),
    ("title.sub", "top"),
    ("nope", "top"),
    ("nope[0].date", "top"),
    ("[0]", "top"),
    (".", "top"),
    ("rows[0]]", "top"),
    ("", "top"),
])
def test_every_name_lands_somewhere_and_never_fails(name: str, where: str) -> None:
    form = sample()
    form_errors(form, DomainError(name or None, "is wrong"))
    found = errors_of(form)
    assert list(found) == [where], found
    assert found[where][0].endswith("is wrong")
    assert has_errors(form)


def test_a_message_at_the_top_names_the_field_by_its_label() -> None:
    form = sample()
    form_errors(form, ValidationFailed([DomainError("rows", "at most 3"),
                                        DomainError("unknown_thing", "bad"),
                                        DomainError(None, "no field")]))
    assert form.form_errors == ["Interview dates: at most 3", "unknown_thing: bad", "no field"]


def test_all_messages_of_a_validation_failure_are_shown_at_once() -> None:
    form = sample()
    form_errors(form, ValidationFailed([DomainError("title", "required"),
                                        DomainError("rows[0]", "in the past"),
                                        DomainError("rows[1].place", "too long")]),
                aliases={"title": "title"})
    assert errors_of(form) == {"title": ["required"], "0.date": ["in the past"],
                               "1.place": ["too long"]}


def test_the_summary_lists_every_field_in_error_in_the_forms_order(app) -> None:  # noqa: ANN001
    """error_summary (the list at the top of every form using the shared macros): each field
    with an error once, in the form's order, a row's named by its list and number, linked by
    the field's id; the form's own messages stay out of it (they are shown as they are)."""
    from tracker.web.form_summary import error_summary

    form = sample()
    form_errors(form, ValidationFailed([DomainError("rows[1].place", "is wrong"),
                                        DomainError("title", "too long"),
                                        DomainError("address.street", "unknown street"),
                                        DomainError("rows[1].place", "and empty"),
                                        DomainError("nope", "bad")]))
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert error_summary(form) == [
            {"id": "title", "label": "Title", "message": "too long"},
            {"id": "rows-1-place", "label": "Interview dates, row 2: Place",
             "message": "is wrong; and empty"},
            {"id": "address-street", "label": "Address: Street", "message": "unknown street"},
        ]
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        assert [e["label"] for e in error_summary(form)][1] == "Interview dates, ligne 2 : Place"
    assert form.form_errors == ["nope: bad"]
    with app.test_request_context():
        assert error_summary(sample()) == []
