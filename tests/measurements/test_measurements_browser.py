"""Browser journey: two stations save for one participant at the same moment (one of them on a
dropped network, so its save waits on the tablet and is retried), a systolic of 186 raises the
banner for the physician, and acknowledging it clears the banner."""

import pytest
from playwright.sync_api import expect

from groepsconsult.measurements.models import Alert, Measurement
from tests.browser_support import logged_in_context
from tests.factories.backbone import make_consultation, make_participant, make_region, make_user
from tests.factories.measurements import make_station_registration

pytestmark = pytest.mark.browser


def open_participant(page, consultation, station, number):
    page.goto(f"/measurements/sessions/{consultation.public_id}/station/?station={station}")
    page.get_by_label("Dagnummer").fill(str(number))
    page.get_by_role("button", name="Openen").click()
    page.wait_for_url("**/entries/**")


def test_two_stations_an_alarm_and_its_acknowledgement(browser, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    consultation = make_consultation(region)
    participant = make_participant(region, given_name="Ahmet", family_name="Yilmaz", sex="male")
    registration = make_station_registration(consultation, participant=participant, day_number=5)
    nurse = make_user("professional", region)
    physician = make_user("physician", region)
    base = live_app.url

    care_context = logged_in_context(browser, base, nurse)
    lab_context = logged_in_context(browser, base, physician)
    care, lab = care_context.new_page(), lab_context.new_page()
    open_participant(care, consultation, "care", 5)
    open_participant(lab, consultation, "measurement", 5)
    expect(lab.get_by_role("heading", name="Ahmet Yilmaz")).to_be_visible()

    # The care table's network drops just as both tables press "Opslaan".
    care.get_by_label("Bovendruk (systolisch) (mmHg)").fill("186")
    care.get_by_label("Onderdruk (diastolisch) (mmHg)").fill("95")
    lab.get_by_label("Glucose (vingerprik) (mmol/l)").fill("12,4")
    lab.get_by_label("Nee, niet nuchter").check()
    care_context.set_offline(True)
    care.get_by_role("button", name="Opslaan").click()
    lab.get_by_role("button", name="Opslaan").click()

    lab.wait_for_url("**/station/?station=measurement")
    lab.get_by_text("Opgeslagen voor nummer 5").wait_for()
    pending = care.locator("#pending-saves")
    pending.get_by_text("nog niet opgeslagen, wordt opnieuw geprobeerd").wait_for()
    assert not Measurement.objects.filter(measure="systolic").exists()

    # Back online: the kept save is retried and arrives once.
    care_context.set_offline(False)
    pending.wait_for(state="hidden", timeout=20000)
    rows = Measurement.objects.filter(registration=registration, superseded_by__isnull=True)
    assert set(rows.values_list("measure", flat=True)) == {"systolic", "diastolic", "glucose"}
    assert rows.get(measure="glucose").colour == "red"
    assert Measurement.objects.filter(measure="systolic").count() == 1

    # The physician's station page polls and shows the urgent banner.
    banner = lab.locator(".alert-banner")
    banner.get_by_text("Urgent: nu naar de arts").wait_for(timeout=15000)
    expect(banner).to_contain_text("Ahmet Yilmaz", use_inner_text=True)
    urgent = banner.locator("li", has_text="Urgent")
    urgent.get_by_role("button", name="Gezien, afvinken").click()
    expect(lab.locator(".alert-banner", has_text="Urgent")).to_have_count(0)
    alert = Alert.objects.get(reason="sbp_urgent")
    assert alert.acknowledged_by == physician

    # The care table's progress grid now shows two of three stations done for number 5.
    care.goto(f"/measurements/sessions/{consultation.public_id}/progress/")
    assert care.locator("tbody tr").first.locator("td.done").count() == 2
    care_context.close()
    lab_context.close()
