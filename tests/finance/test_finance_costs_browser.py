"""Journeys: a coordinator adds a cost to a session and reads the money overview with the SROI;
a funder reads a session's cost page and the overview but cannot add costs. Axe clean."""

import re

import pytest
from playwright.sync_api import expect

from groepsconsult.finance.models import Assumption, CostLine
from tests.browser_support import assert_no_axe_violations, log_in_with_session
from tests.factories.backbone import make_region, make_user
from tests.factories.finance import seed_assumptions
from tests.finance.test_finance_costs import planted_session

pytestmark = pytest.mark.browser


@pytest.fixture
def region(live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    seed_assumptions(region)
    Assumption.objects.filter(region=region, key="attribution_t2d").update(base=50)
    return region


def test_coordinator_adds_a_session_cost_and_reads_the_sroi(page, live_app, region):
    session = planted_session(region)
    base = live_app.url
    log_in_with_session(page, base, make_user("coordinator", region))
    page.goto(f"{base}/finance/consultations/?year=2026")
    page.locator("main table").get_by_role("link").first.click()
    main = page.locator("main")
    expect(main).to_contain_text("659,38", use_inner_text=True)
    expect(main).to_contain_text("te bevestigen", use_inner_text=True)
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Kosten toevoegen").click()
    page.wait_for_load_state()  # htmx binds its triggers once the page has loaded
    page.get_by_label(re.compile(r"^Categorie")).select_option("materials")
    page.get_by_label(re.compile(r"^Betaald door")).select_option("municipality")
    page.get_by_label(re.compile(r"^Beschrijving")).fill("Boekjes")
    page.get_by_label(re.compile(r"^Bedrag")).fill("40")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/finance/consultations/{session.public_id}/")
    expect(page.locator("main")).to_contain_text("699,38", use_inner_text=True)
    assert CostLine.objects.filter(consultation=session, description="Boekjes").exists()

    page.goto(f"{base}/finance/?year=2026")
    text = page.locator("main").inner_text()
    assert "Gevoeligheid" in text and "Omslagpunt" in text and "Beste geval" in text
    assert "Werkelijke kosten per afgerond traject" in text
    assert_no_axe_violations(page)


def test_funder_reads_a_session_cost_page_and_the_overview(page, live_app, region):
    session = planted_session(region)
    base = live_app.url
    log_in_with_session(page, base, make_user("funder", region))
    page.goto(f"{base}/finance/consultations/{session.public_id}/")
    main = page.locator("main")
    expect(main).to_contain_text("Uren van professionals per discipline", use_inner_text=True)
    assert main.get_by_role("link", name="Kosten toevoegen").count() == 0
    assert_no_axe_violations(page)
    page.goto(f"{base}/finance/?year=2026")
    expect(page.locator("main")).to_contain_text(
        "Invoer van de SROI nog te bevestigen", use_inner_text=True
    )
    assert_no_axe_violations(page)
