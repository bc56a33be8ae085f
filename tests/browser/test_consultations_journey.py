"""Browser journey: a coordinator plans a session, books the team and sees readiness go green.

Runs in headless Chromium against the live app; the eight registrations come from factories
(the registration pages belong to the registrations app and have their own journey).
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from groepsconsult.consultations.models import Consultation
from tests.browser_support import log_in_with_session
from tests.factories.backbone import make_location, make_professional, make_region, make_user
from tests.factories.consultations import ROOMS, future, make_registrations

pytestmark = pytest.mark.browser


def test_coordinator_plans_rosters_and_sees_readiness_go_green(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    location = make_location(region, name="Buurthuis De Boog", rooms=ROOMS)
    team = {
        "lead": make_professional(
            region, discipline="gp", name="Dr. Yilmaz", big_number="12345678901"
        ),
        "care": make_professional(
            region, discipline="practice_nurse", name="Petra Kaya", languages=["nl", "tr"]
        ),
        "welfare": make_professional(region, discipline="social_worker", name="Naima Amrani"),
        "movement": make_professional(region, discipline="sport_coach", name="Kevin Bakker"),
        "expert": make_professional(region, discipline="experience_expert", name="Emine Demir"),
        "coordinator": make_professional(region, discipline="coordinator", name="Sandra Jansen"),
    }
    log_in_with_session(page, live_app.url, make_user("coordinator", region))

    page.goto(f"{live_app.url}/consultations/")
    page.get_by_role("link", name="Groepsconsult plannen").click()
    page.wait_for_load_state()  # htmx binds its triggers once the page has loaded
    page.get_by_label("Titel").fill("Vrouwen Moerwijk")
    # A date on King's Day is warned about at once, before saving; another date clears it.
    kings_day = f"{timezone.localdate().year + 1}-04-27"
    page.locator("#id_starts_at_0").fill(kings_day)
    page.locator("#id_starts_at_0").dispatch_event("change")
    expect(page.locator("#plan-warnings")).to_contain_text("Koningsdag")
    expect(page.locator("#plan-warnings")).to_contain_text("nog niet opgeslagen")
    page.locator("#id_starts_at_0").fill(future(42).strftime("%Y-%m-%d"))
    page.locator("#id_starts_at_0").dispatch_event("change")
    expect(page.locator("#plan-warnings")).not_to_contain_text("Koningsdag")
    page.locator("#id_starts_at_1").fill("10:00")
    page.get_by_label("Locatie").select_option(
        label=f"{location.neighbourhood.name} · {location.name}"
    )
    page.get_by_label("Zaal").select_option("Keuken")
    page.get_by_label("Doelgroep").select_option("women")
    page.get_by_label("Turks").check()
    page.get_by_label("Nederlands").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Vrouwen Moerwijk")
    readiness = page.locator(".readiness")
    expect(readiness).to_contain_text("Niet gereed")
    expect(readiness.locator("li[data-item=lead]")).to_contain_text("Ontbreekt")

    page.get_by_role("link", name="Team inplannen").click()
    bookings = [
        ("lead", "Verantwoordelijk arts (BIG)", None),
        ("care", "Aan een tafel", "Zorgtafel (bloeddruk)"),
        ("welfare", "Aan een tafel", "Welzijnstafel (vragenlijsten)"),
        ("movement", "Aan een tafel", "Beweegtafel (lichaamssamenstelling, buikomvang)"),
        ("expert", "Ervaringsdeskundige", None),
        ("coordinator", "Coördinator", None),
    ]
    for key, place, table in bookings:
        # The picker: search by name, then the radio (its label carries the badges). The page
        # must have loaded: htmx binds the live search then, and a keystroke before is not sent.
        page.wait_for_load_state()
        page.get_by_label("Zoek op naam").fill(team[key].name)
        expect(page.locator("#picker .picker-list li")).to_have_count(1)
        page.get_by_role("radio", name=re.compile(re.escape(team[key].name))).check()
        if key == "care":  # she speaks Turkish: the live preview drops the language warning
            expect(page.locator("#plan-warnings")).to_contain_text("Geen waarschuwingen bij dit")
        page.locator("#id_role").select_option(label=place)
        if table:
            page.locator("#id_station").select_option(label=table)
        else:
            expect(page.locator("#id_station")).to_be_hidden()
        page.get_by_role("button", name="Inplannen", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("In het team ingepland.")
        if key == "lead":  # a Turkish session, and nobody booked so far speaks Turkish
            expect(page.locator("#plan-warnings")).to_contain_text(
                "Niemand in het team spreekt Turks"
            )
    expect(page.locator("#plan-warnings")).not_to_contain_text("spreekt Turks")
    expect(page.locator("#picker")).to_contain_text("BIG 12345678901")

    readiness = page.locator(".readiness")
    for item in ("care", "welfare", "sport", "lead", "experience_expert", "coordinator"):
        expect(readiness.locator(f"li[data-item={item}]")).to_contain_text("In orde")
    expect(readiness.locator("li[data-item=registered]")).to_contain_text("Tot nu toe 0 aangemeld")

    make_registrations(Consultation.objects.get(title="Vrouwen Moerwijk"), 8)
    page.reload()
    expect(page.locator(".readiness h2")).to_contain_text("Gereed")
    expect(page.locator(".readiness li.missing")).to_have_count(0)

    page.get_by_role("link", name=re.compile("Vrouwen Moerwijk")).first.click()
    expect(page.locator(".readiness h2")).to_contain_text("Gereed")
    page.get_by_role("button", name="Open voor aanmelding").click()
    expect(page.locator(".messages")).to_contain_text("Status gewijzigd in: Open voor aanmelding.")
