"""Issue 13: each role's day from its "Today" landing page, with no URL typed after logging in.

The host ticks the door and records consent in the participant's language, a professional
measures and sees the alarm she saved at once, prints the day's A5 booklets duplex-safe (each
person's booklet starts on an odd page), the physician finds the alarm in the header counter and
on the landing page. Every landing page is checked by axe at phone, tablet and desktop widths.
"""

import io
import os
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from groepsconsult.consent.models import Consent
from groepsconsult.questionnaires.models import Response
from groepsconsult.questionnaires.services import questionnaire_definitions_load
from tests.browser_support import PASSWORD, assert_no_axe_violations, log_in, logged_in_context
from tests.factories.backbone import make_consultation, make_participant, make_region, make_user
from tests.factories.consent import ensure_consent_texts
from tests.factories.measurements import make_measurement, make_station_registration

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "tablet": 820, "desktop": 1280}
# Set GC_SCREENSHOTS=/some/dir to keep the landing-page screenshots for a person to look at.
SHOTS = os.environ.get("GC_SCREENSHOTS", "")


def _check_landing(page, role):
    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page)
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/today-{role}-{name}.png", full_page=True)


def _booklet_first_pages(page, url, names):
    """The batch PDF as the browser gets it; the 1-based page where each name first appears."""
    response = page.request.get(url)
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    texts = [p.extract_text() for p in reader.pages]
    assert len(texts) % 4 == 0  # A5 two-up on A4: whole duplex sheets
    return {name: next(i for i, t in enumerate(texts, 1) if name in t) for name in names}


def test_the_day_from_each_landing_page(browser, live_app):
    base = live_app.url
    ensure_consent_texts()
    questionnaire_definitions_load()  # an earlier browser test's flush may have removed them
    region = make_region(name="Den Haag", slug="den-haag")
    starts = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    consultation = make_consultation(
        region, title="Groepsconsult Transvaal", starts_at=starts, status="open"
    )
    ayse = make_participant(region, given_name="Ayşe", family_name="Kılıç", preferred_language="tr")
    make_station_registration(consultation, participant=ayse, day_number=1)
    bram = make_participant(region, given_name="Bram", family_name="Visser")
    make_measurement(make_station_registration(consultation, participant=bram, day_number=2))
    host, nurse, doctor = (make_user(r, region) for r in ("host", "professional", "physician"))

    # The host logs in and lands on Today: the door of today's session is one tap away.
    door_context = browser.new_context(base_url=base)
    door = door_context.new_page()
    log_in(door, base, host)
    expect(door.locator("h1")).to_contain_text("Vandaag")
    _check_landing(door, "host")
    door.get_by_role("link", name="Open de deurlijst").click()
    door.get_by_role("button", name="Aanwezig Ayşe Kılıç").click()
    expect(door.locator("#door-count .count.present .stat")).to_have_text("1")

    # Consent is asked at the door, read out in Turkish, recorded in one tap.
    door.get_by_role("link", name="Toestemming vragen Ayşe Kılıç").click()
    assert door.locator("blockquote.consent-ask-text").get_attribute("lang") == "tr"
    assert_no_axe_violations(door)
    if SHOTS:
        door.screenshot(path=f"{SHOTS}/consent-ask-tr.png", full_page=True)
    door.get_by_role("button", name="Ja, gegeven").click()
    door.wait_for_url(f"**/aanmelden/sessions/{consultation.public_id}/door/")
    expect(door.locator(".door-row", has_text="Kılıç")).to_contain_text(
        "Toestemming huisarts: gegeven"
    )
    assert Consent.objects.get(participant=ayse).decision == "given"

    # A professional: from Today to her table, then the alarm she saves is shown to her at once.
    care_context = logged_in_context(browser, base, nurse)
    care = care_context.new_page()
    care.goto("/")
    _check_landing(care, "professional")
    care.get_by_role("link", name="Naar mijn tafel").click()
    care.get_by_role("link", name="Zorgtafel (bloeddruk)").click()
    care.wait_for_load_state()  # htmx binds its triggers once the page has loaded
    care.get_by_label("Dagnummer").fill("1")
    care.get_by_role("button", name="Openen").click()
    care.get_by_label("Bovendruk (systolisch) (mmHg)").fill("190")
    care.get_by_label("Onderdruk (diastolisch) (mmHg)").fill("95")
    care.get_by_role("button", name="Opslaan").click()
    expect(care.get_by_role("alert").filter(has_text="Urgent: nu naar de arts")).to_be_visible()

    # Ayşe fills a questionnaire herself on the tablet, then hands it back.
    care.get_by_role("link", name="Vragenlijsten").click()
    care.wait_for_load_state()  # htmx binds its triggers once the page has loaded
    care.locator("#id_consultation").select_option(str(consultation.public_id))
    care.get_by_role("button", name="Kiezen").click()
    care.locator("#id_day_number").fill("1")
    care.get_by_role("button", name="Openen").click()
    row = care.locator("tr", has_text="Zorgen en leefsituatie")
    row.get_by_role("link", name="Deelnemer vult zelf in op de tablet").click()
    for code, choice in (
        ("smoking", "Hayır"),
        ("diabetes", "Hayır"),
        ("cardiovascular_disease", "Hayır"),
        ("kidney_disease", "Hayır"),
        ("familial_hypercholesterolaemia", "Hayır"),
    ):
        care.locator(f"#q-{code} label", has_text=choice).click()
    care.locator("#q-stress label", has_text="4").first.click()
    care.get_by_role("button", name="Bitir").click()
    expect(care.locator(".hand-back-thanks")).to_have_text(
        "Teşekkür ederiz! Lütfen tableti görevliye geri verin."
    )
    expect(care.locator(".site-nav")).to_have_count(0)
    assert_no_axe_violations(care)
    if SHOTS:
        care.screenshot(path=f"{SHOTS}/hand-back-tr.png", full_page=True)
    care.get_by_label("Uw wachtwoord, om verder te gaan").fill(PASSWORD)
    care.get_by_role("button", name="Verder").click()
    expect(care.get_by_role("heading", name="Ayşe Kılıç")).to_be_visible()
    assert Response.objects.get().filled_by_participant is True

    # The booklets of the day, A5, from the Booklets menu: each person's starts on an odd page.
    care.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Boekjes").click()
    care.get_by_role("link", name=re.compile("Groepsconsult Transvaal")).click()
    a5 = care.get_by_role("link", name="A5-boekje").get_attribute("href")
    first_pages = _booklet_first_pages(care, a5, ["Ayşe Kılıç", "Bram Visser"])
    assert all(page % 2 == 1 for page in first_pages.values()), first_pages
    assert first_pages["Bram Visser"] > first_pages["Ayşe Kılıç"]

    # The physician: the alarm counter in the header, and the alarm on Today.
    doctor_context = logged_in_context(browser, base, doctor)
    physician = doctor_context.new_page()
    physician.goto("/")
    expect(physician.locator(".alarm-counter .badge.red")).to_contain_text("1")
    _check_landing(physician, "physician")
    physician.get_by_role("link", name="1 open alarm").click()
    expect(physician.locator("main")).to_contain_text("Kılıç")

    # The roles whose pages come later are told what is coming, not shown an empty page.
    for role in ("coordinator", "funder"):
        context = logged_in_context(browser, base, make_user(role, region))
        landing = context.new_page()
        landing.goto("/")
        expect(landing.locator("h1")).to_contain_text("Vandaag")
        _check_landing(landing, role)
        context.close()
    for context in (door_context, care_context, doctor_context):
        context.close()
