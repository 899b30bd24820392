"""Filters and values every page template may use: dates in a zone, labels of statuses."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_name
from flask import Flask, url_for
from flask_login import current_user

from tracker.config import Settings
from tracker.i18n import ENUM_PREFIXES
from tracker.i18n import language_name as i18n_language_name
from tracker.web.common import (
    DOCUMENT_LABELS,
    EMPLOYMENT_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    current_page,
    has_errors,
)
from tracker.web.form_summary import error_summary
from tracker.web.i18n import page_catalog, page_label, page_lang
from tracker.web.stamps import Stamp, link, row_maker, url_maker
from tracker.web.texts import date_text, fit_text, instant_text


def label(value: Any, kind: str | None = None, capital: bool = True) -> str:
    """The `label` filter and global: a value as the catalog names it in the page's language
    (tracker.i18n.label). `{{ posting.employment_type|label }}` for an enum (its label starts
    with a capital, as shown alone: `capital=False` keeps the catalog's case, inside a sentence);
    `{{ row.status|label("status") }}` for an enum's stored value, `kind` being its prefix in
    the catalog (status, posting_status, interview_status, employment, kind, document, period,
    apply, education_level, role, locale, visibility); `{{ "deadline"|label }}` for a word of
    the printed documents, as the catalog has it. An empty value is "—"; a value the catalog does
    not know is shown as it is."""
    if value is None or value == "":
        return "—"
    if isinstance(value, enum.Enum) and type(value).__name__ in ENUM_PREFIXES:
        return page_label(value, capital=capital)
    raw = str(getattr(value, "value", value))
    try:
        return page_label(f"{kind}.{raw}", capital=capital) if kind else page_label(
            raw, capital=False)
    except KeyError:
        return raw


def _text(message: str, **variables: Any) -> str:
    """flask_babel's gettext, with the translations the request already looked up."""
    text = page_catalog().ugettext(message)
    return text % variables if variables else text


def configure(app: Flask, settings: Settings) -> None:
    default_zone = settings.timezone

    def user_zone() -> str:
        if current_user.is_authenticated and current_user.timezone:
            return current_user.timezone
        return default_zone

    def when(instant: datetime | str | None, tz: str | None = None,
             with_time: bool = True) -> str:
        """An instant as wall-clock time in `tz` (default: the user's zone), with the zone."""
        if instant is None or instant == "":
            return "—"
        if isinstance(instant, str):
            instant = datetime.fromisoformat(instant.replace("Z", "+00:00"))
        zone_name = tz or user_zone()
        if not with_time:
            return date_text(instant.astimezone(ZoneInfo(zone_name)).date(), page_lang())
        return instant_text(instant, zone_name, page_lang())

    def day(value: date | str | None) -> str:
        if not value:
            return "—"
        if isinstance(value, str):
            value = date.fromisoformat(value)
        return date_text(value, page_lang())

    def days_left(number: int | None) -> str:
        if number is None:
            return _text("no deadline")
        if number < 0:
            return _text("closed %(n)s days ago", n=-number)
        if number == 0:
            return _text("last day")
        return _text("%(n)s days left", n=number)

    def zone_label(name: str) -> str:
        try:
            return get_timezone_name(ZoneInfo(name), locale=page_lang())
        except Exception:  # noqa: BLE001  (an unusual zone keeps its IANA name)
            return name

    def fit_coverage(fit: dict[str, Any]) -> str:
        """A fit's score with its coverage: "68/100 over 12 of 37 requirements"."""
        return fit_text(fit, page_lang(), page_catalog())

    def labelled(table: dict[str, Any], value: Any) -> str:
        key = getattr(value, "value", value)
        return str(table.get(key, key)) if key is not None else "—"

    def language_name(code: str | None) -> str:
        """A language by its name in the page's language (es: espagnol), not its ISO code."""
        return i18n_language_name(code, page_lang()) or "—"

    app.jinja_env.filters.update(
        when=when, day=day, days_left=days_left, zone_label=zone_label, fit_coverage=fit_coverage,
        status=lambda v: labelled(STATUS_LABELS, v), kind=lambda v: labelled(KIND_LABELS, v),
        doc_kind=lambda v: labelled(DOCUMENT_LABELS, v),
        employment=lambda v: labelled(EMPLOYMENT_LABELS, v), label=label,
        language_name=language_name,
    )
    app.jinja_env.globals.update(user_zone=user_zone, current_page=current_page, label=label,
                                 error_summary=error_summary, has_errors=has_errors,
                                 stamp=Stamp, url_maker=url_maker, url_for=link,
                                 row_maker=row_maker)

    @app.context_processor
    def _values() -> dict[str, Any]:
        # The notifications inbox (issue #3) plugs in here: the nav shows it when the endpoint
        # exists, with its unread count from `inbox_unread` if the coordinator provides one.
        inbox = "inbox.index" if "inbox.index" in app.view_functions else None
        return {
            "allow_registration": app.config["TRACKER_ALLOW_REGISTRATION"],
            "lang": page_lang(),
            "inbox_url": url_for(inbox) if inbox and current_user.is_authenticated else None,
        }
