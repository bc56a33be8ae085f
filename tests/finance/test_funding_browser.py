"""Journeys: a coordinator loads the known fund routes and the default checklist, adds a grant
(a wrong end date is explained at the field) and sees its warning on the money overview; a funder
reads the funding pages without edit buttons. Axe clean on each page."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from groepsconsult.finance.models import FundRoute, Grant
from tests.browser_support import assert_no_axe_violations, log_in, log_in_with_session
from tests.factories.backbone import make_organisation, make_region, make_user
from tests.factories.finance import make_checklist_item, make_partner_contact

pytestmark = pytest.mark.browser


def test_coordinator_registers_funding(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    base = live_app.url
    log_in(page, base, make_user("coordinator", region))

    page.goto(f"{base}/finance/funds/")
    page.get_by_role("button", name="Laad de bekende routes").click()
    main = page.locator("main").inner_text()
    assert "FHA Haaglanden" in main and "E60" in main
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("Implementatievoucher")).click()
    soon = dt.date.today() + dt.timedelta(days=20)
    page.get_by_label(re.compile(r"^Deadline aanvraag")).fill(soon.isoformat())
    page.get_by_label(re.compile(r"^Status")).select_option("applying")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/finance/funds/")
    expect(page.locator("main")).to_contain_text("Deadline nadert", use_inner_text=True)
    assert FundRoute.objects.get(region=region, key="implementatievoucher").status == "applying"

    page.goto(f"{base}/finance/grants/new/")
    page.get_by_label(re.compile(r"^Subsidie")).fill("Voucher leefstijl")
    page.get_by_label(re.compile(r"^Financier \(naam\)")).fill("Coalitie Leefstijl in de Zorg")
    page.get_by_label(re.compile(r"^Domein")).select_option("care")
    page.get_by_label(re.compile(r"^Bedrag")).fill("25000")
    page.get_by_label(re.compile(r"^Begindatum")).fill("2026-01-01")
    page.get_by_label(re.compile(r"^Einddatum")).fill("2025-01-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("niet vóór de begindatum", use_inner_text=True)
    assert_no_axe_violations(page)
    ends = dt.date.today() + dt.timedelta(days=40)
    page.get_by_label(re.compile(r"^Einddatum")).fill(ends.isoformat())
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/finance/grants/")
    expect(page.locator("main")).to_contain_text("Loopt binnenkort af", use_inner_text=True)
    assert Grant.objects.get(region=region).amount == 25000
    assert_no_axe_violations(page)

    page.goto(f"{base}/finance/")
    main = page.locator("main").inner_text()
    assert "Voucher leefstijl" in main and "Implementatievoucher" in main
    assert_no_axe_violations(page)

    page.goto(f"{base}/finance/sustainability/")
    page.get_by_role("button", name="Laad onze standaardlijst").click()
    main = page.locator("main").inner_text()
    assert "Inhoud" in main and "Organisatie" in main and "Financiën" in main
    assert_no_axe_violations(page)


def test_funder_reads_the_funding_pages(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    make_checklist_item(region, status="done", evidence="https://example.org/begroting")
    make_partner_contact(region, organisation=make_organisation(region, name="Sportbedrijf"))
    base = live_app.url
    log_in_with_session(page, base, make_user("funder", region))
    for path, heading in [
        ("grants/", "Financiers en subsidies"),
        ("funds/", "Fondsenregister"),
        ("sustainability/", "Checklist borging"),
        ("contacts/", "Contactpersonen partners"),
    ]:
        page.goto(f"{base}/finance/{path}")
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert page.get_by_role("button", name=re.compile("Laad")).count() == 0
        assert page.get_by_role("link", name=re.compile("toevoegen")).count() == 0
        assert_no_axe_violations(page)
    expect(page.locator("main")).to_contain_text("Sportbedrijf", use_inner_text=True)
