"""Every word a person reads, in French and English, from one catalog.

The catalog is `tracker/translations/<lang>/LC_MESSAGES/messages.po`: English is the msgid (the
language the code and templates are written in), French the msgstr. Pages, forms, e-mails,
calendar titles, PDFs, the command line and the API all read it through this module:

- `gettext(lang, text, **params)`: a sentence, its `%(name)s` placeholders filled in;
- `label(key, lang)`: a word of the printed documents or an enum value's label, kept under its
  key as the entry's context (`status.under_review`, `employment.fixed_term`);
- `render(template, params, lang)`: a domain error's message (tracker.domain.errors), its
  parameters shown in the reader's language (an enum as its label, a date as the reader writes it).

Dates and numbers are formatted by Babel for the locale; instants always with their zone.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # Babel loads when a word is first translated (the CLI starts without it)
    from babel.support import NullTranslations

LANGUAGES = ("fr", "en")
TRANSLATIONS = Path(__file__).resolve().parent / "translations"


@lru_cache(maxsize=4)
def catalog(lang: str) -> NullTranslations:
    """The translations of `lang`, compiled in memory from the .po file we ship (English is
    the language of the code and templates, so it needs none)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    path = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return Translations()
    with path.open("rb") as handle:
        parsed = read_po(handle, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, parsed)
    buffer.seek(0)
    return Translations(buffer)


def gettext(lang: str, text: str, **params: Any) -> str:
    """`text` in `lang`, its `%(name)s` placeholders filled with `params` shown in `lang`."""
    return render(text, params, lang)


LABELS_EN: dict[str, str] = {
    'application_dossier': 'Application dossier',
    'panel_dossier': 'Panel dossier',
    'posting_sheet': 'Job description',
    'candidate': 'Candidate',
    'posting': 'Position',
    'reference': 'Reference',
    'organisation': 'Employer',
    'department': 'Department',
    'location': 'Location',
    'deadline': 'Application deadline',
    'status': 'Status',
    'generated': 'Generated on',
    'contents': 'Contents',
    'key_dates': 'Key dates',
    'date_posted': 'Posted',
    'interview': 'Interview',
    'job_start_date': 'Start date',
    'submitted_at': 'Application submitted',
    'the_posting': 'The position',
    'context': 'Context',
    'missions': 'Duties',
    'working_conditions': 'Working conditions',
    'benefits': 'Benefits',
    'category': 'Category',
    'employment_type': 'Contract',
    'duration': 'Duration',
    'months': 'months',
    'working_time': 'Working time',
    'salary': 'Salary',
    'apply': 'How to apply',
    'requirements': 'Requirements and answers',
    'posting_requirements': 'Person specification',
    'requirement': 'Requirement',
    'required': 'required',
    'preferred': 'preferred',
    'level': 'Level',
    'evidence': 'Evidence',
    'self_rating': 'Self',
    'reviewer_rating': 'Panel',
    'no_evidence': 'No evidence given',
    'documents': 'Documents requested',
    'document': 'Document',
    'provided': 'provided',
    'missing': 'missing',
    'optional': 'optional',
    'cover_letter': 'Cover letter',
    'no_cover_letter': 'No cover letter written in the application.',
    'appendices': 'Appendices',
    'appendix': 'Appendix',
    'page': 'page',
    'of': 'of',
    'pages': 'pages',
    'profile': 'Profile',
    'education': 'Education',
    'experience': 'Experience',
    'years': 'years',
    'languages': 'Languages',
    'skills': 'Skills',
    'native': 'native',
    'applicants': 'Applicants',
    'name': 'Name',
    'evidence_given': 'Required requirements evidenced',
    'fit': 'Fit to the posting',
    'fit_score': 'Fit',
    'fit_score_is': 'Fit score:',
    'fit_intro': 'Each requirement, judged from the panel\'s rating, the profile and the evidence given; required requirements count double. The score is computed over the requirements assessed; those with nothing given are "to assess".',
    'fit_status': 'Judgement',
    'reason': 'Reason',
    'points': 'Points',
    'score_out_of': 'out of 100',
    'documents_complete': 'Documents complete',
    'yes': 'yes',
    'no': 'no',
    'matrix': 'Comparison matrix',
    'schedule': 'Interview schedule',
    'when': 'Date and time',
    'where': 'Place',
    'panel': 'Panel',
    'all_applicants': 'all applicants',
    'evaluation_grid': 'Evaluation grid',
    'criterion': 'Criterion',
    'comments': 'Comments',
    'panel_member': 'Panel member',
    'signature': 'Signature',
    'date': 'Date',
    'overall': 'Overall assessment',
    'scale': '1 insufficient · 2 partly · 3 satisfactory · 4 excellent',
    'none_yet': 'No application submitted.',
    'no_interview': 'No interview scheduled.',
    'not_stated': 'not stated',
    'local_time_of': 'time in',
    'all_day': 'all day',
    'kind.technical_skill': 'Technical skills',
    'kind.knowledge': 'Knowledge',
    'kind.know_how': 'Know-how',
    'kind.soft_skill': 'Soft skills',
    'kind.education': 'Education',
    'kind.experience': 'Experience',
    'kind.language': 'Languages',
    'kind.other': 'Other',
    'employment.permanent': 'Permanent',
    'employment.fixed_term': 'Fixed-term',
    'employment.internship': 'Internship',
    'employment.apprenticeship': 'Apprenticeship',
    'employment.temporary': 'Temporary',
    'employment.freelance': 'Freelance',
    'employment.volunteer': 'Volunteer',
    'employment.other': 'Other',
    'status.draft': 'Draft',
    'status.submitted': 'Submitted',
    'status.under_review': 'Under review',
    'status.interview': 'Interview',
    'status.offer': 'Offer',
    'status.hired': 'Hired',
    'status.rejected': 'Rejected',
    'status.withdrawn': 'Withdrawn',
    'posting_status.draft': 'draft',
    'posting_status.open': 'open',
    'posting_status.closed': 'closed',
    'posting_status.filled': 'filled',
    'posting_status.cancelled': 'cancelled',
    'document.cv': 'CV',
    'document.cover_letter': 'Cover letter',
    'document.diploma': 'Diploma',
    'document.reference_letter': 'Reference letter',
    'document.portfolio': 'Portfolio',
    'document.identity': 'Identity document',
    'document.other': 'Other document',
    'period.hour': 'per hour',
    'period.day': 'per day',
    'period.week': 'per week',
    'period.month': 'per month',
    'period.year': 'per year',
    'apply.email': 'by e-mail to',
    'apply.url': 'online:',
    'apply.in_app': 'in the application',
    'education_level.none': 'No diploma',
    'history': 'Application history',
    'history_from': 'From',
    'history_to': 'To',
    'history_who': 'By',
    'history_comment': 'Comment',
    'no_history': 'No status change.',
    'by_system': 'automatically',
    'typed_letter': 'typed in the application',
    'summary': 'Summary',
    'posting_description': "The employer's description of the position",
    'description_in_annex': 'The full description of the position is in the annex at the end of the dossier.',
    'matrix_legend': '● met · ◐ partly met · ○ not shown · "to assess": nothing given or assessed yet.',
    'role.admin': 'Administrator',
    'role.hr': 'HR',
    'role.candidate': 'Candidate',
    'locale.fr': 'French',
    'locale.en': 'English',
    'visibility.public': 'public',
    'visibility.private': 'private',
    'interview_status.scheduled': 'scheduled',
    'interview_status.completed': 'completed',
    'interview_status.cancelled': 'cancelled',
    'interview_status.no_show': 'no show',
}


# The levels of study other than none are written the same in both languages.
_EDUCATION_LEVELS = {"cap_bep": "CAP/BEP", "bac": "Bac", "bac+2": "Bac+2", "bac+3": "Bac+3",
                     "bac+4": "Bac+4", "bac+5": "Bac+5", "bac+8": "Bac+8"}

# Which key prefix labels the values of an enum (tracker.models.enums), by the enum's name:
# label(ApplicationStatus.interview, "fr") reads "status.interview".
ENUM_PREFIXES = {
    "ApplicationStatus": "status", "PostingStatus": "posting_status",
    "EmploymentType": "employment", "RequirementKind": "kind", "DocumentKind": "document",
    "SalaryPeriod": "period", "ApplyMethod": "apply", "EducationLevel": "education_level",
    "Role": "role", "Locale": "locale", "Visibility": "visibility",
    "InterviewStatus": "interview_status",
}


def label(key: object, lang: str = "en") -> str:
    """The label of `key` in `lang`: a key of LABELS_EN ("deadline", "status.offer") or a value
    of an enum listed in ENUM_PREFIXES. An unknown key is a programming error (KeyError)."""
    if isinstance(key, enum.Enum):
        prefix = ENUM_PREFIXES[type(key).__name__]
        key = f"{prefix}.{key.value}"
    name = str(key)
    if name.startswith("education_level.") and name[16:] in _EDUCATION_LEVELS:
        return _EDUCATION_LEVELS[name[16:]]
    english = LABELS_EN[name]
    if lang == "en":
        return english
    return str(catalog(lang).pgettext(name, english))


def education_label(level: object, lang: str = "en") -> str:
    """A level of study (EducationLevel or its value) as people write it: Bac+4, CAP/BEP."""
    value = getattr(level, "value", level)
    key = f"education_level.{value}"
    return label(key, lang) if key in LABELS_EN or value in _EDUCATION_LEVELS else f"{value}"


def language_name(code: str | None, lang: str) -> str:
    """A language by its name in `lang` (es: espagnol, Spanish), not its ISO code."""
    if not code:
        return ""
    from babel import Locale

    return str(Locale.parse(lang).languages.get(str(code).lower(), code))


class Text:
    """A sentence to translate later, with its parameters: a parameter of a domain error that is
    itself words (`Text("the deadline")`), shown in the reader's language with the rest."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params

    def __str__(self) -> str:
        return render(self.template, self.params, "en")

    def __repr__(self) -> str:
        return f"Text({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Text) and other.template == self.template
                and other.params == self.params)

    def __hash__(self) -> int:
        return hash(self.template)


def show(value: Any, lang: str) -> str:
    """A parameter as the reader of `lang` reads it: an enum by its label, a date and a number
    as Babel writes them, a list joined, a Text translated; anything else as text."""
    if isinstance(value, Text):
        return render(value.template, value.params, lang)
    if isinstance(value, enum.Enum):
        if type(value).__name__ in ENUM_PREFIXES:
            return label(value, lang)
        return str(value.value)
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, datetime):
        formatter = Formatter(lang)
        zone = f" ({value.tzinfo})" if value.tzinfo is not None else ""
        return f"{formatter.date(value.date())} {formatter.time(value.time())}{zone}"
    if isinstance(value, date):
        return Formatter(lang).date(value)
    if isinstance(value, (Decimal, float)) or (isinstance(value, int) and abs(value) >= 10000):
        return Formatter(lang).number(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return ", ".join(show(item, lang) for item in items)
    return str(value)


def render(template: str, params: Mapping[str, Any] | None, lang: str) -> str:
    """`template` (the catalog's English msgid) in `lang`, with `params` filled in as `lang`
    shows them. Without parameters the text is taken as it is (no % formatting)."""
    translated = template if lang == "en" else catalog(lang).gettext(template)
    if not params:
        return translated
    shown = {name: show(value, lang) for name, value in params.items()}
    try:
        return translated % shown
    except (KeyError, ValueError, TypeError):  # a translation that lost a placeholder
        return template % shown


class Formatter:
    """Labels, dates, times and numbers for one language."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
        self.lang = lang

    def __call__(self, key: object) -> str:
        return label(key, self.lang)

    def text(self, template: str, **params: Any) -> str:
        """A sentence of the catalog in this language, its placeholders filled in."""
        return render(template, params, self.lang)

    def date(self, value: date | None) -> str:
        """13/05/2024 in French, 13 May 2024 in English."""
        if value is None:
            return ""
        from babel.dates import format_date as _babel_date  # Babel loads when a date is printed

        return _babel_date(value, "dd/MM/y" if self.lang == "fr" else "d MMMM y", locale=self.lang)

    def long_date(self, value: date | None) -> str:
        """13 mai 2024, 13 May 2024."""
        from babel.dates import format_date as _babel_date

        return "" if value is None else _babel_date(value, "d MMMM y", locale=self.lang)

    def time(self, value: time) -> str:
        from babel.dates import format_time as _babel_time

        return _babel_time(value, "HH:mm", locale=self.lang)

    def instant(self, value: datetime | None, tz_name: str) -> str:
        """An instant as local date and time in `tz_name`, with the zone named."""
        if value is None:
            return ""
        local = value.astimezone(ZoneInfo(tz_name))
        return f"{self.date(local.date())} {self.time(local.time())} ({tz_name})"

    def local(self, day: date | None, at: time | None, tz_name: str) -> str:
        """A stated local date and optional time, with the zone: 13/05/2024 23:59 (Europe/Paris)."""
        if day is None:
            return ""
        return f"{self.date(day)}{' ' + self.time(at) if at else ''} ({tz_name})"

    def number(self, value: Decimal | float | None) -> str:
        from babel.numbers import format_decimal

        return "" if value is None else format_decimal(value, locale=self.lang)
