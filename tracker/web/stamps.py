"""Markup a page repeats on every row, made once per page (#16: pages in a few milliseconds).

A list of fifty applicants renders the same move form fifty times with only the address, the
name and an id changing; rendering it through the macro each time was half the page. A stamp
renders the macro once for each shape (the values that change what the form holds, such as the
moves offered) with markers in place of the row's own values, then puts each row's values,
escaped as the macro would escape them, in place of the markers. A row's link is made the same
way: the endpoint's address built once, the row's id or reference put in.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from flask import current_app, request, url_for
from flask.globals import _cv_request
from markupsafe import Markup, escape
from werkzeug.routing.converters import NumberConverter

from tracker.web.i18n import page_catalog, page_lang
from tracker.web.texts import fit_text, instant_text


def _marker(name: str) -> str:
    # NUL never occurs in a page and markupsafe leaves it as it is
    return f"\x00{name}\x00"


def _escaped(value: Any) -> str:
    """`str(escape(value))` without markupsafe's checks for the values rows hold (#16: 0.7 µs a
    value): a number as it is written, a text with markupsafe's five replacements; anything
    else (markup, None, objects) through markupsafe itself."""
    kind = type(value)
    if kind is int:
        return str(value)
    if kind is str:
        return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return str(escape(value))


class Stamp:
    """`macro` called with keyword values, rendered once per distinct set of the values that are
    not `holes`. A hole's value must be printed by the macro as it is (`{{ value }}`, or as a
    `%(x)s` of a translated message): not transformed (no filter, no test on it), since the
    markup is made with a marker in its place."""

    def __init__(self, macro: Callable[..., Any], holes: tuple[str, ...], **fixed: Any) -> None:
        self.macro, self.holes, self.fixed = macro, holes, fixed
        self.markers = [(name, _marker(name)) for name in holes]
        # each shape as its text between the markers and the hole each marker stands for
        self.shapes: dict[tuple[Any, ...], tuple[list[str], tuple[str, ...]]] = {}
        self.forms: dict[tuple[Any, ...], str] = {}  # each shape as a %-format (`form`)
        self._holes = frozenset(holes)
        self._split = re.compile("|".join(re.escape(m) for _, m in self.markers) or "(?!)")
        self._names = {marker: name for name, marker in self.markers}

    def __call__(self, **values: Any) -> Markup:
        holes = self._holes
        # in the caller's order, not sorted: a call site names its values in one order (another
        # order makes one more shape, the same markup)
        key = tuple([(k, tuple(v) if type(v) is list else v)
                     for k, v in values.items() if k not in holes])
        texts, names = self._shape(key, {k: v for k, v in values.items() if k not in holes})
        # each value escaped once, put in where its markers were (#16: one pass over the
        # markup, not one replace of the whole markup per hole)
        escaped = {name: _escaped(values.get(name)) for name, _marker in self.markers}
        parts = [texts[0]]
        for name, text in zip(names, texts[1:], strict=True):
            parts += (escaped[name], text)
        return Markup("".join(parts))  # noqa: S704  (the macro's markup, each value escaped)

    def form(self, **values: Any) -> str:
        """The markup of the shape these values make (no hole among them) as a %-format, each
        hole written `%(name)s`, to be filled with the holes' values escaped (#16: a row of
        fifty put together in one pass, not one call per hole)."""
        key = tuple([(k, tuple(v) if type(v) is list else v) for k, v in values.items()])
        found = self.forms.get(key)
        if found is None:
            texts, names = self._shape(key, values)
            parts = [texts[0].replace("%", "%%")]
            for name, text in zip(names, texts[1:], strict=True):
                parts += (f"%({name})s", text.replace("%", "%%"))
            found = self.forms[key] = "".join(parts)
        return found

    def _shape(self, key: tuple[Any, ...],
               values: dict[str, Any]) -> tuple[list[str], tuple[str, ...]]:
        """The shape of these values (no hole among them), rendered on first use."""
        shape = self.shapes.get(key)
        if shape is None:
            shape = self.shapes[key] = self._cut(
                str(self.macro(**self.fixed, **values, **dict(self.markers))))
        return shape

    def _cut(self, markup: str) -> tuple[list[str], tuple[str, ...]]:
        """The markup's text between its markers, and the hole of each marker in order."""
        return (self._split.split(markup),
                tuple(self._names[m] for m in self._split.findall(markup)))


def url_maker(endpoint: str, key: str, **values: Any) -> Callable[[Any], str]:
    """`url_for(endpoint, key=value, **values)` as a function of `value`: the address built
    once with a marker for `value`, then each value put in through the rule's own converter
    (quoted as url_for quotes it). An endpoint of several rules, or one whose address does not
    hold the marker once, is built by url_for every time."""
    cut = _cut_address(endpoint, key, values)
    if cut is None:
        return lambda value: url_for(endpoint, **{key: value}, **values)
    before, to_url, after, _number = cut
    return lambda value: f"{before}{to_url(value)}{after}"


def _escaped_url_maker(endpoint: str, key: str) -> Callable[[Any], str]:
    """url_maker's address escaped as a stamp escapes a hole's value (`_escaped`), its fixed
    parts escaped once: a number put in through a number's converter is digits, as it is."""
    cut = _cut_address(endpoint, key, {})
    if cut is None:
        return lambda value: _escaped(url_for(endpoint, **{key: value}))
    before, to_url, after, number = cut
    before, after = _escaped(before), _escaped(after)
    return lambda value: (f"{before}{to_url(value)}{after}" if number and type(value) is int
                          else f"{before}{_escaped(to_url(value))}{after}")


def _cut_address(endpoint: str, key: str, values: dict[str, Any]) -> tuple[
        str, Callable[[Any], str], str, bool] | None:
    """The endpoint's address around its `key` value (built once with a marker for it), the
    rule's converter for it and whether it is a number's; None when url_for must build it."""
    rules = list(current_app.url_map.iter_rules(endpoint))
    converter = getattr(rules[0], "_converters", {}).get(key) if len(rules) == 1 else None
    if converter is None:
        return None
    number = isinstance(converter, NumberConverter)
    mark: Any = 987654321987654321 if number else "trackermark"
    built = url_for(endpoint, **{key: mark}, **values)
    if built.count(str(mark)) != 1:
        return None
    before, after = built.split(str(mark))
    return before, converter.to_url, after, number


# Addresses the templates build, kept per app (at most this many; later ones are built each
# time): the nav's and a page's action links are the same on every request.
LINKS_KEPT = 4096


def link(endpoint: str, **values: Any) -> str:
    """`url_for` for the templates, each address built once per app and script root (#16: a
    page's thirty nav and action links are the same on every request). An address depends on
    nothing else here (no URL defaults, hosts or subdomains); a relative endpoint, an option
    (`_external`, `_anchor`...), a value that is not hashable or a template rendered outside a
    request is built by url_for each time."""
    ctx = _cv_request.get(None)  # the request's context, looked up once (#16: 27 a page)
    if ctx is None or endpoint.startswith("."):
        return url_for(endpoint, **values)
    if values:
        if any(name.startswith("_") for name in values):
            return url_for(endpoint, **values)
        key: tuple[Any, ...] = (ctx.request.script_root, endpoint, tuple(
            (name, type(value), value) for name, value in sorted(values.items())))
    else:  # most of a page's links: the nav's
        key = (ctx.request.script_root, endpoint)
    kept: dict[Any, str] = ctx.app.extensions.setdefault("tracker_links", {})
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


# An applicant's row as one stamp (#16): the row's values and its move form's, the page's CSRF
# token among them, are the holes of one markup per shape (late or not, final or not, the
# moves offered, a refused move's message), the move form rendered inside the row.
ROW_HOLES = ("id", "url", "shown", "submitted", "fit", "action", "name", "uid", "token")
# Applicants' rows kept per app, their markup with a marker in place of the page's CSRF token
# (at most this many; the oldest let go first): a posting's pages are paged through again and
# again, and a row is kept under every value it shows, so a kept row is never stale.
ROWS_KEPT = 4096
STAMPS_KEPT = 64  # the stamps of as many pages' kinds (language, zone, labels)
_KIND_NUMBERS = itertools.count()  # a kind's number, one at a time across threads
_TOKEN = _marker("token")


def _kept_rows() -> dict[Any, tuple[str, ...]] | None:
    """The app's kept rows; none while templates are read again on a change (debug)."""
    app = current_app
    if app.debug or app.config.get("TEMPLATES_AUTO_RELOAD"):
        return None
    return app.extensions.setdefault("tracker_rows", {})


def _with_move_form(macro: Callable[..., Any], move_form: Stamp,
                    token: Any) -> Callable[..., Any]:
    """The row's macro with its move form (when it has moves) rendered in its `move` value:
    the form's own values are the row's (`action`, `moves`, `name`, `uid`) and the page's
    `token` (a hole, or the token itself when the page gives none: the macro then asks for it)."""
    fixed = {k: v for k, v in move_form.fixed.items() if k != "token"}
    form = move_form.macro

    def row(*, moves: Any, action: Any, name: Any, uid: Any, token: Any = token,
            **values: Any) -> Any:
        move = form(**fixed, token=token, action=action, moves=moves, name=name,
                    uid=uid) if moves else ""
        return macro(move=move, **values)

    return row


def row_maker(macro: Callable[..., Any], move_form: Stamp, *, zone: str | None,
              error: dict[str, Any] | None, anonymised: str,
              **fixed: Any) -> Rows:
    """An applicant's row of a posting page as one call (#16: a row read its values, filters
    and links through the template's calls, most of the page's rendering): `macro` rendered
    with `move_form`'s macro inside it once per shape, the row's id, links, name, submission
    time, fit, move form's address and the page's token put in. `macro` prints its `move`
    value as it is; `move_form` is the page's stamp of the move form (its holes `action`,
    `name` and `uid`; its `token` the page's). `error`: a refused move (`{"id", "message"}`)
    shown on its row."""
    when = current_app.jinja_env.filters["when"]
    lang, catalog = page_lang(), page_catalog()
    # the rows' links, escaped as their holes' values are
    application_url = _escaped_url_maker("hr.application", "application_id")
    move_url = _escaped_url_maker("hr.application_move", "application_id")
    token = move_form.fixed.get("token")
    if token:  # a hole: the shapes and rows are the same on every page
        stamp = Stamp(_with_move_form(macro, move_form, None), ROW_HOLES, **fixed)
        kept = _kept_rows()
    else:  # no token given: the move form's macro asks for this request's, in every shape
        stamp = Stamp(_with_move_form(macro, move_form, token), ROW_HOLES[:-1], **fixed)
        kept = None
    # what the rows' markup depends on beside each row's own values
    page = (request.script_root, lang, catalog, zone, anonymised,
            getattr(macro, "name", macro), getattr(move_form.macro, "name", move_form.macro),
            move_form.holes, tuple(sorted((k, v) for k, v in fixed.items())),
            tuple(sorted((k, v) for k, v in move_form.fixed.items() if k != "token")))
    try:  # the page's kind as a number, so that each row's key does not hash it again
        kinds: dict[Any, int] = current_app.extensions.setdefault("tracker_row_kinds", {})
        kind = kinds.get(page)
        if kind is None and kept is not None:
            if len(kinds) >= STAMPS_KEPT:
                kinds.clear()  # numbers are never given twice: no kept row is read as another's
            kind = kinds.setdefault(page, next(_KIND_NUMBERS))
    except TypeError:  # a value that is not hashable: the rows are made each time
        kept = None
    # each shape's %-format (Stamp.form) by the row's values that make it: late or not, the
    # refused move's message, the moves
    forms: dict[tuple[Any, ...], str] = {}
    if kept is not None and error is None:
        # the stamp and its forms kept too (the row's markup rendered once per set of moves,
        # not once per page); a refused move's message would be one more shape each time, so
        # that page makes its own
        stamps: dict[Any, tuple[Stamp, dict[tuple[Any, ...], str]]] = \
            current_app.extensions.setdefault("tracker_row_stamps", {})
        if page not in stamps and len(stamps) >= STAMPS_KEPT:
            stamps.clear()
        stamp, forms = stamps.setdefault(page, (stamp, forms))
    escaped = _escaped(token)
    # the submission time and the fit as the `when` and `fit_coverage` filters write them, in
    # the page's language looked up once (tracker/web/texts.py)
    written = (lambda at: instant_text(at, zone, lang)) if zone else (lambda at: when(at, zone))

    fits: dict[Any, str] = {}  # each fit's text, written once for the page

    def fit_of(fit: dict[str, Any]) -> str:
        try:
            key = tuple(fit.items())
            return fits[key]
        except KeyError:
            text = fits[key] = _escaped(fit_text(fit, lang, catalog))
            return text
        except TypeError:  # a value that is not hashable
            return _escaped(fit_text(fit, lang, catalog))

    def made(a: dict[str, Any], message: str | None, mark: str | None) -> str:
        uid, name, moves, submitted, fit = a["id"], a["name"], a["moves"], a["submitted_at"], \
            a["fit"]
        late = bool(a["is_late"])
        try:
            form = forms[late, message, tuple(moves)]
        except KeyError:
            form = forms[late, message, tuple(moves)] = stamp.form(
                late=late, error=message, final=not moves, moves=moves)
        number = str(uid) if type(uid) is int else _escaped(uid)
        named = _escaped(name)
        return form % {
            "id": number, "uid": number, "url": application_url(uid), "action": move_url(uid),
            "shown": named if name else _escaped(anonymised), "name": named,
            "token": "" if mark is None else _escaped(mark),
            "submitted": _escaped((written(submitted) if type(submitted) is datetime
                                   else when(submitted, zone)) if submitted else "—"),
            "fit": fit_of(fit) if fit is not None else "—"}

    def row(a: dict[str, Any]) -> str:
        message = error["message"] if error and error["id"] == a["id"] else None
        if kept is None:
            return made(a, message, token or None)
        fit = a["fit"]
        try:  # every value the row shows (made() reads no other)
            key = (kind, a["id"], a["name"], bool(a["is_late"]), a["submitted_at"],
                   None if fit is None else tuple(fit.items()), tuple(a["moves"]), message)
            parts = kept.get(key)
        except TypeError:  # a value that is not hashable
            return made(a, message, token)
        if parts is None:
            parts = tuple(made(a, message, _TOKEN).split(_TOKEN))
            if len(kept) >= ROWS_KEPT:
                # the oldest let go (another thread may be letting it go too)
                with contextlib.suppress(KeyError, RuntimeError, StopIteration):
                    del kept[next(iter(kept))]
            kept[key] = parts
        return escaped.join(parts)  # the row's markup, the token escaped
    return Rows(row)


class Rows:
    """What row_maker makes: `rows(a)` is a row's markup, `rows.every(a_list)` the markup of
    the rows one after the other (#16: one call of the template for a table, not one a row)."""

    def __init__(self, row: Callable[[dict[str, Any]], str]) -> None:
        self._row = row

    def __call__(self, a: dict[str, Any]) -> Markup:
        return Markup(self._row(a))  # noqa: S704  (a stamp's markup, each value escaped)

    def every(self, rows: Iterable[dict[str, Any]]) -> Markup:
        return Markup("".join(map(self._row, rows)))  # noqa: S704  (as __call__'s)
