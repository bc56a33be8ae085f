"""A coordinator logs in with password and authenticator code, opens a participant, and the
privacy officer finds that read in the access log. Axe finds no violations on the main pages."""

import pytest
from playwright.sync_api import expect

from tests.browser_support import assert_no_axe_violations, log_in
from tests.factories.backbone import make_neighbourhood, make_participant, make_region, make_user

pytestmark = pytest.mark.browser


def test_login_open_participant_and_find_it_in_the_access_log(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    make_neighbourhood(region, name="Schilderswijk")
    participant = make_participant(region, given_name="Naima", family_name="El Amrani")
    coordinator = make_user("coordinator", region)
    officer = make_user("privacy_officer", region)
    base = live_app.url

    log_in(page, base, coordinator)
    # The landing page is "Vandaag" (issue 13); the region is named under it.
    assert page.get_by_role("heading", level=1).inner_text().startswith("Vandaag")
    expect(page.locator("main")).to_contain_text("Den Haag", use_inner_text=True)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Deelnemers").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="El Amrani, Naima").click()
    page.get_by_role("heading", name="Naima El Amrani").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Regio").first.click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=f"Uitloggen ({coordinator.username})").click()

    log_in(page, base, officer)
    page.get_by_role("link", name="Toegangslogboek").click()
    page.wait_for_load_state()  # htmx binds its triggers once the page has loaded
    page.get_by_label("Deelnemer-id").fill(str(participant.public_id))
    page.get_by_role("button", name="Zoeken").click()
    # The search swaps the rows in with htmx: wait for the row rather than read at once.
    read_row = page.locator("tbody tr").filter(has_text=coordinator.username)
    expect(read_row.filter(has_text="Bekeken").first).to_be_visible()
    assert_no_axe_violations(page)


def test_login_page_and_language_switch_are_accessible(page, live_app):
    page.goto(f"{live_app.url}/account/login/")
    assert_no_axe_violations(page)
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Kies").click()
    page.get_by_role("heading", name="Log in").wait_for()
    assert_no_axe_violations(page)
