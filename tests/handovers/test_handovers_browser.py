"""Journeys: a hand-over from request to completed across referrer, receiver and coordinator,
with the trail; and a request nobody answers that lands on the signal list after the command
runs (time moved with --now, not by sleeping)."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser_support import assert_no_axe_violations, log_in, logged_in_context
from tests.factories.backbone import (
    make_organisation,
    make_participant,
    make_region,
    make_user,
)
from tests.factories.handovers import consent_to_offer, make_handover, make_partner
from tests.factories.offers import make_offer

pytestmark = pytest.mark.browser


def record_step(page, step, **fields):
    page.locator("#id_to_status").select_option(label=step)
    for label, value in fields.items():
        page.get_by_label(re.compile(rf"^{label}")).fill(value)
    page.get_by_role("button", name="Stap opslaan").click()
    page.get_by_text("De stap is opgeslagen.").first.wait_for()


def test_hand_over_from_request_to_completed(page, browser, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    sport = make_organisation(region, name="Sportbedrijf Moerwijk", kind="sport")
    offer = make_offer(region, name="Vrouwen in beweging", organisation=sport, women_only=True)
    referrer = make_user("professional", region)
    person = make_participant(region, given_name="Ayse", family_name="Yildiz")
    consent_to_offer(person, referrer)
    base = live_app.url

    # 1. The social worker hands Ayse over from her record.
    log_in(page, base, referrer, next_path=f"/participants/{person.public_id}/")
    page.get_by_role("link", name="Overdragen aan een aanbod").click()
    page.wait_for_load_state()  # htmx binds its triggers once the page has loaded
    page.get_by_label(re.compile(r"^Aanbod")).select_option(label="Vrouwen in beweging")
    page.get_by_label(re.compile(r"^Wie doet de overdracht")).fill("Saida (buurtteam)")
    page.get_by_label("Het verzoek nu naar het aanbod sturen").check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Overdracht opslaan").click()
    page.wait_for_url("**/handovers/*/")
    expect(page.locator("main")).to_contain_text("Aangevraagd", use_inner_text=True)
    # 2. The coach of the walking group accepts in one click and records each step.
    coach = make_partner(region, offer)
    coach_page = logged_in_context(browser, base, coach).new_page()
    coach_page.goto(f"{base}/handovers/inbox/")
    assert_no_axe_violations(coach_page)
    coach_page.get_by_role("link", name="Ayse Yildiz").click()
    record_step(coach_page, "Geaccepteerd")
    record_step(coach_page, "Contact gehad", Notitie="Gebeld, ze komt dinsdag")
    record_step(coach_page, "Eerste afspraak gepland", **{"Eerste afspraak op": "2026-12-15"})
    record_step(coach_page, "Gestart")
    record_step(coach_page, "Afgerond")
    expect(coach_page.locator("main")).not_to_contain_text("Volgende stap", use_inner_text=True)
    # 3. The coordinator follows the whole trail, like a parcel.
    coordinator = make_user("coordinator", region)
    coord_page = logged_in_context(browser, base, coordinator).new_page()
    coord_page.goto(f"{base}/handovers/?status=completed")
    coord_page.get_by_role("link", name="Ayse Yildiz").click()
    trail = coord_page.locator("ol.handover-trail").inner_text()
    for step in ["Voorgesteld", "Aangevraagd", "Geaccepteerd", "Contact gehad"]:
        assert step in trail
    assert "Eerste afspraak gepland" in trail and "Afgerond" in trail
    assert "Gebeld, ze komt dinsdag" in trail
    assert_no_axe_violations(coord_page)

    # The social map shows the offer's figures.
    coord_page.goto(f"{base}/offers/")
    expect(coord_page.locator("main")).to_contain_text("100% geaccepteerd", use_inner_text=True)


def test_a_request_nobody_answers_appears_on_the_signal_list(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    person = make_participant(region, given_name="Khadija", family_name="El Amrani")
    requested = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    make_handover(region, participant=person, now=requested)
    coordinator = make_user("coordinator", region)
    base = live_app.url
    log_in(page, base, coordinator, next_path="/handovers/signals/")
    expect(page.locator("main")).not_to_contain_text("Khadija El Amrani", use_inner_text=True)
    call_command("detect_stalled_handovers", now="2026-12-04T09:00:00+00:00")  # within 5 days
    page.reload()
    expect(page.locator("main")).not_to_contain_text("Khadija El Amrani", use_inner_text=True)
    call_command("detect_stalled_handovers", now="2026-12-09T09:00:00+00:00")
    page.reload()
    main = page.locator("main")
    expect(main).to_contain_text("Khadija El Amrani", use_inner_text=True)
    expect(main).to_contain_text("Overdracht niet op tijd opgepakt", use_inner_text=True)
    assert_no_axe_violations(page)
    page.get_by_label("Wat is besloten").fill("Zelf de coach gebeld; ze belt morgen")
    page.get_by_role("button", name="Afhandelen").click()
    page.get_by_text("Het signaal is afgehandeld.").first.wait_for()
    expect(page.locator("main")).not_to_contain_text("Khadija El Amrani", use_inner_text=True)
