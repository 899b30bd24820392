"""Fit and what is missing in the web pages (issue #7): the hr applicants list shows each
applicant's fit score and sorts by it across pages; the hr application page explains the fit;
candidates never see it, but see what they still have to show. Also the public page's JSON-LD
from the exporter of issue #6, read back by the importer."""

from __future__ import annotations

import json
import re

from tests.web.conftest import Web, text
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.services import imports
from tracker.services.accounts import users
from tracker.services.accounts.users import LanguageInput
from tracker.services.hiring import applications, evidence


def _submitted(session, posting, person, clock, *, english=None, education=None):  # noqa: ANN001, ANN201
    if english or education:
        users.set_profile(session, person, education_level=education, languages=[
            LanguageInput("en", english)] if english else [], clock=clock, actor=OPERATOR)
    application = applications.start(session, posting, person, actor=person, clock=clock)
    applications.move(session, application, "submitted", actor=person, clock=clock)
    session.flush()
    return application


def _three(session, posting, candidate, candidate_b, clock):  # noqa: ANN001, ANN201
    zoe = users.create_user(session, email="zoe@example.org", full_name="Zoé Zola",
                            role="candidate", clock=clock, actor=OPERATOR)
    made = {}
    for person, english, education in ((zoe, None, None), (candidate_b, "B1", "bac+5"),
                                       (candidate, "C1", "bac+5")):
        clock.advance(minutes=5)
        made[person.full_name] = _submitted(session, posting, person, clock, english=english,
                                            education=education)
    return made


def test_applicants_show_their_fit_and_sort_by_it_across_pages(
        web: Web, hr, posting, candidate, candidate_b, session, clock, monkeypatch) -> None:  # noqa: ANN001
    from tracker.web import hr as hr_views

    made = _three(session, posting, candidate, candidate_b, clock)
    web.as_user(hr)
    by_date = text(web.get(f"/hr/postings/{posting.reference}"))
    assert by_date.index("Zoé Zola") < by_date.index("Bob Brun") < by_date.index("Camille Martin")
    camille = made["Camille Martin"].id
    # the score with its coverage; nothing given at all is to assess, not a zero
    assert re.search(rf'/hr/applications/{camille}#fit"[^>]*>100/100 over 2 of 2 '
                     r'requirements</a>', by_date)
    bob = made["Bob Brun"].id
    assert re.search(rf'/hr/applications/{bob}#fit"[^>]*>50/100 over 2 of 2 requirements</a>',
                     by_date)
    zoe = made["Zoé Zola"].id
    assert re.search(rf'/hr/applications/{zoe}#fit"[^>]*>To assess \(none of 2 '
                     r'requirements\)</a>', by_date)
    hr.locale = "fr"
    session.flush()
    french = text(web.get(f"/hr/postings/{posting.reference}"))
    assert re.search(rf'/hr/applications/{bob}#fit"[^>]*>50/100 sur 2 des 2 exigences</a>',
                     french)
    assert re.search(rf'/hr/applications/{zoe}#fit"[^>]*>À évaluer \(aucune des 2 '
                     r'exigences\)</a>', french)
    hr.locale = "en"
    session.flush()
    monkeypatch.setattr(hr_views, "APPLICANTS_PER_PAGE", 2)
    first = text(web.get(f"/hr/postings/{posting.reference}?sort=fit"))
    assert 'aria-current="true">fit</a>' in first
    assert first.index("Camille Martin") < first.index("Bob Brun") and "Zoé Zola" not in first
    assert f'href="/hr/postings/{posting.reference}?page=2&amp;sort=fit"' in first
    second = text(web.get(f"/hr/postings/{posting.reference}?sort=fit&page=2"))
    assert "Zoé Zola" in second and "Camille Martin" not in second and "Bob Brun" not in second
    # the same order as the service the CLI uses
    ranked = applications.list_applications(session, posting=posting.reference, sort="fit",
                                            actor=hr)
    assert [r.candidate_name for r in ranked.rows] == ["Camille Martin", "Bob Brun", "Zoé Zola"]
    bogus = text(web.get(f"/hr/postings/{posting.reference}?sort=bogus"))
    assert 'aria-current="true">date submitted</a>' in bogus


def test_the_hr_application_page_explains_the_fit(web: Web, hr, posting, candidate,
                                                  candidate_b, session, clock) -> None:  # noqa: ANN001
    made = _three(session, posting, candidate, candidate_b, clock)
    bob = made["Bob Brun"]
    web.as_user(hr)
    page = text(web.get(f"/hr/applications/{bob.id}"))
    assert "<dd>Bac+5" in page  # the level of study by its label, not its stored value
    section = page[page.index('id="fit"'):]
    section = section[:section.index("</section>")]
    assert "50/100 over 2 of 2 requirements" in section and "Points: 2 of 4." in section
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)
    anglais = next(r for r in rows if "Anglais" in r)
    assert 'class="status status-not_shown">Not shown<' in anglais
    assert "B1" in anglais and "B2" in anglais  # the reason names both levels
    diploma = next(r for r in rows if "Bac + 5" in r)
    assert 'class="status status-met">Met<' in diploma
    assert re.search(r'data-label="Weight">2<', diploma)
    assert re.search(r'data-label="Points">2<', diploma)
    # the reviewer's rating overrides, and the page says so
    evidence.rate_evidence(session, bob, posting.requirements[0], rating=4, actor=hr, clock=clock)
    session.flush()
    page = text(web.get(f"/hr/applications/{bob.id}"))
    assert "100/100 over 2 of 2 requirements" in page
    # in French too
    hr.locale = "fr"
    session.flush()
    page = text(web.get(f"/hr/applications/{bob.id}"))
    assert "Adéquation aux exigences" in page and "Atteint" in page
    assert "100/100 sur 2 des 2 exigences" in page
    # nothing given at all: to assess, in grey, not "not shown" in red
    zoe = made["Zoé Zola"]
    page = text(web.get(f"/hr/applications/{zoe.id}"))
    section = page[page.index('id="fit"'):]
    assert "À évaluer (aucune des 2 exigences)" in section
    assert section.count('class="status status-to_assess">À évaluer<') == 2
    assert "status-not_shown" not in section and "Non démontré" not in section
    hr.locale = "en"
    session.flush()
    page = text(web.get(f"/hr/applications/{zoe.id}"))
    assert page.count('class="status status-to_assess">To assess<') == 2


def test_candidates_do_not_see_the_fit_but_what_is_missing(web: Web, candidate, application,
                                                             session, clock) -> None:  # noqa: ANN001
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    page = text(web.get(url))
    assert "Fit to the requirements" not in page and "/ 100" not in page
    missing = page[page.index("Still to show before the deadline:"):]
    missing = missing[:missing.index("</ul>")]
    assert "Anglais" in missing and "Bac + 5" in missing
    # blank evidence is no answer: one rule, fit.missing_evidence's
    posting = application.posting
    evidence.give_evidence(session, application, posting.requirements[0], evidence="   ",
                           self_rating=3, actor=candidate, clock=clock)
    evidence.give_evidence(session, application, posting.requirements[1],
                           evidence="Master LEA", actor=candidate, clock=clock)
    session.flush()
    page = text(web.get(url))
    missing = page[page.index("Still to show before the deadline:"):]
    missing = missing[:missing.index("</ul>")]
    assert "Anglais" in missing and "Bac + 5" not in missing
    listing = text(web.get("/me/"))
    assert "1 required requirement without an answer" in listing
    assert web.get(f"/hr/applications/{application.id}").status_code in (403, 404)


def test_public_page_json_ld_is_the_exporters_and_reimports(web: Web, posting, session) -> None:  # noqa: ANN001
    posting.location = "Saint-Étienne"
    posting.address_locality = "Saint-Étienne"
    posting.address_country = "FR"
    posting.missions = "Coordonner les projets & <b>partenariats</b>"
    session.flush()
    response = web.get(f"/postings/{posting.reference}")
    page = text(response)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block, page
    raw = block.group(1)
    assert "<b>" not in raw and "&" not in raw  # escaped inside the script element
    data = json.loads(raw)
    for required in ("title", "description", "datePosted", "hiringOrganization", "jobLocation"):
        assert data.get(required), required  # Google's required properties
    assert data["url"] == f"http://localhost/postings/{posting.reference}"
    assert data["validThrough"] == "2024-05-13T23:59:59+02:00"
    assert "partenariats" in data["description"]
    report = imports.analyse("page.html", response.get_data(), default_zone=get_settings().timezone)
    assert report.format == "html" and len(report.postings) == 1
    found = report.postings[0]
    assert found.value("title") == posting.title
    assert found.value("reference") == posting.reference
    assert found.value("hiring_organization_name") == "Université Jean Monnet"
    assert found.value("valid_through_date").isoformat() == "2024-05-13"
    assert found.value("employment_type") == "fixed_term"
    assert found.value("address_locality") == "Saint-Étienne"
