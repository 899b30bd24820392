"""French and English pages: the user's language, else the browser's; their time zone."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel.support import NullTranslations
from flask import Flask, request, session
from flask.globals import _cv_app as _cv_request
from flask_babel import Babel, Domain, get_locale, gettext
from flask_babel.speaklater import LazyString
from flask_login import current_user
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup, escape

from tracker.i18n import LANGUAGES, catalog
from tracker.i18n import label as catalog_label

__all__ = ["LANGUAGES", "LazyLabel", "catalog", "configure", "lazy_gettext", "page_label",
           "select_locale", "select_timezone"]


class LazyText(LazyString):
    """A message translated when shown, and shown as text: flask_babel's LazyString hands its
    raw text to Jinja and WTForms as HTML, so "Name <e-mail>" lost its "<e-mail>"."""

    def __html__(self) -> Markup:
        return escape(str(self))


def lazy_gettext(string: str, **variables: object) -> LazyText:
    """The project's lazy gettext (for labels and messages defined at import time)."""
    return LazyText(gettext, string, **variables)


def _page_language() -> tuple[str | None, NullTranslations]:
    """The request's language (None if flask_babel has none) and its translations, kept on the
    request once looked up: a page translates a few hundred strings and labels, and flask_babel
    finds the locale and the domain through several context lookups each time (#16: pages in
    a few milliseconds). A change of the request's locale (flask_babel.refresh) is seen."""
    ctx = _cv_request.get(None)
    if ctx is None:
        locale = get_locale()
        return (str(locale) if locale else None), catalog(str(locale or "en"))
    babel = getattr(ctx.g, "_flask_babel", None)  # where flask_babel keeps the locale
    cached = getattr(ctx, "tracker_catalog", None)
    if cached is None or cached[0] is not getattr(babel, "babel_locale", None):
        locale = get_locale()
        cached = (locale, str(locale) if locale else None, catalog(str(locale or "en")))
        ctx.tracker_catalog = cached  # type: ignore[attr-defined]
    return cached[1], cached[2]


def page_catalog() -> NullTranslations:
    """The translations of the request's language (looked up once per request)."""
    return _page_language()[1]


def page_lang() -> str:
    """The language of the page being made."""
    return _page_language()[0] or "fr"


def page_label(key: object, *, capital: bool = True) -> str:
    """The catalog's label of `key` (tracker.i18n.label: an enum value or a key such as
    "status.offer") in the page's language; shown alone on a page (a badge, a cell, a choice),
    it starts with a capital letter, as "en cours d’examen" becomes "En cours d’examen"."""
    return _label_in(key, page_lang(), capital)


@lru_cache(maxsize=4096)
def _label_in(key: object, lang: str, capital: bool) -> str:
    """A label of the catalog in a language (the catalog is read once: the same every time)."""
    text = catalog_label(key, lang)
    return text[:1].upper() + text[1:] if capital else text


class LazyLabel:
    """An enum value's label, read from the catalog in the language of the page that shows it
    (the tables of web/common.py are made at import time, before any page)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __str__(self) -> str:
        return page_label(self.key)

    def __html__(self) -> Markup:
        return escape(str(self))

    def __repr__(self) -> str:
        return f"LazyLabel({self.key!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyLabel):
            return other.key == self.key
        return str(self) == other

    def __hash__(self) -> int:
        return hash(self.key)

    def __lt__(self, other: object) -> bool:
        return str(self) < str(other)

    def __len__(self) -> int:
        return len(str(self))

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)


class ShippedDomain(Domain):
    def get_translations(self) -> NullTranslations:
        return page_catalog()


def select_locale() -> str:
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or "fr"


def select_timezone(default: str) -> str:
    if current_user and current_user.is_authenticated and current_user.timezone:
        return current_user.timezone
    return default


def configure(app: Flask, default_timezone: str) -> Babel:
    babel = Babel()
    babel.init_app(app, default_locale="fr", default_timezone=default_timezone,
                   locale_selector=select_locale,
                   timezone_selector=lambda: select_timezone(default_timezone))
    babel.__dict__["domain_instance"] = ShippedDomain()
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda text: page_catalog().ugettext(text),
        lambda singular, plural, n: page_catalog().ungettext(singular, plural, n),
        newstyle=True)
    # the same texts as the newstyle callables just installed write, in one call each instead
    # of three (#16: a page asks for fifty; `_` looked `gettext` up, which called the lambda
    # above, each through the template's context)
    app.jinja_env.globals.update(_=page_gettext, gettext=page_gettext, ngettext=page_ngettext)
    return babel


@pass_eval_context
def page_gettext(eval_ctx: EvalContext, string: str, **variables: Any) -> str:
    """A template's `_()` and `gettext()`, as Jinja's newstyle gettext: the translation, as
    markup when the template escapes, always %-formatted (a literal % is written %%)."""
    text = page_catalog().ugettext(string)
    if eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704  (the catalog's own text)
        if not variables and "%" not in text:
            return text  # what `% {}` makes of it
    return text % variables


@pass_eval_context
def page_ngettext(eval_ctx: EvalContext, singular: str, plural: str, num: int,
                  **variables: Any) -> str:
    """A template's `ngettext()`, as Jinja's newstyle ngettext (`num` among the values)."""
    variables.setdefault("num", num)
    text = page_catalog().ungettext(singular, plural, num)
    if eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704  (the catalog's own text)
    return text % variables
