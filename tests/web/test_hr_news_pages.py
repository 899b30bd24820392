"""What hr see of new applications on their pages (issue #14): the notice in their inbox, and
the daily digest's switch on the account page (e-mail only), in French."""

from __future__ import annotations

from tests.web.conftest import Web, text
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.services.accounts import users
from tracker.services.hiring import applications
from tracker.services.reminders import dispatch
from tracker.services.reminders.settings import switch_states


def test_the_inbox_tells_hr_of_each_submission_in_french(web: Web, session, session_factory,
                                                         posting, hr, clock) -> None:  # noqa: ANN001
    hr.locale = "fr"
    for email, name in (("anna@example.org", "Anna Petit"), ("bruno@example.org", "Bruno Blanc")):
        person = users.create_user(session, email=email, full_name=name, role="candidate",
                                   clock=clock, actor=OPERATOR)
        app = applications.start(session, posting, person, actor=person, clock=clock)
        applications.move(session, app, "submitted", actor=person, clock=clock)
    session.commit()
    dispatch.run_once(session_factory, clock=clock, settings=get_settings())
    web.as_user(hr)
    inbox = text(web.get("/inbox/"))
    assert "Nouvelle candidature : Anna Petit — Chargé de coopération internationale" in inbox
    assert "Nouvelle candidature : Bruno Blanc" in inbox
    dashboard = text(web.get("/hr/"))
    card = dashboard[dashboard.index('id="notifications"'):]
    assert "Nouvelle candidature : Bruno Blanc" in card and "Rien de nouveau." not in card


def test_the_digest_switch_on_the_account_page(web: Web, session, hr) -> None:  # noqa: ANN001
    hr.locale = "fr"
    session.flush()
    web.as_user(hr)
    page = text(web.get("/account"))
    row = page[page.index("Un récapitulatif quotidien des nouvelles candidatures"):]
    row = row[:row.index("</tr>")]
    assert 'value="hr_digest:email" checked' in row and "hr_digest:in_app" not in row
    assert "Une candidature arrive pour une offre de mon organisation" in page
    on = [f"{k}:{c}" for (k, c), v in switch_states(session, hr).items()
          if v and k != "hr_digest"]
    assert web.post("/inbox/switches", {"on": on}, token_from="/account").status_code == 302
    assert switch_states(session, hr)[("hr_digest", "email")] is False
    assert 'value="hr_digest:email" checked' not in text(web.get("/account"))
