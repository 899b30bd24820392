"""French and English pages: the user's language, else the browser's; their time zone."""

from __future__ import annotations

from babel.support import NullTranslations
from flask import Flask, request, session
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


class ShippedDomain(Domain):
    def get_translations(self) -> NullTranslations:
        return catalog(str(get_locale() or "en"))


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
    return babel
