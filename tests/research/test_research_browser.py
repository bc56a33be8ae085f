"""Journeys: a coordinator adds a data-sharing agreement (a mistake is explained at the field);
a researcher downloads the agreement's zip in one click. Axe clean on each page."""

import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from groepsconsult.accounts.models import Membership
from groepsconsult.research.models import DataSharingAgreement
from tests.browser_support import assert_no_axe_violations, log_in, log_in_with_session
from tests.factories.backbone import make_region, make_user
from tests.factories.monitoring import plant
from tests.factories.research import consent_all, make_agreement, make_project

pytestmark = pytest.mark.browser


def test_coordinator_adds_an_agreement(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    project = make_project(region, name="Cohortstudie")
    base = live_app.url
    log_in(page, base, make_user("coordinator", region))
    page.goto(f"{base}/research/agreements/new/")
    page.locator("#id_project").select_option(str(project.pk))
    page.locator("#id_recipient_kind").select_option("heart_foundation")
    page.locator("#id_recipient_name").fill("Hartstichting")
    page.locator("#id_level").select_option("pseudonymised")
    page.locator("#id_purpose").select_option("anonymous_monitoring")
    page.get_by_label("Bovendruk").check()
    page.locator("#id_reference").fill("DSA-7")
    page.locator("#id_valid_from").fill("2026-01-01")
    page.locator("#id_valid_until").fill("2027-12-31")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("rust op toestemming", use_inner_text=True)
    assert_no_axe_violations(page)
    page.locator("#id_purpose").select_option("pseudonymised_research")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"{base}/research/projects/")
    expect(page.locator("main")).to_contain_text("Hartstichting", use_inner_text=True)
    assert DataSharingAgreement.objects.get(reference="DSA-7").measures == ["systolic"]
    assert_no_axe_violations(page)


def test_researcher_downloads_in_one_click(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    plant(region, "BU05180001", 6)
    consent_all(region, make_user("coordinator", region))
    agreement = make_agreement(make_project(region, name="Cohortstudie"))
    base = live_app.url
    log_in_with_session(page, base, make_user("researcher", region))
    page.goto(f"{base}/research/")
    expect(page.locator("main")).to_contain_text(agreement.reference, use_inner_text=True)
    assert_no_axe_violations(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Downloaden (zip)").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert {"participants.csv", "codebook.csv"} <= set(archive.namelist())
    assert len(archive.read("participants.csv").decode().splitlines()) == 7


def test_national_project_coordinator_adds_a_region_researcher_downloads_both(page, live_app):
    haag, zoetermeer = (
        make_region(name="Den Haag", slug="den-haag"),
        make_region(name="Zoetermeer", slug="zoetermeer"),
    )
    coordinator = make_user("coordinator", haag)
    Membership.objects.create(user=coordinator, region=zoetermeer, role="coordinator")
    for n, region in enumerate((haag, zoetermeer)):
        plant(region, f"BU0518000{n}", 6, seed=n)
        consent_all(region, coordinator)
    project = make_project(haag, name="Landelijke studie")
    make_agreement(project, reference="DSA-NL")
    base = live_app.url
    log_in_with_session(page, base, coordinator)
    page.goto(f"{base}/research/projects/{project.public_id}/")
    page.get_by_label("Zoetermeer").check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"{base}/research/projects/")
    expect(page.locator("main")).to_contain_text("Den Haag, Zoetermeer", use_inner_text=True)
    researcher = make_user("researcher", zoetermeer)
    Membership.objects.create(user=researcher, region=haag, role="researcher")
    page.context.clear_cookies()
    log_in_with_session(page, base, researcher)
    page.goto(f"{base}/research/")
    expect(page.locator("main")).to_contain_text("Den Haag, Zoetermeer", use_inner_text=True)
    assert_no_axe_violations(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Downloaden (zip)").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert len(archive.read("participants.csv").decode().splitlines()) == 13
