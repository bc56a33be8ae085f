"""Journey: a funder downloads the equity figures from the equity page and the funder report
from the dashboard; a coordinator writes down a story from a follow-up call. Pages axe clean."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from groepsconsult.followups.models import Story
from tests.browser_support import assert_no_axe_violations, log_in_with_session
from tests.factories.backbone import make_consultation, make_participant, make_region, make_user
from tests.factories.consent import ensure_consent_texts, give
from tests.factories.measurements import make_station_registration
from tests.factories.monitoring import plant
from tests.factories.stories import consent_to_story

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def patient_page(page):
    page.set_default_timeout(90_000)  # a dozen GROUP BYs and a PDF on a busy machine


def test_funder_downloads_equity_csv_and_the_report(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    plant(region, "BU05183800", 12, seed=1)
    plant(region, "BU05182800", 3, seed=2)
    base = live_app.url
    log_in_with_session(page, base, make_user("funder", region))

    page.goto(f"{base}/monitoring/equity/")
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Gezondheidsgelijkheid (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("breakdown,group,indicator,value") and "<10" in text

    page.goto(f"{base}/monitoring/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Rapportage voor financiers (PDF)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")


def test_coordinator_writes_down_a_story(page, live_app):
    region = make_region(name="Utrecht", slug="utrecht")
    coordinator = make_user("coordinator", region)
    ensure_consent_texts()
    session = make_consultation(
        region, starts_at=timezone.now() - dt.timedelta(weeks=8), status="held"
    )
    registration = make_station_registration(session, participant=make_participant(region))
    give(registration.participant, "contact_by_health_champion", coordinator)
    consent_to_story(registration.participant, coordinator)
    base = live_app.url
    log_in_with_session(page, base, coordinator)
    page.goto(f"{base}/followups/calls/{registration.public_id}/")
    page.get_by_role(
        "link", name="Een verhaal vastleggen voor de rapportage voor financiers"
    ).click()
    page.get_by_label("Citaat").fill("Door de groep ben ik weer gaan fietsen.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Verhaal opslaan").click()
    page.get_by_text("Het verhaal is opgeslagen.").wait_for()
    expect(page.locator("main")).to_contain_text(
        "Door de groep ben ik weer gaan fietsen.", use_inner_text=True
    )
    assert_no_axe_violations(page)
    assert Story.objects.get().participant == registration.participant
