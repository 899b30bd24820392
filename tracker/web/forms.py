"""The forms of the pages (Flask-WTF: every one carries a CSRF token). They only parse what
people typed; the rules are the services'."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    PasswordField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, NumberRange, Optional

from tracker.i18n import education_label
from tracker.models import (
    ApplicationStatus,
    CEFRLevel,
    DocumentKind,
    EducationLevel,
    RequirementKind,
    SalaryPeriod,
)
from tracker.services.accounts.users import MIN_PASSWORD_LENGTH
from tracker.web.common import DOCUMENT_LABELS, EMPLOYMENT_LABELS, KIND_LABELS, STATUS_LABELS
from tracker.web.i18n import LazyLabel
from tracker.web.i18n import lazy_gettext as _l
from tracker.web.widgets import SelectField

LOCALES = [("fr", "Français"), ("en", "English")]
BLANK = [("", "—")]


def _choices(labels: dict, values: list[str]) -> list[tuple[str, object]]:
    return [(v, labels.get(v, v)) for v in values]


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    submit = SubmitField(_l("Log in"))


class RegisterForm(FlaskForm):
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(), Length(min=MIN_PASSWORD_LENGTH)])
    confirm = PasswordField(_l("Password again"), validators=[
        EqualTo("password", message=_l("the two passwords differ"))])
    locale = SelectField(_l("Language"), choices=LOCALES)
    submit = SubmitField(_l("Create my account"))


class PreferencesForm(FlaskForm):
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    locale = SelectField(_l("Language"), choices=LOCALES)
    timezone = StringField(_l("Time zone (IANA, e.g. Europe/Paris; empty: default)"),
                           validators=[Optional(), Length(max=64)])
    submit = SubmitField(_l("Save preferences"))


class PasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    new_password = PasswordField(_l("New password"), validators=[
        DataRequired(), Length(min=MIN_PASSWORD_LENGTH)])
    confirm = PasswordField(_l("New password again"), validators=[
        EqualTo("new_password", message=_l("the two passwords differ"))])
    submit = SubmitField(_l("Change password"))


class DeleteAccountForm(FlaskForm):
    password = PasswordField(_l("Your password, to confirm"), validators=[DataRequired()])
    submit = SubmitField(_l("Delete my account and all my data"))


class AccountForm(FlaskForm):
    """An admin creates an account."""

    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    role = SelectField(_l("Role"), choices=[(r, LazyLabel(f"role.{r}"))
                                            for r in ("hr", "admin", "candidate")])
    organisation = SelectField(_l("Organisation (hr accounts)"), choices=[])
    locale = SelectField(_l("Language"), choices=LOCALES)
    password = PasswordField(_l("Initial password"), validators=[
        DataRequired(), Length(min=MIN_PASSWORD_LENGTH)])
    submit = SubmitField(_l("Create account"))


class ButtonForm(FlaskForm):
    """A form that is only a button (and its CSRF token)."""

    submit = SubmitField(_l("Confirm"))


# ---- postings --------------------------------------------------------------------------------

class RequirementRow(Form):
    kind = SelectField(_l("Kind"), choices=BLANK + _choices(
        KIND_LABELS, [k.value for k in RequirementKind]), validate_choice=False)
    label = StringField(_l("Requirement"), validators=[Optional()])
    level = StringField(_l("Level"), validators=[Optional(), Length(max=40)])
    required = SelectField(_l("Required or preferred"), choices=[
        ("1", _l("required")), ("0", _l("preferred"))], validate_choice=False)
    position = IntegerField(_l("Order"), validators=[Optional()])
    # the occupation skill the row was started from (reference.propose_requirements)
    occupation_skill = HiddenField()


class DocumentRow(Form):
    kind = SelectField(_l("Document"), choices=BLANK + _choices(
        DOCUMENT_LABELS, [k.value for k in DocumentKind]), validate_choice=False)
    label = StringField(_l("Label"), validators=[Optional()])
    required = SelectField(_l("Required or optional"), choices=[
        ("1", _l("required")), ("0", _l("optional"))], validate_choice=False)


class InterviewRow(Form):
    date = DateField(_l("Interview date"), validators=[Optional()])
    time = TimeField(_l("Time"), validators=[Optional()])
    place = StringField(_l("Place"), validators=[Optional()])


class PostingForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    # Only admins choose; hr users post for their own organisation.
    organisation = SelectField(_l("Organisation"), choices=[], validate_choice=False)
    reference = StringField(_l("Reference (empty: generated)"), validators=[Optional()])
    department = StringField(_l("Department"), validators=[Optional()])
    location = StringField(_l("Location"), validators=[Optional()])
    address_locality = StringField(_l("Town"), validators=[Optional()])
    address_country = StringField(_l("Country (ISO code, e.g. FR)"), validators=[Optional()])
    category = StringField(_l("Category"), validators=[Optional()])
    employment_type = SelectField(_l("Employment type"), choices=_choices(
        EMPLOYMENT_LABELS, list(EMPLOYMENT_LABELS)))
    duration_months = IntegerField(_l("Duration (months)"), validators=[Optional()])
    working_time_percent = IntegerField(_l("Working time (%)"), validators=[Optional()])
    job_start_date = DateField(_l("Start date"), validators=[Optional()])
    date_posted = DateField(_l("Date posted"), validators=[Optional()])
    valid_through_date = DateField(_l("Deadline (date)"), validators=[Optional()])
    valid_through_time = TimeField(_l("Deadline (time, empty: end of day)"),
                                   validators=[Optional()])
    timezone = StringField(_l("Time zone (empty: the organisation's)"), validators=[Optional()])
    apply_method = SelectField(_l("How to apply"), choices=[
        ("in_app", _l("in this application")), ("email", _l("by e-mail")),
        ("url", _l("on a web site"))])
    apply_email = StringField(_l("E-mail to apply to"), validators=[Optional()])
    apply_url = StringField(_l("Web address to apply on"), validators=[Optional()])
    application_contact = StringField(_l("Contact for questions"), validators=[Optional()])
    salary_min = StringField(_l("Salary from"), validators=[Optional()])
    salary_max = StringField(_l("Salary up to"), validators=[Optional()])
    salary_currency = StringField(_l("Currency (e.g. EUR)"), validators=[Optional()])
    salary_period = SelectField(_l("Salary period"), choices=BLANK + [
        (p.value, LazyLabel(f"period.{p.value}")) for p in SalaryPeriod], validate_choice=False)
    context = TextAreaField(_l("Context"), validators=[Optional()])
    missions = TextAreaField(_l("Missions"), validators=[Optional()])
    working_conditions = TextAreaField(_l("Working conditions"), validators=[Optional()])
    benefits = TextAreaField(_l("Benefits"), validators=[Optional()])
    # the reference data the posting is linked to (issue #7); choices from the loaded references
    occupation = SelectField(_l("Occupation profile"), choices=[], validate_choice=False)
    certification = SelectField(_l("Certification"), choices=[], validate_choice=False)
    propose = SubmitField(_l("Start the requirements from this occupation"))
    requirements = FieldList(FormField(RequirementRow), _l("Requirements"), min_entries=0)
    required_documents = FieldList(FormField(DocumentRow), _l("Documents candidates must send"),
                                   min_entries=0)
    interviews = FieldList(FormField(InterviewRow), _l("Interview dates"), min_entries=0)
    add_rows = SubmitField(_l("Add more rows"))
    submit = SubmitField(_l("Save posting"))


class StatusForm(FlaskForm):
    status = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Change status"))


class MoveForm(FlaskForm):
    status = SelectField(_l("Move to"), choices=_choices(
        STATUS_LABELS, [s.value for s in ApplicationStatus if s is not ApplicationStatus.DRAFT]))
    comment = StringField(_l("Comment (optional)"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Move"))


class RatingRow(Form):
    requirement_id = HiddenField()
    rating = SelectField(_l("Rating"), choices=BLANK + [(str(i), f"{i}/4") for i in range(1, 5)], validate_choice=False)


class RatingsForm(FlaskForm):
    rows = FieldList(FormField(RatingRow), _l("Evidence per requirement"), min_entries=0)
    submit = SubmitField(_l("Save ratings"))


class NoteForm(FlaskForm):
    body = TextAreaField(_l("Note"), validators=[DataRequired(), Length(max=5000)])
    submit = SubmitField(_l("Add note"))


class InterviewForm(FlaskForm):
    application = SelectField(_l("Applicant (empty: the posting-wide date)"), choices=[],
                              validators=[Optional()])
    day = DateField(_l("Date"), validators=[InputRequired()])
    at = TimeField(_l("Time (empty: the whole day)"), validators=[Optional()])
    timezone = StringField(_l("Time zone (empty: the posting's)"), validators=[Optional()])
    duration_minutes = IntegerField(_l("Duration (minutes)"), default=45,
                                    validators=[InputRequired(), NumberRange(1, 1440)])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=300)])
    video_url = StringField(_l("Video link"), validators=[Optional(), Length(max=1000)])
    panel = TextAreaField(_l("Panel, one per line: Name <e-mail>"), validators=[Optional()])
    submit = SubmitField(_l("Schedule interview"))


# ---- candidates ------------------------------------------------------------------------------

class LanguageRow(Form):
    language = StringField(_l("Language (ISO code, e.g. en)"), validators=[Optional()])
    level = SelectField(_l("CEFR level"), choices=BLANK + [(c.value, c.value) for c in CEFRLevel], validate_choice=False)
    is_native = BooleanField(_l("Native"))


class ProfileForm(FlaskForm):
    headline = StringField(_l("Headline"), validators=[Optional(), Length(max=200)])
    education_level = SelectField(_l("Education level"), choices=BLANK + [
        (e.value, _l("No diploma") if e is EducationLevel.NONE else education_label(e))
        for e in EducationLevel], validate_choice=False)
    education_detail = TextAreaField(_l("Education"), validators=[Optional()])
    experience_years = IntegerField(_l("Years of experience"), validators=[Optional()])
    experience_summary = TextAreaField(_l("Experience"), validators=[Optional()])
    skills = TextAreaField(_l("Skills, one per line"), validators=[Optional()])
    languages = FieldList(FormField(LanguageRow), _l("Languages"), min_entries=0)
    add_rows = SubmitField(_l("Add more languages"))
    submit = SubmitField(_l("Save profile"))


class SearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Search"), validators=[Optional()])
    organisation = SelectField(_l("Organisation"), choices=[], validate_choice=False)
    location = StringField(_l("Location"), validators=[Optional()])
    employment_type = SelectField(_l("Employment type"), choices=BLANK + _choices(
        EMPLOYMENT_LABELS, list(EMPLOYMENT_LABELS)), validate_choice=False)
    submit = SubmitField(_l("Search"))


class PrivatePostingForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    hiring_organization_name = StringField(_l("Employer"), validators=[DataRequired()])
    location = StringField(_l("Location"), validators=[Optional()])
    employment_type = SelectField(_l("Employment type"), choices=_choices(
        EMPLOYMENT_LABELS, list(EMPLOYMENT_LABELS)))
    valid_through_date = DateField(_l("Deadline (date)"), validators=[Optional()])
    valid_through_time = TimeField(_l("Deadline (time, empty: end of day)"),
                                   validators=[Optional()])
    timezone = StringField(_l("Time zone (e.g. Europe/Paris)"), validators=[Optional()])
    source_url = StringField(_l("Where I found it (web address)"), validators=[Optional()])
    apply_email = StringField(_l("E-mail to apply to"), validators=[Optional()])
    apply_url = StringField(_l("Web address to apply on"), validators=[Optional()])
    missions = TextAreaField(_l("Description"), validators=[Optional()])
    submit = SubmitField(_l("Log this posting"))


class EvidenceRow(Form):
    requirement_id = HiddenField()
    evidence = TextAreaField(_l("What shows it"), validators=[Optional(), Length(max=5000)])
    self_rating = SelectField(_l("My own rating"), choices=BLANK + [
        (str(i), f"{i}/4") for i in range(1, 5)], validate_choice=False)


class EvidenceForm(FlaskForm):
    rows = FieldList(FormField(EvidenceRow), _l("My answers to the requirements"), min_entries=0)
    submit = SubmitField(_l("Save my answers"))


class LetterForm(FlaskForm):
    cover_letter = TextAreaField(_l("Cover letter"), validators=[Optional(), Length(max=20000)])
    submit = SubmitField(_l("Save letter"))


class SubmitForm(FlaskForm):
    """Submit (or withdraw) one's application. With required requirements unanswered, the box
    (its label says how many) must be ticked."""

    confirm = BooleanField(_l("Submit anyway"))
    submit = SubmitField(_l("Submit my application"))


class UploadForm(FlaskForm):
    kind = SelectField(_l("Kind of document"), choices=_choices(
        DOCUMENT_LABELS, [k.value for k in DocumentKind]))
    file = FileField(_l("PDF file"), validators=[FileRequired(_l("choose a PDF file"))])
    submit = SubmitField(_l("Upload"))


class TokenForm(FlaskForm):
    """A personal API token is created with a name saying what uses it."""

    name = StringField(_l("Name (what will use the token, e.g. my script)"),
                       validators=[DataRequired(), Length(max=100)])
    submit = SubmitField(_l("Create a token"))


class ImportForm(FlaskForm):
    """A posting file to import: read, shown for review, saved only when hr says so."""

    file = FileField(_l("Posting file (.txt, .pdf, .json, .jsonld, .html)"),
                     validators=[Optional()])
    # or a web address, fetched under limits (tracker.web.import_url); one of the two is needed
    url = StringField(_l("Or the posting's web address (https://…)"),
                      validators=[Optional(), Length(max=2000)])
    upload = SubmitField(_l("Read the file"))

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if valid and not (self.url.data or "").strip() and not self.file.data:
            self.file.errors = [*self.file.errors, _l("choose a file")]
            return False
        return valid


class ImportReviewForm(PostingForm):
    """The posting form pre-filled from an import, with the kept file it came from."""

    source = HiddenField()  # the token of the file kept while hr reviews it
    source_name = HiddenField()
    source_address = HiddenField()  # the web address it was fetched from, if it was
    index = HiddenField(default="0")
    save = SubmitField(_l("Save as a draft"))


class PrivateImportForm(PrivatePostingForm):
    """A candidate's posting read from a file, for them to check before logging it."""

    source = HiddenField()
    source_name = HiddenField()
    index = HiddenField(default="0")
    save = SubmitField(_l("Log this posting"))


# ---- #13 password reset and invitations -------------------------------------------------------


class ForgotPasswordForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    submit = SubmitField(_l("Send me a link"))


class ResetPasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=[
        DataRequired(), Length(min=MIN_PASSWORD_LENGTH)])
    confirm = PasswordField(_l("New password again"), validators=[
        EqualTo("password", message=_l("the two passwords differ"))])
    submit = SubmitField(_l("Set my new password"))


class InviteStaffForm(FlaskForm):
    """An admin (any staff role and organisation) or hr (hr of their own) invite staff."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    full_name = StringField(_l("Name (optional)"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role"), choices=[(r, LazyLabel(f"role.{r}")) for r in ("hr", "admin")])
    organisation = SelectField(_l("Organisation (hr accounts)"), choices=[])
    locale = SelectField(_l("Language of the e-mail"), choices=LOCALES)
    submit = SubmitField(_l("Send the invitation"))


class InviteCandidateForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    posting = SelectField(_l("Posting"), choices=[], validate_choice=False)
    locale = SelectField(_l("Language of the e-mail"), choices=LOCALES)
    submit = SubmitField(_l("Invite to apply"))


class AcceptInvitationForm(FlaskForm):
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(), Length(min=MIN_PASSWORD_LENGTH)])
    confirm = PasswordField(_l("Password again"), validators=[
        EqualTo("password", message=_l("the two passwords differ"))])
    locale = SelectField(_l("Language"), choices=LOCALES)
    submit = SubmitField(_l("Create my account"))
