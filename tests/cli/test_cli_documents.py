"""`tracker document add|list|remove`, and a refused upload: one line naming the field, exit 1,
nothing written."""

from __future__ import annotations

import hashlib
import json
import subprocess
import time

import pytest

from tests.cli.helpers import assert_refused, row_counts
from tests.uploads import encrypted, make_pdf, two_pages, zip_archive
from tracker.domain.access import OPERATOR
from tracker.i18n import label
from tracker.models import Document, DocumentKind
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications

CAMILLE = "camille@example.org"


@pytest.fixture
def cv(tmp_path):
    path = tmp_path / "CV-Camille-Martin.pdf"
    path.write_bytes(two_pages())
    return path


def test_add_list_show_remove(cli, session, application, cv):
    result = cli(f"--as {CAMILLE} document add --application {application.id} --kind cv {cv}")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    [line] = result.output.splitlines()
    assert line.startswith("document #")
    document_id = int(line.split()[1].lstrip("#"))
    session.expire_all()  # the stored copy is the sanitised one, not the file
    copy = session.get(Document, document_id).content
    assert copy.startswith(b"%PDF-") and copy != cv.read_bytes()
    assert line.endswith(f" added to application #{application.id}: CV, CV-Camille-Martin.pdf, "
                         f"2 pages, {len(copy) / 1000:.1f} kB")

    listed = json.loads(cli(f"document list --application {application.id} --format json").output)
    assert listed == {"application": application.id, "documents": [{
        "id": document_id, "application_id": application.id, "kind": "cv",
        "filename": "CV-Camille-Martin.pdf", "media_type": "application/pdf",
        "size_bytes": len(copy), "page_count": 2,
        "sha256": hashlib.sha256(copy).hexdigest(),
        "uploaded_at": "2024-04-15T08:00:00Z",
    }]}
    text = cli(f"--as {CAMILLE} document list --application {application.id}").output
    assert f"Documents of application #{application.id}" in text
    [row] = [r for r in text.splitlines() if r.lstrip().startswith(str(document_id))]
    assert " CV " in row and "CV-Camille-Martin.pdf" in row and "2024-04-15" in row

    shown = json.loads(cli(f"application show {application.id} --format json").output)
    assert [(d["filename"], d["page_count"]) for d in shown["documents"]] == [
        ("CV-Camille-Martin.pdf", 2)]
    assert "CV-Camille-Martin.pdf" in cli(f"application show {application.id}").output

    result = cli(f"--as {CAMILLE} document remove {document_id}")
    assert result.exit_code == 0, result.output
    assert result.output == (f"document #{document_id} (CV-Camille-Martin.pdf) removed from "
                             f"application #{application.id}\n")
    assert cli(f"document list --application {application.id}").output == (
        f"No documents for application #{application.id}.\n")


def test_the_employer_side_adds_and_removes_too(cli, application, cv):
    result = cli(f"--as rh@univ-st-etienne.fr document add --application {application.id} "
                 f"--kind cv {cv}")
    assert result.stderr == f"error: application: no application #{application.id}\n"  # a draft
    assert cli(f"application move {application.id} submitted").exit_code == 0
    result = cli(f"--as rh@univ-st-etienne.fr document add --application {application.id} "
                 f"--kind cv {cv}")
    assert result.exit_code == 0, result.output
    document_id = int(result.output.split()[1].lstrip("#"))
    assert cli(f"--as rh@univ-st-etienne.fr document remove {document_id}").exit_code == 0


def refusals(tmp_path, application_id: int) -> list[tuple[str, str, list[str]]]:
    """(command, field, words) for uploads that must be refused."""
    files = {
        "zip.pdf": zip_archive(),
        "notes.pdf": b"Camille Martin, CV\n",
        "locked.pdf": encrypted(two_pages()),
        "half.pdf": two_pages()[: len(two_pages()) // 2],
        "CV.docx": two_pages(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "folder.pdf").mkdir()
    add = f"document add --application {application_id} --kind cv"
    return [
        (f"{add} {tmp_path}/zip.pdf", "file",
         ["'zip.pdf' is not a PDF (it is a ZIP archive, e.g. a Word document)"]),
        (f"{add} {tmp_path}/notes.pdf", "file", ["'notes.pdf' is not a PDF (it is plain text)"]),
        (f"{add} {tmp_path}/locked.pdf", "file",
         ["'locked.pdf' is password-protected: upload it without protection"]),
        (f"{add} {tmp_path}/half.pdf", "file", ["'half.pdf' is damaged or truncated (pypdf: "]),
        (f"{add} {tmp_path}/CV.docx", "filename", ["'CV.docx' must end in .pdf"]),
        (f"{add} /nonexistent/cv.pdf", "FILE",
         ["cannot read /nonexistent/cv.pdf: No such file or directory"]),
        (f"{add} {tmp_path}/folder.pdf", "FILE", ["folder.pdf: Is a directory"]),
        (f"document add --application 999999 --kind cv {tmp_path}/zip.pdf", "application",
         ["no application #999999"]),
        (f"--as jordan@example.org {add} {tmp_path}/zip.pdf", "application",
         [f"no application #{application_id}"]),
    ]


CASES = ["zip", "text", "encrypted", "truncated", "not .pdf", "missing", "directory",
         "unknown application", "not visible"]


@pytest.mark.parametrize("case", range(len(CASES)), ids=CASES)
def test_refused_uploads(cli, session, tmp_path, application, case):
    users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                      role="candidate", actor=OPERATOR)
    args, field, words = refusals(tmp_path, application.id)[case]
    before = row_counts(session)
    assert_refused(cli(args), field, *words)
    assert row_counts(session) == before


@pytest.fixture
def strangers(session, clock):
    users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                      role="candidate", clock=clock, actor=OPERATOR)
    organisations.create_organisation(session, slug="lyon2", name="Lyon 2", clock=clock, actor=OPERATOR)
    users.create_user(session, email="rh@univ-lyon2.fr", full_name="Paul Durand", role="hr",
                      organisation="lyon2", clock=clock, actor=OPERATOR)


@pytest.mark.parametrize("stranger", ["jordan@example.org", "rh@univ-lyon2.fr"])
def test_others_cannot_see_or_touch_the_documents(cli, session, application, cv, strangers,
                                                  stranger):
    added = cli(f"document add --application {application.id} --kind cv {cv}")
    document_id = int(added.output.split()[1].lstrip("#"))
    before = row_counts(session)
    for args, field, words in [
        (f"document add --application {application.id} --kind cover_letter {cv}",
         "application", [f"no application #{application.id}"]),
        (f"document list --application {application.id}", "application",
         [f"no application #{application.id}"]),
        (f"document remove {document_id}", "document", [f"no document #{document_id}"]),
    ]:
        assert_refused(cli(f"--as {stranger} {args}"), field, *words)
    assert row_counts(session) == before


def test_the_same_file_twice(cli, session, application, cv):
    first = cli(f"document add --application {application.id} --kind cv {cv}")
    document_id = int(first.output.split()[1].lstrip("#"))
    before = row_counts(session)
    result = cli(f"document add --application {application.id} --kind cv {cv}")
    assert_refused(result, "file", f"'CV-Camille-Martin.pdf' is already attached to application "
                                   f"#{application.id} as CV (document #{document_id}")
    assert row_counts(session) == before


def test_unknown_document_and_application(cli, session, application):
    before = row_counts(session)
    assert_refused(cli("document remove 999999"), "document", "no document #999999")
    assert_refused(cli("document list --application 999999"), "application",
                   "no application #999999")
    assert row_counts(session) == before


def test_withdrawn_application(cli, session, application, candidate, cv, clock):
    applications.move(session, application, "withdrawn", actor=candidate, clock=clock)
    before = row_counts(session)
    assert_refused(cli(f"document add --application {application.id} --kind cv {cv}"),
                   "application", "the application is withdrawn: no new documents")
    assert row_counts(session) == before


@pytest.fixture
def no_child(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a child process was started")

    monkeypatch.setattr(subprocess, "run", forbidden)


def test_a_50_mb_file_is_refused_without_being_read(cli, session, application, tmp_path,
                                                     no_child):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as handle:  # sparse: 50 MiB that take no room
        handle.write(b"%PDF-1.7\n")
        handle.truncate(50 * 1024 * 1024)
    before = row_counts(session)
    started = time.perf_counter()
    result = cli(f"document add --application {application.id} --kind cv {big}")
    assert time.perf_counter() - started < 0.5
    line = assert_refused(result, "file")
    assert line == "error: file: 'big.pdf' is 52.4 MB, the limit is 10 MB"
    assert row_counts(session) == before


def test_a_file_without_end_is_read_up_to_the_limit_only(cli, session, application, tmp_path,
                                                         no_child):
    endless = tmp_path / "endless.pdf"
    endless.symlink_to("/dev/zero")
    result = cli(f"document add --application {application.id} --kind cv {endless}")
    assert_refused(result, "file", "'endless.pdf' is larger than the limit of 10 MB")


def test_kind_is_one_of_the_document_kinds(cli, session, application, cv):
    result = cli(f"document add --application {application.id} --kind photo {cv}")
    assert result.exit_code == 2
    assert "Invalid value for '--kind'" in result.stderr and "cover_letter" in result.stderr


def test_each_kind_is_accepted(cli, application, tmp_path):
    for kind in ("cover_letter", "diploma", "reference_letter"):
        path = tmp_path / f"{kind}.pdf"
        path.write_bytes(make_pdf(kind))
        result = cli(f"document add --application {application.id} --kind {kind} {path}")
        assert result.exit_code == 0, result.output
        shown = label(DocumentKind(kind), "en")  # the label, never the stored value
        assert f": {shown}, {kind}.pdf, 1 page, " in result.output


def test_org_usage_shows_each_organisations_storage(cli, session, application, candidate):  # noqa: ANN001
    """Issue #12, finding 10: a storage figure per organisation for admins."""
    from tests.uploads import make_pdf
    from tracker.config import get_settings
    from tracker.services.hiring.documents import add_document

    data = make_pdf("CV")
    stored = add_document(session, application, kind="cv", filename="cv.pdf", content=data,
                          actor=candidate, settings=get_settings())
    session.flush()
    result = cli("org usage --format json")
    assert result.exit_code == 0, result.output
    [ujm] = [row for row in json.loads(result.output) if row["slug"] == "ujm"]
    # what is stored is the cleaned copy of the upload
    assert ujm["documents"] == 1 and ujm["document_bytes"] == stored.size_bytes
    assert ujm["postings"] >= 1
