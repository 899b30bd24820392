"""French and English pages: the user's language, else the browser's; their time zone."""

from __future__ import annotations

from babel.support import NullTranslations
from flask import Flask, request, session
from flask.globals import _cv_app as _cv_request
from flask_babel import Babel, Domain, get_locale, gettext
from flask_babel.speaklater import LazyString
from flask_login import current_user
from markupsafe import Markup, escape

from tracker.i18n import LANGUAGES, catalog

__all__ = ["LANGUAGES", "catalog", "configure", "lazy_gettext", "select_locale", "select_timezone"]


class LazyText(LazyString):
    """A message translated when shown, and shown as text: flask_babel's LazyString hands its
    raw text to Jinja and WTForms as HTML, so "Name <e-mail>" lost its "<e-mail>"."""

    def __html__(self) -> Markup:
        return escape(str(self))


def lazy_gettext(string: str, **variables: object) -> LazyText:
    """The project's lazy gettext (for labels and messages defined at import time)."""
    return LazyText(gettext, string, **variables)


def page_catalog() -> NullTranslations:
    """The translations of the request's language, kept on the request once looked up: a
    page translates a few hundred strings, and flask_babel finds the locale and the domain
    through several context lookups each time (#16: pages in a few milliseconds). A change of
    the request's locale (flask_babel.refresh) is seen."""
    ctx = _cv_request.get(None)
    if ctx is None:
        return catalog(str(get_locale() or "en"))
    babel = getattr(ctx.g, "_flask_babel", None)  # where flask_babel keeps the locale
    cached = getattr(ctx, "tracker_catalog", None)
    if cached is None or cached[0] is not getattr(babel, "babel_locale", None):
        locale = get_locale()
        cached = (locale, catalog(str(locale or "en")))
        ctx.tracker_catalog = cached  # type: ignore[attr-defined]
    return cached[1]


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
    return babel
