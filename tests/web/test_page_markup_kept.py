"""What a page makes once and reuses (#16: pages in a few milliseconds) reads exactly as what it
replaces: a row's move form stamped from the page's is the macro's own markup, a row's link is
url_for's, a kept select option is WTForms' own, a kept date is Babel's, in both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date, format_time
from flask import Flask, url_for
from markupsafe import escape
from werkzeug.routing import MapAdapter
from wtforms import Form
from wtforms import SelectField as PlainSelectField

from tests.web.conftest import Web
from tracker.web import stamps
from tracker.web.forms import BLANK, SearchForm
from tracker.web.stamps import Stamp, link, url_maker
from tracker.web.widgets import SelectField

NAMES = ["Zoé <Martin> & \"Cie\"", "O'Hara", None, "Émile", ""]


def in_request(app: Flask, lang: str = "fr") -> Any:
    return app.test_request_context("/", headers={"Accept-Language": lang})


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_stamped_move_form_is_the_macro_rendered_for_its_row(app: Flask, lang: str) -> None:
    with in_request(app, lang):
        macro = app.jinja_env.get_template("web/hr/_move.html").module.move_buttons
        stamp = Stamp(macro, ("action", "name", "uid"), back="posting", token="tok")
        for n, name in enumerate(NAMES):
            for moves in (["under_review", "rejected"], ["offer"], ["under_review", "rejected"]):
                action = f"/hr/applications/{n}/move?x=1&y=\"2\""
                made = stamp(action=action, moves=moves, name=name, uid=n)
                assert made == macro(action, moves, name, "posting", "tok", n)
        assert len(stamp.shapes) == 2  # one rendering per set of moves, not one per row
        assert "&lt;Martin&gt; &amp; &#34;Cie&#34;" in str(
            stamp(action="/a", moves=["offer"], name=NAMES[0], uid=1))


# An applicant's row as the posting page wrote it through the template's own calls.
ROW = """{% from "web/hr/_move.html" import move_buttons %}
{%- set move_form = stamp(move_buttons, ("action", "name", "uid"), back="posting", token="tok") %}
{%- set application_url, move_url = url_maker("hr.application", "application_id"), url_maker("hr.application_move", "application_id") %}
{%- set fit_label, fit_title = _("Fit"), _("The fit, explained") %}
{%- for a in rows %}
        {%- set id, name, fit, moves = a["id"], a["name"], a["fit"], a["moves"] %}
        <tr id="application-{{ id }}">
          <td><a href="{{ application_url(id) }}">{{ name or _("Anonymised applicant") }}</a>{% if a["is_late"] %} <span class="tag late">{{ _("late") }}</span>{% endif %}</td>
          <td>{{ a["submitted_at"]|when(zone) if a["submitted_at"] else "—" }}</td>
          <td class="num" data-label="{{ fit_label }}"><a href="{{ application_url(id) }}#fit" title="{{ fit_title }}">{{ fit|fit_coverage if fit is not none else "—" }}</a></td>
          <td>
            {% if move_error and move_error.id == id %}<p class="error" role="alert">{{ move_error.message }}</p>{% endif %}
            {% if moves %}{{ move_form(action=move_url(id), moves=moves, name=name, uid=id) }}{% else %}<span class="muted">{{ _("This status is final.") }}</span>{% endif %}
          </td>
        </tr>
      {% endfor %}"""

STAMPED = """{% from "web/hr/_move.html" import move_buttons %}
{%- from "web/hr/_applicant_row.html" import applicant_row %}
{%- set move_form = stamp(move_buttons, ("action", "name", "uid"), back="posting", token="tok") %}
{%- set row = row_maker(applicant_row, move_form, zone=zone, error=move_error, anonymised=_("Anonymised applicant"), fit_label=_("Fit"), fit_title=_("The fit, explained")) %}
{%- for a in rows %}
        {{- row(a) }}
      {%- endfor %}"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_applicants_row_made_once_per_shape_is_the_rows_markup(app: Flask, lang: str) -> None:
    fits = [None, {"requirements": 3, "assessed": 0}, {"requirements": 7, "assessed": 2,
                                                        "score": 68.5}]
    rows = [{"id": n, "name": name, "is_late": n % 2 == 0, "moves": moves,
             "submitted_at": None if n % 5 == 0 else datetime(2026, 3, n % 28 + 1, 9, n, tzinfo=UTC),
             "fit": fits[n % 3]}
            for n, (name, moves) in enumerate(
                (name, moves) for name in NAMES
                for moves in (["under_review", "rejected"], [], ["offer"]))]
    with in_request(app, lang):
        for zone, move_error in [("Europe/Paris", None), ("America/Montreal",
                                                         {"id": 4, "message": "Refusé <non>"})]:
            values = {"rows": rows, "zone": zone, "move_error": move_error}
            expected = app.jinja_env.from_string(ROW).render(values)
            made = app.jinja_env.from_string(STAMPED).render(values)
            assert made == expected
            assert 'class="tag late"' in made and '<span class="muted">' in made
            assert ("Refusé &lt;non&gt;" in made) is (move_error is not None)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_tables_rows_in_one_call_are_its_rows_one_after_the_other(app: Flask, lang: str) -> None:
    rows = [{"id": n, "name": NAMES[n % len(NAMES)], "is_late": n % 2 == 0,
             "moves": [["offer"], [], ["under_review", "rejected"]][n % 3],
             "submitted_at": datetime(2026, 3, 2, 9, n, tzinfo=UTC),
             "fit": {"requirements": 3, "assessed": n % 2, "score": 50.0 + n}}
            for n in range(7)]
    every = STAMPED.replace("{%- for a in rows %}\n        {{- row(a) }}\n      {%- endfor %}",
                            "{{- row.every(rows) }}")
    assert every != STAMPED
    with in_request(app, lang):
        for move_error in (None, {"id": 3, "message": "Refusé <non>"}):
            values = {"rows": rows, "zone": "Europe/Paris", "move_error": move_error}
            expected = app.jinja_env.from_string(STAMPED).render(values)
            assert expected.count("<tr ") == 7
            assert app.jinja_env.from_string(every).render(values) == expected
            assert app.jinja_env.from_string(every).render({**values, "rows": []}) == (
                app.jinja_env.from_string(STAMPED).render({**values, "rows": []}))


def test_a_kept_row_is_the_rows_markup_with_the_pages_own_token(app: Flask) -> None:
    """Rows are kept per app, without their token, under every value they show, and the stamps
    that make them per kind of page: shown again with another token, in the other language,
    zone, name, fit, moves or refused move, made again or kept, a row reads as the template
    writes it."""
    fits = [None, {"requirements": 3, "assessed": 0}, {"requirements": 7, "assessed": 2,
                                                        "score": 68.5}]
    rows = [{"id": n % 4, "name": NAMES[n % len(NAMES)], "is_late": n % 3 == 0,
             "moves": [["offer"], [], ["under_review", "rejected"]][n % 3],
             "submitted_at": datetime(2026, 3, 2, 9, n % 2, tzinfo=UTC), "fit": fits[n % 3]}
            for n in range(12)]
    row_at = ROW.replace('token="tok"', "token=token")
    stamped = STAMPED.replace('token="tok"', "token=token")
    app.extensions.pop("tracker_rows", None)
    for token in ("tok1", "tok<2>", "tok1"):
        if token == "tok<2>":  # rows made again, from the stamps kept since the first pages
            app.extensions.pop("tracker_rows")
        for lang in ("fr", "en"):
            for zone, move_error in [("Europe/Paris", None), ("America/Montreal",
                                                             {"id": 2, "message": "Refusé"})]:
                with in_request(app, lang):
                    values = {"rows": rows, "zone": zone, "move_error": move_error,
                              "token": token}
                    expected = app.jinja_env.from_string(row_at).render(values)
                    assert app.jinja_env.from_string(stamped).render(values) == expected
                    assert f'value="{escape(token)}"' in expected
    kept = app.extensions["tracker_rows"]
    assert 0 < len(kept) <= stamps.ROWS_KEPT
    assert not any(t in part for parts in kept.values() for part in parts
                   for t in ("tok1", "tok&lt;2"))


def test_rows_kept_are_bounded(app: Flask, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(stamps, "ROWS_KEPT", 5)
    app.extensions.pop("tracker_rows", None)
    rows = [{"id": n, "name": f"N{n}", "is_late": False, "moves": [], "submitted_at": None,
             "fit": None} for n in range(12)]
    with in_request(app):
        made = app.jinja_env.from_string(STAMPED.replace('"tok"', '"t"')).render(
            {"rows": rows, "zone": "UTC", "move_error": None})
    assert made.count("<tr ") == 12 and len(app.extensions["tracker_rows"]) == 5


def test_a_row_link_is_the_address_url_for_builds(app: Flask) -> None:
    with in_request(app):
        application = url_maker("hr.application", "application_id")
        for number in (7, 123456, "42"):
            assert application(number) == url_for("hr.application", application_id=number)
        posting, by_fit = url_maker("hr.posting", "reference"), url_maker(
            "hr.posting", "reference", sort="fit")
        for reference in ("ORG-1", "ORG 1/é?x#y&z"):
            assert posting(reference) == url_for("hr.posting", reference=reference)
            assert by_fit(reference) == url_for("hr.posting", reference=reference, sort="fit")


def test_a_rows_escaped_link_is_the_address_url_for_builds_escaped(app: Flask) -> None:
    for root in ("", "/a&b'c"):
        with app.test_request_context("/", base_url=f"http://localhost{root}/"):
            for endpoint, key, values in [
                    ("hr.application", "application_id", (7, 123456, -3, True, "42")),
                    ("hr.posting", "reference", ("ORG-1", "ORG 1/é?x#y&z'\"<>", 5))]:
                made = stamps._escaped_url_maker(endpoint, key)
                for value in values:
                    assert made(value) == str(escape(url_for(endpoint, **{key: value})))


def test_a_kept_address_is_url_fors_under_each_script_root(app: Flask) -> None:
    for root in ("", "/tracker", "/other"):
        with app.test_request_context("/", base_url=f"http://localhost{root}/"):
            for endpoint, values in [("public.index", {}), ("hr.dashboard", {}),
                                     ("static", {"filename": "style.css"}),
                                     ("hr.posting", {"reference": "ORG 1/é?x", "sort": "fit"}),
                                     ("hr.posting", {"reference": "ORG-1", "page": 1}),
                                     ("hr.posting", {"reference": "ORG-1", "page": True}),
                                     ("hr.application", {"application_id": 7})]:
                for _ in range(2):  # built, then kept
                    assert link(endpoint, **values) == url_for(endpoint, **values)
                    assert link(endpoint, **values).startswith(f"{root}/")
    app.config["SERVER_NAME"] = "tracker.example"
    with app.app_context():  # a template rendered outside a request builds as url_for does
        assert link("hr.dashboard") == url_for("hr.dashboard") == "http://tracker.example/hr/"


def test_a_pages_nav_addresses_are_built_once(app: Flask, hr, monkeypatch) -> None:  # noqa: ANN001
    nav = ("public.index", "hr.dashboard", "hr.posting_list", "auth.account", "auth.logout")
    with app.test_request_context("/"):
        addresses = {endpoint: url_for(endpoint) for endpoint in nav}
    web = Web(app.test_client()).as_user(hr)
    assert web.get("/hr/postings").status_code == 200
    built: list[str] = []
    real = MapAdapter.build
    monkeypatch.setattr(MapAdapter, "build", lambda adapter, endpoint, *args, **kwargs:
                        built.append(endpoint) or real(adapter, endpoint, *args, **kwargs))
    page = web.get("/hr/postings").get_data(as_text=True)
    for endpoint in nav:
        assert f'"{addresses[endpoint]}"' in page
        assert endpoint not in built, endpoint


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_kept_select_options_are_the_options_wtforms_writes(app: Flask, lang: str) -> None:
    choices = [*BLANK, ("permanent", "Emploi <permanent>"), (1, "un"), (True, "vrai"),
               ("x", "")]

    class Kept(Form):
        pick = SelectField("Pick", choices=choices, validate_choice=False)

    class Plain(Form):
        pick = PlainSelectField("Pick", choices=choices, validate_choice=False)

    with in_request(app, lang):
        for chosen in ("", "permanent", "1", "True"):
            kept, plain = Kept(data={"pick": chosen}), Plain(data={"pick": chosen})
            assert kept.pick() == plain.pick()
            assert kept.pick(class_="wide") == plain.pick(class_="wide")
        # translated labels follow the page's language, never the language first kept
        form = SearchForm(data={"employment_type": "fixed_term"})
        shown = str(form.employment_type())
    assert ('<option selected value="fixed_term">CDD</option>' if lang == "fr"
            else '<option selected value="fixed_term">Fixed-term</option>') in shown


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_kept_dates_and_times_are_babels(app: Flask, lang: str) -> None:
    instants = [datetime(2026, 12, 6, 14, 5, 59, 999, tzinfo=UTC),
                datetime(2026, 12, 6, 14, 5, 1, tzinfo=UTC),
                datetime(2027, 1, 31, 23, 59, tzinfo=UTC)]
    with in_request(app, lang):
        when, day = app.jinja_env.filters["when"], app.jinja_env.filters["day"]
        for instant in instants:
            local = instant.astimezone(ZoneInfo("Europe/Paris"))
            assert when(instant, "Europe/Paris") == (
                f"{format_date(local.date(), 'medium', locale=lang)}, "
                f"{format_time(local.time(), 'short', locale=lang)} (Europe/Paris)")
            assert when(instant, "Europe/Paris", with_time=False) == format_date(
                local.date(), "medium", locale=lang)
        assert day(date(2026, 2, 1)) == format_date(date(2026, 2, 1), "medium", locale=lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_minute_of_a_day_is_written_as_babel_writes_it(lang: str) -> None:
    from tracker.web.texts import time_text

    for hour in range(24):
        for minute in range(60):
            assert time_text(hour, minute, lang) == format_time(
                time(hour, minute), "short", locale=lang)


def test_the_status_buttons_token_is_the_one_their_form_writes(app: Flask) -> None:
    from tracker.web.forms import StatusForm
    from tracker.web.widgets import TokenOnly

    with in_request(app):
        form = StatusForm()
        assert 'name="csrf_token"' in str(form.csrf_token)
        assert TokenOnly().csrf_token == form.csrf_token()


@pytest.mark.parametrize("value", [*NAMES, 0, 12, -3, 1.5, True, escape("<b>x</b>"),
                                   "\x00id\x00", "a&amp;b", "<>&'\""])
def test_a_stamps_values_are_escaped_as_markupsafe_escapes_them(value):
    assert stamps._escaped(value) == str(escape(value))


def test_a_hole_given_twice_and_a_value_holding_a_marker_are_put_in_as_given():
    """A shape's markers are cut once: each hole's value put in where its markers were, a value
    holding another hole's marker not read as that hole."""
    stamp = Stamp(lambda id, url, shown: f'<a id="{id}" href="{url}">{shown}</a> {url}',
                  ("id", "url", "shown"))
    assert str(stamp(id=7, url="/a?x=1&y=2", shown="\x00url\x00")) == (
        '<a id="7" href="/a?x=1&amp;y=2">\x00url\x00</a> /a?x=1&amp;y=2')


GETTEXT_CALLS = [
    '{{ _("Log out") }}', '{{ _("Move %(name)s to", name=name) }}', '{{ gettext("Fit") }}',
    '{{ _("100 %% of %(n)s", n=name) }}', '{{ _("100 %%") }}', '{{ _("no such text <b>") }}',
    '{{ ngettext("%(num)s day left", "%(num)s days left", n) }}',
    '{{ ngettext("%(num)s requirement of %(name)s", "%(num)s requirements of %(name)s", n, '
    'name=name) }}', '{% trans %}Log out{% endtrans %}',
    '{% trans count=n %}{{ count }} day left{% pluralize %}{{ count }} days left{% endtrans %}',
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_the_pages_gettext_writes_what_jinjas_newstyle_gettext_writes(
        app: Flask, lang: str, autoescape: bool) -> None:
    """The templates' `_`, `gettext` and `ngettext`, one call each (#16), read as the newstyle
    callables of Jinja's i18n extension they replace: translated, escaped values, a literal
    %% written %, markup only where the template escapes."""
    from jinja2 import Environment

    from tracker.i18n import catalog

    jinja = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    jinja.install_gettext_translations(catalog(lang), newstyle=True)  # type: ignore[attr-defined]
    ours = app.jinja_env.overlay(autoescape=autoescape)
    with in_request(app, lang):
        for source in GETTEXT_CALLS:
            for values in ({"name": "Zoé <Martin> & \"Cie\"", "n": 1}, {"name": "O'Hara", "n": 3}):
                expected = jinja.from_string(source).render(values)
                assert ours.from_string(source).render(values) == expected, source
