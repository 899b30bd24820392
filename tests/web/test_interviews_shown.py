"""How an application's pages show its interviews: the posting's interview days once each,
labelled as such; the history's "interview on ..." in the reader's language."""

from __future__ import annotations

from datetime import date, time

from tests.web.conftest import Web, text
from tests.web.test_hr_pages import submitted_application
from tracker.services.hiring import interviews


def interviews_block(page: str) -> str:
    start = page.index('<ul class="interviews">')
    return page[start:page.index("</ul>", start)]


def test_a_posting_wide_date_is_shown_once_as_the_postings_day(
        web: Web, hr, candidate, posting, session, clock) -> None:  # noqa: ANN001
    application = submitted_application(session, posting, candidate, clock)
    for _twice in range(2):  # the same day given twice stays one line
        interviews.schedule(session, posting, day=date(2024, 5, 23), place="Salle 2",
                            actor=hr, clock=clock)
    interviews.schedule(session, posting, day=date(2024, 5, 22), actor=hr, clock=clock)
    interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(10, 0),
                        application=application, actor=hr, clock=clock)
    session.flush()
    web.as_user(hr)
    shown = interviews_block(text(web.get(f"/hr/applications/{application.id}")))
    assert shown.count("<li>") == 2, shown
    assert shown.count("Scheduled") == 1  # its own slot, the 22nd at 10:00
    assert "May 22, 2024, 10:00" in shown and "the posting's interview day</span>" in shown
    assert "The posting's interview day: <strong>May 23, 2024" in shown
    assert "Salle 2" in shown
    # the candidate, who has their own slot, sees it alone: the posting's day is not shown as
    # a second interview (issue #14)
    web.as_user(candidate)
    shown = interviews_block(text(web.get(f"/me/applications/{application.id}")))
    assert shown.count("<li>") == 1, shown
    assert "May 22, 2024, 10:00" in shown and "the posting's interview day</span>" in shown
    assert "May 23" not in shown and "Salle 2" not in shown


def test_the_history_says_the_interview_in_the_readers_language(
        web: Web, hr, candidate, posting, session, clock) -> None:  # noqa: ANN001
    application = submitted_application(session, posting, candidate, clock)
    interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(10, 0),
                        application=application, actor=hr, clock=clock)
    hr.locale = "fr"
    session.flush()
    web.as_user(hr)
    page = text(web.get(f"/hr/applications/{application.id}"))
    assert "Entretien le 22 mai 2024, 10:00 (Europe/Paris)" in page
    assert "interview on" not in page
    assert interviews.scheduled_on("interview on 2024-05-22 (Europe/Paris)")[1] is False
    assert interviews.scheduled_on("looks good") is None
