"""Journey: a coordinator records contact consent on the participant's record; the health
champion then finds the participant; after a withdrawal the participant is gone again."""

import pytest
from playwright.sync_api import expect

from tests.browser_support import assert_no_axe_violations, log_in
from tests.factories.backbone import make_participant, make_region, make_user
from tests.factories.consent import ensure_consent_texts

pytestmark = pytest.mark.browser


def champion_list(page, base):
    page.goto(f"{base}/participants/")
    return page.locator("main").inner_text()


def test_record_and_withdraw_consent_changes_the_health_champions_list(page, live_app):
    ensure_consent_texts()  # the live server's tables are flushed between tests
    region = make_region(name="Den Haag", slug="den-haag")
    person = make_participant(
        region, given_name="Ayse", family_name="Yildiz", preferred_language="tr"
    )
    coordinator = make_user("coordinator", region)
    champion = make_user("health_champion", region)
    base = live_app.url
    champion_page = page.context.browser.new_context().new_page()
    log_in(champion_page, base, champion)
    assert "Yildiz" not in champion_list(champion_page, base)

    log_in(page, base, coordinator)
    page.goto(f"{base}/participants/{person.public_id}/")
    section = page.locator("#purpose-contact_by_health_champion")
    section.locator("summary").click()
    # read out in Turkish
    expect(section).to_contain_text("beni daha sonra arayabilir", use_inner_text=True)
    assert_no_axe_violations(page)
    section.get_by_label("Gegeven").check()
    section.get_by_label("Op papier").check()
    section.get_by_role("button", name="Beslissing vastleggen").click()
    page.wait_for_url(f"{base}/participants/{person.public_id}/")
    row = page.locator("tr[data-purpose=contact_by_health_champion]")
    expect(row).to_contain_text("Gegeven", use_inner_text=True)
    assert "Yildiz" in champion_list(champion_page, base)

    section = page.locator("#purpose-contact_by_health_champion")
    section.locator("summary").click()
    section.get_by_label("Reden van intrekken").fill("Wil niet gebeld worden")
    section.get_by_role("button", name="Intrekken").click()
    page.wait_for_url(f"{base}/participants/{person.public_id}/")
    expect(page.locator("tr[data-purpose=contact_by_health_champion]")).to_contain_text(
        "Ingetrokken", use_inner_text=True
    )
    expect(page.locator("table.consent-history")).to_contain_text(
        "Wil niet gebeld worden", use_inner_text=True
    )
    assert "Yildiz" not in champion_list(champion_page, base)
    champion_page.goto(f"{base}/participants/{person.public_id}/")
    expect(champion_page.locator("main")).not_to_contain_text("Yildiz", use_inner_text=True)


def test_paper_form_is_accessible_and_in_the_participants_language(page, live_app):
    ensure_consent_texts()
    region = make_region(name="Den Haag", slug="den-haag")
    person = make_participant(region, preferred_language="ar")
    coordinator = make_user("coordinator", region)
    log_in(page, live_app.url, coordinator)
    page.goto(f"{live_app.url}/consent/participant/{person.public_id}/paper-form/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("heading", level=1).inner_text() == "استمارة الموافقة"
    assert_no_axe_violations(page)
