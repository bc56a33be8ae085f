"""Journeys: a coordinator loads the sourced assumptions, adds an in-kind budget line and sees
the business case; a funder edits an assumption and reads the monitoring dashboard, where a
small neighbourhood shows "<10". Axe clean on each page."""

import re

import pytest
from playwright.sync_api import expect

from groepsconsult.finance.models import Assumption, BudgetLine
from tests.browser_support import assert_no_axe_violations, log_in, log_in_with_session
from tests.factories.backbone import make_region, make_user
from tests.factories.finance import seed_assumptions
from tests.factories.monitoring import plant

pytestmark = pytest.mark.browser


def test_coordinator_builds_the_business_case(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    base = live_app.url
    log_in(page, base, make_user("coordinator", region))
    page.goto(f"{base}/finance/assumptions/")
    page.get_by_role("button", name="Voeg de onderbouwde standaardwaarden toe").click()
    expect(page.locator("main")).to_contain_text("te bevestigen", use_inner_text=True)
    assert_no_axe_violations(page)

    page.goto(f"{base}/finance/budget/new/")
    page.get_by_label(re.compile(r"^Betaald door")).select_option("sport")
    page.get_by_label(re.compile(r"^Soort")).select_option("running")
    page.get_by_label(re.compile(r"^Categorie")).select_option("professionals")
    page.get_by_label(re.compile(r"^Beschrijving")).fill("Leefstijlcoach in natura")
    page.get_by_label(re.compile(r"^Uren in natura"), exact=False).fill("10")
    page.get_by_label(re.compile(r"^Bedrag")).fill("100")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("niet allebei", use_inner_text=True)
    page.get_by_label(re.compile(r"^Bedrag")).fill("")
    gli = Assumption.objects.get(region=region, key="gli_rate")
    page.get_by_label(re.compile(r"^Uurtarief")).select_option(str(gli.pk))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/finance/budget/")
    assert BudgetLine.objects.get(region=region).hours == 10

    page.goto(f"{base}/finance/")
    text = page.locator("main").inner_text()
    assert "Kosten per deelnemer" in text and "Gevoeligheid" in text
    assert_no_axe_violations(page)


def test_funder_edits_an_assumption_and_reads_the_dashboard(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    seed_assumptions(region)
    plant(region, "BU00000001", 12, seed=1)
    plant(region, "BU00000002", 11, seed=2)
    plant(region, "BU00000003", 3, seed=3)
    base = live_app.url
    funder = make_user("funder", region)
    log_in_with_session(page, base, funder)
    page.goto(f"{base}/finance/assumptions/")
    page.get_by_role("link", name=re.compile("Uur leefstijlcoach|Lifestyle coach")).click()
    page.get_by_label(re.compile(r"^Basis")).fill("60")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/finance/assumptions/")

    page.goto(f"{base}/monitoring/")
    main = page.locator("main").inner_text()
    assert "<10" in main and "BU00000001" in main
    assert_no_axe_violations(page)
