"""Issue 4 end to end: the junior coordinator of Moerwijk plans a women-only session in Turkish
and Dutch, books the team, opens registration; a resident registers on her phone; the GP file
with two bad rows is refused with both reasons and nothing saved, the fixed file imports; the
session turns ready; on the day the host ticks people off at the door."""

import pytest
from playwright.sync_api import expect

from groepsconsult.consultations.models import Consultation
from groepsconsult.participants.models import ImportBatch, Participant
from groepsconsult.registrations.models import Registration
from tests.browser_support import assert_no_axe_violations, log_in_with_session
from tests.factories.backbone import (
    make_location,
    make_organisation,
    make_professional,
    make_region,
    make_user,
)
from tests.factories.consultations import ROOMS, future, make_registrations
from tests.factories.gp_import import gp_csv, gp_rows

pytestmark = pytest.mark.browser


def plan_session(page, base, location):
    page.goto(f"{base}/consultations/new/")
    page.get_by_label("Titel").fill("Vrouwen Moerwijk")
    page.locator("#id_starts_at_0").fill(future(42).strftime("%Y-%m-%d"))
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


def book_team(page, team):
    page.get_by_role("link", name="Team inplannen").click()
    for professional, place, table in team:
        page.locator(f"#prof-{professional.public_id}").check()
        page.locator("#id_role").select_option(label=place)
        if table:
            page.locator("#id_station").select_option(label=table)
        page.get_by_role("button", name="Inplannen", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("In het team ingepland.")


def register_on_a_phone(browser, base, consultation):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = phone.new_page()
    page.goto(f"{base}/aanmelden/{consultation.public_id}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_label("Voornaam").fill("Ayşe")
    page.get_by_label("Achternaam").fill("Yılmaz")
    page.get_by_label("Geboortedatum").fill("1968-03-14")
    page.get_by_label("Vrouw").check()
    page.get_by_label("Telefoonnummer").fill("06 12345678")
    page.get_by_label("Postcode").fill("2532ab")
    page.get_by_label("Ik heb de privacyverklaring gelezen", exact=False).check()
    page.get_by_role("button", name="Meld mij aan").click()
    page.get_by_role("heading", name="Bedankt, u bent aangemeld!").wait_for()
    phone.close()


def import_gp_file(page, base, practice, data):
    page.goto(f"{base}/participants/import/")
    page.get_by_label("Huisartsenpraktijk").select_option(label=practice.name)
    page.get_by_label("Selectiebestand (CSV of Excel .xlsx)").set_input_files(
        {"name": "selectie.csv", "mimeType": "text/csv", "buffer": data}
    )
    page.get_by_role("button", name="Controleer het bestand").click()


def test_plan_roster_register_import_and_tick_attendance(page, browser, live_app):
    base = live_app.url
    region = make_region(name="Den Haag", slug="den-haag")
    location = make_location(region, name="Buurthuis De Boog", rooms=ROOMS)
    practice = make_organisation(region, kind="gp_practice", name="Huisartsen Moerwijk")
    team = [
        (
            make_professional(region, discipline="gp", big_number="12345678901"),
            "Verantwoordelijk arts (BIG)",
            None,
        ),
        (
            make_professional(region, discipline="practice_nurse"),
            "Aan een tafel",
            "Zorgtafel (bloeddruk)",
        ),
        (
            make_professional(region, discipline="social_worker"),
            "Aan een tafel",
            "Welzijnstafel (vragenlijsten)",
        ),
        (
            make_professional(region, discipline="sport_coach"),
            "Aan een tafel",
            "Beweegtafel (lichaamssamenstelling, buikomvang)",
        ),
        (make_professional(region, discipline="experience_expert"), "Ervaringsdeskundige", None),
        (make_professional(region, discipline="coordinator"), "Coördinator", None),
    ]
    log_in_with_session(page, base, make_user("coordinator", region))

    plan_session(page, base, location)
    book_team(page, team)
    consultation = Consultation.objects.get(title="Vrouwen Moerwijk")
    page.goto(f"{base}/consultations/{consultation.public_id}/")
    page.get_by_role("button", name="Open voor aanmelding").click()
    expect(page.locator(".readiness li[data-item=registered]")).to_contain_text(
        "Tot nu toe 0 aangemeld"
    )

    register_on_a_phone(page.context.browser, base, consultation)
    assert Registration.objects.get(consultation=consultation).channel == "self"

    rows = gp_rows(10)
    rows[2]["Geboortedatum"] = "31-02-1960"
    rows[6]["Telefoon"] = "=cmd|' /C calc'!A0"
    import_gp_file(page, base, practice, gp_csv(rows))
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Rij 4: geboortedatum '31-02-1960' bestaat niet")
    expect(summary).to_contain_text("Rij 8: telefoon '=cmd|")
    assert (
        ImportBatch.objects.count() == 0
        and Participant.objects.filter(gp_practice=practice).count() == 0
    )
    import_gp_file(page, base, practice, gp_csv(gp_rows(10)))
    page.get_by_role("button", name="Importeer alle 10 deelnemers").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bellijst")
    assert Participant.objects.filter(gp_practice=practice).count() == 10

    make_registrations(consultation, 7)  # the call list brings seven more
    page.goto(f"{base}/consultations/{consultation.public_id}/")
    expect(page.locator(".readiness h2")).to_contain_text("Gereed")
    assert_no_axe_violations(page)

    host = make_user("host", region)
    log_in_with_session(page, base, host)
    page.goto(f"{base}/aanmelden/sessions/{consultation.public_id}/door/")
    page.get_by_role("button", name="Aanwezig Ayşe Yılmaz", exact=False).click()
    page.locator("#door-count .count.present .stat", has_text="1").wait_for()
    resident = Registration.objects.get(
        consultation=consultation, participant__family_name="Yılmaz"
    )
    assert (resident.attendance, resident.day_number) == ("present", 1)
