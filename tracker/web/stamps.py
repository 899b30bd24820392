"""Markup a page repeats on every row, made once per page (#16: pages in a few milliseconds).

A list of fifty applicants renders the same move form fifty times with only the address, the
name and an id changing; rendering it through the macro each time was half the page. A stamp
renders the macro once for each shape (the values that change what the form holds, such as the
moves offered) with markers in place of the row's own values, then puts each row's values,
escaped as the macro would escape them, in place of the markers. A row's link is made the same
way: the endpoint's address built once, the row's id or reference put in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import current_app, has_request_context, request, url_for
from markupsafe import Markup, escape
from werkzeug.routing.converters import NumberConverter


def _marker(name: str) -> str:
    # NUL never occurs in a page and markupsafe leaves it as it is
    return f"\x00{name}\x00"


class Stamp:
    """`macro` called with keyword values, rendered once per distinct set of the values that are
    not `holes`. A hole's value must be printed by the macro as it is (`{{ value }}`, or as a
    `%(x)s` of a translated message): not transformed (no filter, no test on it), since the
    markup is made with a marker in its place."""

    def __init__(self, macro: Callable[..., Any], holes: tuple[str, ...], **fixed: Any) -> None:
        self.macro, self.holes, self.fixed = macro, holes, fixed
        self.markers = [(name, _marker(name)) for name in holes]
        self.shapes: dict[tuple[Any, ...], str] = {}

    def __call__(self, **values: Any) -> Markup:
        holes = self.holes
        key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                           for k, v in values.items() if k not in holes))
        shape = self.shapes.get(key)
        if shape is None:
            shape_values = {k: v for k, v in values.items() if k not in holes}
            markers = dict(self.markers)
            shape = self.shapes[key] = str(self.macro(**self.fixed, **shape_values, **markers))
        for name, marker in self.markers:
            shape = shape.replace(marker, escape(values.get(name)))
        return Markup(shape)  # noqa: S704  (the macro's markup, each value escaped)


def url_maker(endpoint: str, key: str, **values: Any) -> Callable[[Any], str]:
    """`url_for(endpoint, key=value, **values)` as a function of `value`: the address built
    once with a marker for `value`, then each value put in through the rule's own converter
    (quoted as url_for quotes it). An endpoint of several rules, or one whose address does not
    hold the marker once, is built by url_for every time."""
    def each(value: Any) -> str:
        return url_for(endpoint, **{key: value}, **values)

    rules = list(current_app.url_map.iter_rules(endpoint))
    converter = getattr(rules[0], "_converters", {}).get(key) if len(rules) == 1 else None
    if converter is None:
        return each
    mark: Any = 987654321987654321 if isinstance(converter, NumberConverter) else "trackermark"
    built = url_for(endpoint, **{key: mark}, **values)
    if built.count(str(mark)) != 1:
        return each
    before, after = built.split(str(mark))
    to_url = converter.to_url
    return lambda value: f"{before}{to_url(value)}{after}"


# Addresses the templates build, kept per app (at most this many; later ones are built each
# time): the nav's and a page's action links are the same on every request.
LINKS_KEPT = 4096


def link(endpoint: str, **values: Any) -> str:
    """`url_for` for the templates, each address built once per app and script root (#16: a
    page's thirty nav and action links are the same on every request). An address depends on
    nothing else here (no URL defaults, hosts or subdomains); a relative endpoint, an option
    (`_external`, `_anchor`...), a value that is not hashable or a template rendered outside a
    request is built by url_for each time."""
    if endpoint.startswith(".") or any(name.startswith("_") for name in values) \
            or not has_request_context():
        return url_for(endpoint, **values)
    key = (request.script_root, endpoint,
           tuple((name, type(value), value) for name, value in sorted(values.items())))
    kept: dict[Any, str] = current_app.extensions.setdefault("tracker_links", {})
    try:
        return kept[key]
    except KeyError:
        pass
    except TypeError:  # a value that is not hashable
        return url_for(endpoint, **values)
    built = url_for(endpoint, **values)
    if len(kept) < LINKS_KEPT:
        kept[key] = built
    return built


ROW_HOLES = ("id", "url", "shown", "submitted", "fit", "move")


def row_maker(macro: Callable[..., Any], move_form: Stamp, *, zone: str | None,
              error: dict[str, Any] | None, anonymised: str,
              **fixed: Any) -> Callable[[dict[str, Any]], Markup]:
    """An applicant's row of a posting page as one call (#16: a row read its values, filters
    and links through the template's calls, most of the page's rendering): `macro` rendered
    once per shape (late or not, final or not, the refused move's message on its row), the
    row's id, links, name, submission time, fit and move form put in. `error`: a refused
    move (`{"id", "message"}`) shown on its row."""
    filters = current_app.jinja_env.filters
    when, coverage = filters["when"], filters["fit_coverage"]
    application_url = url_maker("hr.application", "application_id")
    move_url = url_maker("hr.application_move", "application_id")
    stamp = Stamp(macro, ROW_HOLES, **fixed)

    def row(a: dict[str, Any]) -> Markup:
        uid, name, moves, submitted, fit = a["id"], a["name"], a["moves"], a["submitted_at"], \
            a["fit"]
        return stamp(
            id=uid, url=application_url(uid), shown=name or anonymised, late=bool(a["is_late"]),
            submitted=when(submitted, zone) if submitted else "—",
            fit=coverage(fit) if fit is not None else "—",
            error=error["message"] if error and error["id"] == uid else None,
            final=not moves,
            move=move_form(action=move_url(uid), moves=moves, name=name, uid=uid) if moves else "")
    return row
