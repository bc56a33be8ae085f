"""Browser journeys: a resident signs up on a phone and downloads the invite; a host ticks
people off at the door on a tablet and registers a walk-in."""

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from groepsconsult.registrations.models import Registration
from tests.browser_support import assert_no_axe_violations, log_in
from tests.factories.backbone import make_participant, make_region, make_user
from tests.factories.registrations import make_open_consultation, make_registration

pytestmark = pytest.mark.browser


def test_resident_signs_up_on_a_phone_and_downloads_the_invite(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    consultation = make_open_consultation(region, audience="women")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_app.url}/aanmelden/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Aanmelden").first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll

    # A first try with a mistake: kind Dutch messages, nothing saved.
    page.get_by_label("Voornaam").fill("Ayse")
    page.get_by_label("Achternaam").fill("Yilmaz")
    page.get_by_label("Geboortedatum").fill("1968-03-14")
    page.get_by_label("Man", exact=True).check()
    page.get_by_label("Telefoonnummer").fill("06 12345678")
    page.get_by_label("Postcode").fill("2532ab")
    page.get_by_label("Ik heb de privacyverklaring gelezen", exact=False).check()
    page.get_by_role("button", name="Meld mij aan").click()
    page.get_by_text("alleen voor vrouwen").first.wait_for()
    assert not Registration.objects.exists()
    assert_no_axe_violations(page)

    page.get_by_label("Vrouw").check()
    page.get_by_label("Ik heb de privacyverklaring gelezen", exact=False).check()
    page.get_by_role("button", name="Meld mij aan").click()
    page.get_by_role("heading", name="Bedankt, u bent aangemeld!").wait_for()
    assert_no_axe_violations(page)
    registration = Registration.objects.get(consultation=consultation)
    assert registration.channel == "self"
    assert registration.participant.postcode == "2532 AB"

    with page.expect_download() as download:
        page.get_by_role("link", name="Zet het in mijn agenda").click()
    with open(download.value.path(), "rb") as ics:
        event = Calendar.from_ical(ics.read()).walk("VEVENT")[0]
    assert event.decoded("dtstart") == consultation.starts_at
    assert consultation.location.name in str(event.get("location"))
    assert "Yilmaz" not in str(event.to_ical())


def test_resident_reads_the_page_in_arabic_right_to_left(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    make_open_consultation(region)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_app.url}/aanmelden/")
    page.get_by_role("button", name="العربية").click()
    page.get_by_role("heading", name="سجّل في لقاء صحي جماعي").wait_for()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_host_ticks_people_off_and_registers_a_walk_in(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    consultation = make_open_consultation(region, capacity=3)
    first = make_registration(consultation, make_participant(region, family_name="Aydin"))
    make_registration(consultation, make_participant(region, family_name="Bouzid"))
    host = make_user("host", region)
    page.set_viewport_size({"width": 800, "height": 1280})
    door = f"/aanmelden/sessions/{consultation.public_id}/door/"
    log_in(page, live_app.url, host, door)
    page.wait_for_url(f"**{door}")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Aanwezig Fatima Aydin", exact=False).click()
    row = page.locator(f"#row-{first.public_id}")
    row.locator(".day-number", has_text="1").wait_for()
    page.locator("#door-count .count.present .stat", has_text="1").wait_for()
    first.refresh_from_db()
    assert (first.attendance, first.day_number) == ("present", 1)
    page.get_by_role("button", name="Afwezig Fatima Bouzid", exact=False).click()
    page.locator(".door-row.absent").wait_for()

    page.get_by_text("Binnenloper: iemand aan de deur aanmelden").click()
    page.get_by_label("Voornaam").fill("Mehmet")
    page.get_by_label("Achternaam").fill("Ozturk")
    page.get_by_label("Geboortedatum").fill("1961-07-30")
    page.get_by_label("Man", exact=True).check()
    page.get_by_role("button", name="Aanmelden en aanwezig zetten").click()
    page.get_by_text("met nummer 2").wait_for()
    expect(page.locator("#door-count .count.present .stat")).to_have_text("2")
    walk_in = Registration.objects.get(participant__family_name="Ozturk")
    assert (walk_in.channel, walk_in.day_number) == ("walk_in", 2)
