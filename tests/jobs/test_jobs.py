"""Dossier jobs as a service: asked twice, made once; served from the stored copy while nothing
it shows changed; made again after a change to the posting or an application; taken again after
a dead worker's lease; failed with a reason."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import Clock
from tests.jobs.conftest import NOW
from tests.pdf.conftest import attach, text_of
from tracker.domain.access import OPERATOR
from tracker.domain.errors import NotFound, PermissionDenied
from tracker.models import JobKind, JobStatus
from tracker.services.accounts import organisations, users
from tracker.services.jobs import queue, run_here

REF = "UJM-DRI-2024-CCI"
LEASE = timedelta(seconds=960)


def ask(session, settings, kind=JobKind.PANEL, params=None, actor=OPERATOR, lang="en"):  # noqa: ANN001, ANN201
    job = queue.request(session, kind, params or {"reference": REF}, actor, lang=lang,
                        settings=settings, clock=Clock(NOW))
    session.commit()
    return job


def test_asked_twice_made_once_then_served_from_its_copy(session, session_factory, demo,  # noqa: ANN001
                                                         job_settings) -> None:
    first = ask(session, job_settings)
    assert first.status is JobStatus.QUEUED
    # the one applicant the panel reviews (the other application is a draft), and the layout
    assert (first.progress_done, first.progress_total) == (0, 2)
    assert ask(session, job_settings).id == first.id  # queued: the same work is not queued twice
    done = run_here(session_factory, first.id, settings=job_settings, worker="test",
                    clock=Clock(NOW))
    assert done.status is JobStatus.DONE and done.progress_done == done.progress_total == 2
    path = queue.result_file(done, job_settings)
    assert path is not None and path.is_relative_to(job_settings.reports_dir)
    assert "Camille Martin" in text_of(path.read_bytes())
    session.expire_all()
    again = ask(session, job_settings)
    assert again.id == first.id and again.status is JobStatus.DONE  # the stored copy
    # another language is another dossier
    assert ask(session, job_settings, lang="fr").id != first.id
    # the stored file gone (say, the reports folder was cleaned): made again
    path.unlink()
    assert ask(session, job_settings).id != first.id


@pytest.mark.parametrize("change", ["letter", "rating", "posting", "requirement", "document"])
def test_a_change_to_what_it_shows_makes_it_again(session, session_factory, demo, job_settings,  # noqa: ANN001
                                                  change) -> None:
    first = ask(session, job_settings)
    run_here(session_factory, first.id, settings=job_settings, worker="test", clock=Clock(NOW))
    session.expire_all()
    assert ask(session, job_settings).id == first.id
    camille, posting = demo["camille"], demo["posting"]
    if change == "letter":
        camille.cover_letter = "Madame, Monsieur, une autre lettre."
    elif change == "rating":
        camille.evidence[0].reviewer_rating = 4 if camille.evidence[0].reviewer_rating != 4 else 3
    elif change == "posting":
        posting.title = posting.title + " (H/F)"
    elif change == "requirement":
        posting.requirements[0].label = "Anglais courant"
    else:
        attach(session, camille, "other", "Diplome.pdf", camille.documents[0].content)
    session.commit()
    second = ask(session, job_settings)
    assert second.id != first.id and second.status is JobStatus.QUEUED
    assert second.digest != first.digest


def test_the_application_dossier_is_the_candidates_or_the_employers(session, demo,  # noqa: ANN001
                                                                    job_settings) -> None:
    camille = demo["camille"]
    employer = ask(session, job_settings, JobKind.APPLICATION, {"application_id": camille.id})
    mine = ask(session, job_settings, JobKind.APPLICATION, {"application_id": camille.id},
               actor=camille.candidate)
    assert employer.params["audience"] == "employer" and mine.params["audience"] == "candidate"
    assert employer.id != mine.id
    # each sees their own copy's job, and not the other's
    assert queue.get_job(session, mine.id, camille.candidate, clock=Clock(NOW)).id == mine.id
    with pytest.raises(NotFound):
        queue.get_job(session, employer.id, camille.candidate, clock=Clock(NOW))
    other = users.create_user(session, email="zoe@example.org", full_name="Zoé Zola",
                              role="candidate", clock=Clock(NOW), actor=OPERATOR)
    with pytest.raises(NotFound):
        queue.get_job(session, mine.id, other, clock=Clock(NOW))


def test_only_the_employer_asks_for_the_panel_dossier(session, demo, job_settings) -> None:  # noqa: ANN001
    organisations.create_organisation(session, slug="other", name="Other", clock=Clock(NOW),
                                      actor=OPERATOR)
    stranger = users.create_user(session, email="rh@other.example", full_name="Autre RH",
                                 role="hr", organisation="other", clock=Clock(NOW),
                                 actor=OPERATOR)
    with pytest.raises((NotFound, PermissionDenied)):
        ask(session, job_settings, actor=stranger)
    job = ask(session, job_settings)
    with pytest.raises(NotFound):
        queue.get_job(session, job.id, stranger, clock=Clock(NOW))


def test_a_dead_workers_job_is_claimed_again_after_its_lease(session, session_factory, demo,  # noqa: ANN001
                                                             job_settings) -> None:
    job = ask(session, job_settings)
    clock = Clock(NOW)
    first = queue.claim(session_factory, worker="a", now=clock(), lease=LEASE)
    assert first is not None and first.job_id == job.id
    # nothing else is queued: a second worker gets nothing while the lease holds
    assert queue.claim(session_factory, worker="b", now=clock.advance(seconds=959),
                       lease=LEASE) is None
    # worker a died; after its lease the job is taken again, by b
    second = queue.claim(session_factory, worker="b", now=clock.advance(seconds=2), lease=LEASE)
    assert second is not None and second.job_id == job.id and second.token != first.token
    session.expire_all()
    assert job.claimed_by == "b" and job.attempts == 2 and job.status is JobStatus.RUNNING
    # a's late words no longer count
    assert not queue.progress(session_factory, first, 1, 3, now=clock(), lease=LEASE)
    assert not queue.finish(session_factory, first, result_path="x.pdf", filename="x.pdf",
                            now=clock())
    assert queue.progress(session_factory, second, 1, 3, now=clock(), lease=LEASE)
    session.expire_all()
    assert job.progress_done == 1 and job.status is JobStatus.RUNNING


def test_a_job_whose_workers_keep_dying_fails(session, session_factory, demo,  # noqa: ANN001
                                              job_settings) -> None:
    job = ask(session, job_settings)
    clock = Clock(NOW)
    for _ in range(3):
        assert queue.claim(session_factory, worker="w", now=clock(), lease=LEASE,
                           max_attempts=3) is not None
        clock.advance(seconds=1000)
    assert queue.claim(session_factory, worker="w", now=clock(), lease=LEASE,
                       max_attempts=3) is None
    session.expire_all()
    assert job.status is JobStatus.FAILED and job.error_code == "crashed"
    assert job.error_params == {"attempts": 3}


def test_an_upload_that_cannot_be_appended_fails_the_job_with_its_name(  # noqa: ANN201
        session, session_factory, demo, job_settings):  # noqa: ANN001
    attach(session, demo["camille"], "other", "CV-abime.pdf", b"%PDF-1.4 not really a PDF")
    session.commit()
    job = ask(session, job_settings)
    made = run_here(session_factory, job.id, settings=job_settings, worker="test",
                    clock=Clock(NOW))
    assert made.status is JobStatus.FAILED and made.error_code == "document"
    assert "CV-abime.pdf" in made.error_params["detail"]
    assert queue.result_file(made, job_settings) is None
    # a failed job is not served again: asking again queues a new try
    assert ask(session, job_settings).id != job.id


def test_the_batch_is_one_archive_of_every_dossier(session, session_factory, demo,  # noqa: ANN001
                                                   job_settings) -> None:
    import io
    import zipfile

    job = ask(session, job_settings, JobKind.BATCH)
    made = run_here(session_factory, job.id, settings=job_settings, worker="test",
                    clock=Clock(NOW))
    assert made.status is JobStatus.DONE and made.filename.endswith(".zip")
    path = queue.result_file(made, job_settings)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        names = archive.namelist()
        assert len(names) == 2
        texts = [text_of(archive.read(name)) for name in names]
    assert any("Camille Martin" in t for t in texts)


def test_the_batch_is_written_into_its_copy_as_each_dossier_is_made(  # noqa: ANN201
        session, session_factory, demo, job_settings):  # noqa: ANN001
    """The archive grows in its stored copy (under a passing name) as each dossier is made,
    never held whole in memory; once whole it is the archive served, and the passing file is
    gone."""
    import zipfile

    job = ask(session, job_settings, JobKind.BATCH)
    folder = queue.result_folder(job, job_settings)
    seen: list[tuple[int, list[str], int]] = []

    def heard(done: int, total: int) -> None:
        files = sorted(folder.iterdir())
        seen.append((done, [f.name for f in files], sum(f.stat().st_size for f in files)))

    made = run_here(session_factory, job.id, settings=job_settings, worker="test",
                    clock=Clock(NOW), on_progress=heard)
    assert made.status is JobStatus.DONE
    path = queue.result_file(made, job_settings)
    first_done, names, size = seen[0]
    assert first_done == 1 and names == [f".{made.filename}.part"]
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert first.file_size > 10_000  # a whole dossier
        assert size >= first.file_size  # already in the file when the first was made
    assert [p.name for p in folder.iterdir()] == [made.filename]


def test_an_unexpected_error_fails_the_job_with_its_reason(session, session_factory, demo,  # noqa: ANN001
                                                           job_settings, monkeypatch) -> None:
    from tracker.services.dossiers import render

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("the template did not reserve a page for every appendix")

    monkeypatch.setattr(render, "render_sheet", broken)
    job = ask(session, job_settings, JobKind.POSTING_SHEET)
    made = run_here(session_factory, job.id, settings=job_settings, worker="test",
                    clock=Clock(NOW))
    assert made.status is JobStatus.FAILED and made.error_code == "error"
    assert made.error_params == {
        "detail": "RuntimeError: the template did not reserve a page for every appendix"}


def test_the_panel_dossier_is_written_to_its_copy_as_it_is_assembled(  # noqa: ANN201
        session, session_factory, demo, job_settings, monkeypatch):  # noqa: ANN001
    """The job writes the panel dossier straight into its stored copy, never reading the whole
    PDF back into memory (render_panel does: it is not used); a job stopped half-way leaves no
    half file behind."""
    from tracker import pdfparts
    from tracker.services.dossiers import render

    def whole_in_memory(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the job read the whole dossier back into memory")

    monkeypatch.setattr(render, "render_panel", whole_in_memory)
    made = run_here(session_factory, ask(session, job_settings).id, settings=job_settings,
                    worker="test", clock=Clock(NOW))
    assert made.status is JobStatus.DONE, made.error_params
    path = queue.result_file(made, job_settings)
    assert "Camille Martin" in text_of(path.read_bytes())
    assert [p.name for p in path.parent.iterdir()] == [path.name]

    real = pdfparts.assemble

    def stopped(parts, out, **kwargs):  # noqa: ANN001, ANN003, ANN202
        real(parts, out, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdfparts, "assemble", stopped)
    job = ask(session, job_settings, lang="fr")
    failed = run_here(session_factory, job.id, settings=job_settings, worker="test",
                      clock=Clock(NOW))
    assert failed.status is JobStatus.FAILED and "No space left" in failed.error_params["detail"]
    folder = queue.result_folder(failed, job_settings)
    assert not folder.exists() or not list(folder.iterdir())
