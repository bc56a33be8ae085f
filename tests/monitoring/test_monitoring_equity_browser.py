"""Journey: a funder opens the dashboard with process indicators and targets, then the equity
view; a coordinator sets a target. Both pages axe clean."""

import pytest
from playwright.sync_api import expect

from groepsconsult.monitoring.models import Target
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.regions.models import Neighbourhood
from tests.browser_support import assert_no_axe_violations, log_in_with_session
from tests.factories.backbone import make_region, make_user
from tests.factories.monitoring import BASELINE, plant

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def patient_page(page):
    page.set_default_timeout(90_000)  # the dashboard runs a dozen GROUP BYs on a busy machine


def test_funder_reads_dashboard_and_equity_view(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    plant(region, "BU05183800", 12, seed=1)
    plant(region, "BU05182800", 3, seed=2)
    Neighbourhood.objects.filter(cbs_code="BU05183800").update(ses_quintile=1)
    facts_rebuild(region=region)  # a bulk update skips the services' signal: rebuild
    Target.objects.create(region=region, year=BASELINE.year, indicator="reached", value=40)
    funder = make_user("funder", region)
    base = live_app.url
    log_in_with_session(page, base, funder)

    page.goto(f"{base}/monitoring/?end={BASELINE.year}-12-31")
    main = page.locator("main")
    expect(main).to_contain_text("Voortgang op de doelen", use_inner_text=True)
    expect(main).to_contain_text("Overdrachten per stand en domein", use_inner_text=True)
    assert page.locator('nav a[aria-current="page"]').count() == 1
    assert "Kleurverschuiving" in main.inner_text()  # colour moves
    expect(main).to_contain_text("Werkplezier van professionals", use_inner_text=True)
    assert_no_axe_violations(page)
    page.get_by_label("Doelgroep van het groepsconsult").select_option(label="Alleen vrouwen")
    page.get_by_role("button", name="Toepassen").click()
    page.wait_for_url("**audience=women**")
    expect(page.locator("main")).to_contain_text("Kleurverschuiving", use_inner_text=True)
    page.get_by_role("link", name="Gezondheidsgelijkheid: elke indicator").click()
    page.wait_for_url("**/monitoring/equity/")
    text = page.locator("main").inner_text()
    assert "Sociaal-economische status van de wijk" in text and "<10" in text
    assert_no_axe_violations(page)


def test_coordinator_sets_a_target(page, live_app):
    region = make_region(name="Utrecht", slug="utrecht")
    coordinator = make_user("coordinator", region)
    base = live_app.url
    log_in_with_session(page, base, coordinator)
    page.goto(f"{base}/monitoring/")
    page.get_by_role("link", name="Doelen instellen").click()
    page.wait_for_load_state()  # htmx binds its triggers once the page has loaded
    page.get_by_label("Jaar").fill("2026")
    page.get_by_label("Indicator").select_option(label="Gehouden eerste groepsconsulten")
    page.locator("#id_value").fill("40")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("Opgeslagen.").wait_for()
    assert Target.objects.get(region=region).value == 40
