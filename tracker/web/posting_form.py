"""The posting form and the fields create_posting / update_posting take, both ways.

The requirements editor works without JavaScript: a fixed number of blank rows, and an
"add more rows" button that re-shows the form with more (nothing is saved by it)."""

from __future__ import annotations

from typing import Any

from tracker.web.forms import PostingForm, PrivatePostingForm

BLANK_REQUIREMENTS = 5
BLANK_DOCUMENTS = 2
BLANK_INTERVIEWS = 1
SCALARS = [
    "title", "reference", "department", "location", "address_locality", "address_country",
    "category", "employment_type", "duration_months", "working_time_percent", "job_start_date",
    "date_posted", "valid_through_date", "valid_through_time", "timezone", "apply_method",
    "apply_email", "apply_url", "application_contact", "salary_min", "salary_max",
    "salary_currency", "salary_period", "context", "missions", "working_conditions", "benefits",
    "occupation", "certification",
]
# Where a service's field name shows on this form, when it is not the same name.
ALIASES = {"valid_through": "valid_through_date", "hiring_organization_name": "title"}


def _blank(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def add_blank_rows(form: PostingForm, *, interviews: bool) -> None:
    for _ in range(BLANK_REQUIREMENTS):
        form.requirements.append_entry()
    for _ in range(BLANK_DOCUMENTS):
        form.required_documents.append_entry()
    if interviews:
        for _ in range(BLANK_INTERVIEWS):
            form.interviews.append_entry()


def fill(form: PostingForm, data: dict[str, Any], *, interviews: bool = False) -> None:
    """Show a posting's fields (as postings.input_of or an import's data gives them) on the
    form; its interview dates too when the form takes them (a new posting)."""
    for name in SCALARS:
        value = data.get(name)
        getattr(form, name).data = getattr(value, "value", value)
    for position, item in enumerate(data.get("requirements", [])):
        form.requirements.append_entry({
            "kind": getattr(item["kind"], "value", item["kind"]), "label": item["label"],
            "level": item.get("level") or "",
            "required": "1" if item.get("required", True) else "0",
            "position": position + 1, "occupation_skill": item.get("occupation_skill") or ""})
    for item in data.get("required_documents", []):
        form.required_documents.append_entry({
            "kind": getattr(item["kind"], "value", item["kind"]), "label": item["label"],
            "required": "1" if item.get("required", True) else "0"})
    for item in data.get("interviews", []) if interviews else []:
        form.interviews.append_entry({"date": item.get("date"), "time": item.get("time"),
                                      "place": item.get("place") or ""})


def read(form: PostingForm, *, interviews: bool) -> tuple[dict[str, Any], dict[str, str]]:
    """The fields for the service, and where each row's errors go back on the form (blank
    rows are skipped, rows are put in the order their `Order` column gives)."""
    data: dict[str, Any] = {name: _blank(getattr(form, name).data) for name in SCALARS}
    aliases = dict(ALIASES)
    rows = [
        (entry.form.position.data if entry.form.position.data is not None else 10_000 + index,
         index, entry.form)
        for index, entry in enumerate(form.requirements.entries)
        if _blank(entry.form.label.data) or _blank(entry.form.kind.data)
    ]
    data["requirements"] = []
    for new_index, (_, index, row) in enumerate(sorted(rows, key=lambda r: (r[0], r[1]))):
        data["requirements"].append({
            "kind": row.kind.data or None, "label": _blank(row.label.data),
            "level": _blank(row.level.data), "required": row.required.data == "1",
            "occupation_skill": _blank(row.occupation_skill.data)})
        _alias_row(aliases, "requirements", new_index, index)
    data["required_documents"] = []
    kept = [(index, entry.form) for index, entry in enumerate(form.required_documents.entries)
            if _blank(entry.form.label.data) or _blank(entry.form.kind.data)]
    for new_index, (index, row) in enumerate(kept):
        data["required_documents"].append({
            "kind": row.kind.data or None, "label": _blank(row.label.data),
            "required": row.required.data == "1"})
        _alias_row(aliases, "required_documents", new_index, index)
    if interviews:
        data["interviews"] = []
        dated = [(index, entry.form) for index, entry in enumerate(form.interviews.entries)
                 if entry.form.date.data]
        for new_index, (index, row) in enumerate(dated):
            data["interviews"].append({"date": row.date.data, "time": row.time.data,
                                       "place": _blank(row.place.data)})
            _alias_row(aliases, "interviews", new_index, index)
    return data, aliases


def _alias_row(aliases: dict[str, str], name: str, new_index: int, index: int) -> None:
    aliases[f"{name}[{new_index}]"] = f"{name}[{index}]"
    for sub in ("kind", "label", "level", "required", "date", "time", "place"):
        aliases[f"{name}[{new_index}].{sub}"] = f"{name}[{index}].{sub}"


def reference_choices(form: PostingForm, references: list[dict[str, Any]]) -> None:
    """The occupations and certifications to link the posting to (reference.list_references)."""
    blank = [("", "—")]
    form.occupation.choices = blank + [(r["key"], f'{r["title"]} ({r["language"]})')
                                       for r in references if r["kind"] == "occupation"]
    form.certification.choices = blank + [(r["key"], f'{r["key"]} — {r["title"]}')
                                          for r in references if r["kind"] == "certification"]


def propose(form: PostingForm, proposals: list[Any]) -> int:
    """Put the proposed requirements (reference.propose_requirements) in the editor for hr to
    edit before saving: the rows typed so far stay, blank ones go, skills already on a row are
    not proposed twice, then blank rows follow. Returns how many rows were added."""
    kept = [entry.form.data for entry in form.requirements.entries
            if _blank(entry.form.label.data) or _blank(entry.form.kind.data)]
    taken = {row.get("occupation_skill") for row in kept} - {None, ""}
    while form.requirements.entries:
        form.requirements.pop_entry()
    for row in kept:
        form.requirements.append_entry(row)
    added = 0
    for item in proposals:
        if item.occupation_skill in taken:
            continue
        form.requirements.append_entry({
            "kind": item.kind.value, "label": item.label, "level": "",
            "required": "1" if item.required else "0", "position": None,
            "occupation_skill": item.occupation_skill})
        added += 1
    for _ in range(BLANK_REQUIREMENTS):
        form.requirements.append_entry()
    return added


def read_private(form: PrivatePostingForm) -> dict[str, Any]:
    """A posting a candidate found elsewhere: private to them."""
    names = ["title", "hiring_organization_name", "location", "employment_type",
             "valid_through_date", "valid_through_time", "timezone", "source_url",
             "apply_email", "apply_url", "missions"]
    data = {name: _blank(getattr(form, name).data) for name in names}
    data["visibility"] = "private"
    return data
