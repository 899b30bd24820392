"""The posting form's errors in a real browser, in French (#14): the page opens on the summary
of the errors (it has the focus and is in view), its link leads to the field, the field's
message sits beside it at a readable width. Screenshots go to
test-artifacts/screenshots/forms/."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.web.test_browser import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    HR_EMAIL,
    HR_PASSWORD,
    browser,
    server,
)

pytestmark = pytest.mark.browser


def test_a_bad_level_opens_on_the_summary_in_french(server: str, browser: Any) -> None:  # noqa: F811
    from playwright.sync_api import expect

    shots = ARTIFACTS / "forms"
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.goto(server + "/login")
    page.locator("#email").fill(HR_EMAIL)
    page.locator("#password").fill(HR_PASSWORD)
    with page.expect_navigation():  # the log-in has answered before the next page is asked
        page.locator("#password").press("Enter")
    page.goto(server + "/account")
    assert "/account" in page.url, (page.url, page.content()[:3000])
    page.locator("#prefs-locale").select_option("fr")
    # wait for the form's own navigation: a goto while it is under way aborts one of the two
    with page.expect_navigation():
        page.locator("#prefs-locale").evaluate("select => select.form.requestSubmit()")
    try:
        page.goto(server + "/hr/postings/new")
        page.locator("#title").fill("Chargé·e de coopération internationale")
        page.locator("#employment_type").select_option("fixed_term")
        page.locator("#valid_through_date").fill((date.today() + timedelta(days=20)).isoformat())
        page.locator("#requirements-0-kind").select_option("language")
        page.locator("#requirements-0-label").fill("Anglais courant")
        page.locator("#requirements-0-level").fill("B7")
        page.locator("#requirements-1-kind").select_option("technical_skill")
        page.locator("#requirements-1-label").fill("Gestion de projet")
        page.locator("button.primary[name=submit]").click()
        page.wait_for_load_state()

        summary = page.locator("div.alert.error.summary")
        expect(summary).to_be_focused()
        expect(summary).to_be_in_viewport()
        expect(summary).to_contain_text("Veuillez corriger ce qui suit")
        expect(summary).to_contain_text("Exigences, ligne 1 : Niveau")
        expect(summary).to_contain_text("niveau du CECRL")
        page.screenshot(path=str(shots / "posting-form-errors-fr.png"))
        summary.get_by_role("link", name="Exigences, ligne 1 : Niveau").click()
        level = page.locator("#requirements-0-level")
        expect(level).to_have_attribute("aria-invalid", "true")
        expect(level).to_be_in_viewport()
        message = page.locator("#requirements-0-level-error")
        expect(message).to_contain_text("le niveau d’une exigence de langue")
        box = message.bounding_box()
        assert box is not None and box["width"] > 300, box  # not squeezed into the column
        page.screenshot(path=str(shots / "posting-form-field-fr.png"))
    finally:
        context.close()

