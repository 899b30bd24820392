"""Moving and cancelling an interview from the pages (issue #14, item 4), in French and in
English: the move form filled with the current slot, the cancellation's confirmation page (no
JavaScript: a GET says what will happen, only the POST cancels), the posting page's list of
interviews, the scheduling form that offers to move an application's current slot instead of
keeping two, and what the candidate then sees."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, time

import pytest
import sqlalchemy as sa

from tests.web.conftest import Web, text
from tests.web.test_hr_pages import submitted_application
from tracker.models import Interview, InterviewStatus, Locale
from tracker.services.hiring import interviews


@pytest.fixture
def slot(session, posting, candidate, hr, clock):  # noqa: ANN001, ANN201
    application = submitted_application(session, posting, candidate, clock)
    interview = interviews.schedule(session, posting, application=application,
                                    day=date(2024, 5, 22), at=time(10), place="Salle 2",
                                    actor=hr, clock=clock)
    session.flush()
    return interview


def words(page: str) -> str:
    """The page's text without tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def as_reader(web: Web, user, session, lang: str) -> None:  # noqa: ANN001
    user.locale = Locale(lang)
    session.flush()
    web.as_user(user)


@pytest.mark.parametrize(("lang", "says"), [
    ("fr", {"title": "Déplacer l’entretien", "field": "Fuseau horaire",
            "hint": "reçoivent le nouvel horaire par e-mail", "done": "Entretien déplacé :",
            "when": "23 mai 2024, 14:30 (Europe/Paris)", "link": "Déplacer"}),
    ("en", {"title": "Move the interview", "field": "Time zone",
            "hint": "receive the new time by e-mail", "done": "Interview moved:",
            "when": "May 23, 2024, 2:30", "link": "Reschedule"}),
])
def test_move_an_interview_from_the_application_page(web: Web, hr, slot, session, lang,
                                                     says) -> None:  # noqa: ANN001
    as_reader(web, hr, session, lang)
    page = text(web.get(f"/hr/applications/{slot.application_id}"))
    url = f"/hr/interviews/{slot.id}/move"
    assert f'href="{url}"' in page and says["link"] in words(page)
    form = text(web.get(url))
    assert says["title"] in words(form) and says["field"] in words(form)
    assert says["hint"] in words(form)
    # filled with the slot as it is
    assert 'value="2024-05-22"' in form and 'value="10:00"' in form
    assert 'value="Europe/Paris"' in form and 'value="Salle 2"' in form
    moved = web.post(url, {"day": "2024-05-23", "at": "14:30", "timezone": "Europe/Paris",
                           "duration_minutes": "60", "place": "Salle B"}, token_from=url)
    assert moved.status_code == 302
    assert moved.headers["Location"].endswith(f"/hr/applications/{slot.application_id}")
    session.expire_all()
    assert slot.starts_at == datetime(2024, 5, 23, 12, 30, tzinfo=UTC)
    assert (slot.duration_minutes, slot.place) == (60, "Salle B")
    after = words(text(web.get(moved.headers["Location"])))
    assert says["done"] in after and says["when"] in after and "Salle B" in after


def test_a_move_into_the_past_is_refused_next_to_its_field_in_french(web: Web, hr, slot,
                                                                      session) -> None:  # noqa: ANN001
    as_reader(web, hr, session, "fr")
    url = f"/hr/interviews/{slot.id}/move"
    refused = web.post(url, {"day": "2024-04-01", "at": "10:00", "timezone": "Europe/Paris",
                             "duration_minutes": "0"}, token_from=url)
    assert refused.status_code == 400
    page = text(refused)
    assert re.search(r'<p class="error" id="duration_minutes-error">[^<]+</p>', page)
    assert 'aria-invalid="true"' in page
    session.expire_all()
    assert slot.start_date == date(2024, 5, 22)


@pytest.mark.parametrize(("lang", "says"), [
    ("fr", {"title": "Annuler l’entretien ?", "undo": "L’annulation est définitive.",
            "keep": "Garder l’entretien", "done": "Entretien annulé :",
            "late": "ne peut plus être annulé", "section": "Entretiens"}),
    ("en", {"title": "Cancel the interview?", "undo": "Cancelling cannot be undone.",
            "keep": "Keep the interview", "done": "Interview cancelled:",
            "late": "can no longer be cancelled", "section": "Interviews"}),
])
def test_cancel_asks_for_confirmation_then_cancels(web: Web, hr, slot, posting, session, lang,
                                                   says) -> None:  # noqa: ANN001
    as_reader(web, hr, session, lang)
    listed = text(web.get(f"/hr/postings/{posting.reference}"))
    section = listed[listed.index('<section id="interviews">'):]
    section = section[:section.index("</section>")]
    url = f"/hr/interviews/{slot.id}/cancel"
    assert says["section"] in words(section) and "Camille Martin" in section
    assert f'href="{url}?back=posting"' in section
    # the GET only asks: nothing is cancelled by following the link
    asked = text(web.get(url + "?back=posting"))
    assert says["title"] in words(asked) and says["undo"] in words(asked)
    assert says["keep"] in words(asked) and "Camille Martin" in words(asked)
    assert '<input type="hidden" name="back" value="posting">' in asked
    session.expire_all()
    assert slot.status is InterviewStatus.SCHEDULED
    done = web.post(url, {"reason": "Jury indisponible", "back": "posting"}, token_from=url)
    assert done.status_code == 302
    assert done.headers["Location"].endswith(f"/hr/postings/{posting.reference}#interviews")
    session.expire_all()
    assert (slot.status, slot.outcome) == (InterviewStatus.CANCELLED, "Jury indisponible")
    page = text(web.get(f"/hr/postings/{posting.reference}"))
    section = page[page.index('<section id="interviews">'):]
    section = section[:section.index("</section>")]
    assert says["done"] in words(page)
    assert "Jury indisponible" in section and f'href="{url}' not in section  # no second cancel
    # a second cancellation: the page says it is too late, and a POST is refused
    assert says["late"] in words(text(web.get(url)))
    refused = web.post(url, {"reason": ""}, token_from=f"/hr/postings/{posting.reference}")
    assert refused.status_code == 400 and says["late"] in words(text(refused))


def test_scheduling_a_second_slot_offers_to_move_the_first(web: Web, hr, slot, posting,
                                                          candidate, session) -> None:  # noqa: ANN001
    as_reader(web, hr, session, "fr")
    url = f"/hr/postings/{posting.reference}/interviews/new?application={slot.application_id}"
    page = words(text(web.get(url)))
    assert "Camille Martin a déjà un entretien le 22 mai 2024, 10:00 (Europe/Paris)" in page
    assert "Déplacer cet entretien" in page
    data = {"application": str(slot.application_id), "day": "2024-05-24", "at": "09:00",
            "duration_minutes": "45"}
    kept = web.post(url, data, token_from=url)
    assert kept.status_code == 400  # not silently a second interview
    assert f'href="/hr/interviews/{slot.id}/move"' in text(kept)
    assert session.scalar(sa.select(sa.func.count()).select_from(Interview)) == 1
    replaced = web.post(url, {**data, "replace": "1"}, token_from=url)
    assert replaced.status_code == 302
    session.expire_all()
    found = session.scalars(sa.select(Interview).order_by(Interview.id)).all()
    assert [(i.start_date, i.status) for i in found] == [
        (date(2024, 5, 22), InterviewStatus.CANCELLED),
        (date(2024, 5, 24), InterviewStatus.SCHEDULED)]
    # HR see the replaced one as such, in their language
    hr_page = words(text(web.get(f"/hr/applications/{slot.application_id}")))
    assert "remplacé par un nouveau créneau" in hr_page and "replaced by" not in hr_page
    # the candidate sees only the current slot
    as_reader(web, candidate, session, "en")
    mine = text(web.get(f"/me/applications/{slot.application_id}"))
    block = mine[mine.index('<ul class="interviews">'):]
    block = words(block[:block.index("</ul>")])
    assert "May 24, 2024, 9:00" in block and "May 22" not in block


def test_only_the_employer_moves_or_cancels(web: Web, hr_other, candidate, slot,
                                            session) -> None:  # noqa: ANN001
    for who in (candidate, hr_other):
        web.as_user(who)
        for path in (f"/hr/interviews/{slot.id}/move", f"/hr/interviews/{slot.id}/cancel"):
            assert web.get(path).status_code in (403, 404)
    session.expire_all()
    assert slot.status is InterviewStatus.SCHEDULED
