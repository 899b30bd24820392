"""The links e-mails carry (`/applications/{id}`, `/interviews/{id}`) open the page of the
reader's own side: the candidate's application page, the organisation's one for hr; nothing for
anybody else. Every link the reminders and messages write is one the app answers."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

from tracker.services.hiring import applications, interviews
from tracker.services.messages import composing

ROOT = Path(__file__).resolve().parents[2]


def _submitted(session, posting, candidate, clock):  # noqa: ANN001, ANN202
    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    session.commit()
    return application


def test_an_application_link_opens_each_side_s_page(web, session, posting, candidate, hr,  # noqa: ANN001
                                                     candidate_b, clock) -> None:
    application = _submitted(session, posting, candidate, clock)
    link = f"/applications/{application.id}"
    mine = web.as_user(candidate).get(link)
    assert mine.status_code == 302
    assert mine.headers["Location"].endswith(f"/me/applications/{application.id}")
    staff = web.as_user(hr).get(link)
    assert staff.headers["Location"].endswith(f"/hr/applications/{application.id}")
    assert web.as_user(candidate_b).get(link).status_code == 404
    assert "/login" in web.as_user(None).get(link).headers["Location"]


def test_an_interview_link_opens_its_application(web, session, posting, candidate, hr,  # noqa: ANN001
                                                 candidate_b, clock) -> None:
    application = _submitted(session, posting, candidate, clock)
    interview = interviews.schedule(session, posting, application=application,
                                    day=date(2024, 5, 22), at=time(10), actor=hr, clock=clock)
    session.commit()
    followed = web.as_user(candidate).get(f"/interviews/{interview.id}")
    assert followed.headers["Location"].endswith(f"/me/applications/{application.id}")
    assert web.as_user(candidate_b).get(f"/interviews/{interview.id}").status_code == 404
    assert web.as_user(candidate).get("/interviews/999999").status_code == 404


def test_every_link_written_for_a_reader_is_answered(app) -> None:  # noqa: ANN001
    """The link patterns the reminders and messages write, read from their code, each match a
    route of the app (an e-mail's link that 404s was found by a user)."""
    sources = [ROOT / "tracker" / "services" / "reminders" / "facts.py",
               Path(composing.__file__)]
    written = {m.group(1) for source in sources
               for m in re.finditer(r'f"(/[a-z]+)/\{', source.read_text())}
    assert written, "no link found: the pattern of this test is out of date"
    adapter = app.url_map.bind("localhost")
    for prefix in written:
        sample = "/postings/REF" if prefix == "/postings" else f"{prefix}/1"
        endpoint, _args = adapter.match(sample, method="GET")
        assert endpoint, sample
