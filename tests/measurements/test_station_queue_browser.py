"""Issue 10 finding 6: the tablet's queue of unsent values survives an expired login, gives up
on a 403 with "refused: enter again", and is cleared (and named) on logout of a shared tablet."""

import pytest
from playwright.sync_api import expect

from groepsconsult.measurements.models import Measurement
from tests.browser_support import log_in, logged_in_context
from tests.factories.backbone import make_consultation, make_participant, make_region, make_user
from tests.factories.measurements import make_station_registration

pytestmark = pytest.mark.browser


@pytest.fixture
def station(live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    consultation = make_consultation(region)
    participant = make_participant(region, sex="male")
    registration = make_station_registration(consultation, participant=participant, day_number=5)
    return consultation, registration, make_user("professional", region)


def _queue_blood_pressure(page, context, consultation):
    page.goto(f"/measurements/sessions/{consultation.public_id}/station/?station=care")
    page.get_by_label("Dagnummer").fill("5")
    page.get_by_role("button", name="Openen").click()
    page.wait_for_url("**/entries/**")
    page.get_by_label("Bovendruk (systolisch) (mmHg)").fill("128")
    page.get_by_label("Onderdruk (diastolisch) (mmHg)").fill("82")
    context.set_offline(True)
    page.get_by_role("button", name="Opslaan").click()
    page.locator("#pending-saves").get_by_text(
        "nog niet opgeslagen, wordt opnieuw geprobeerd"
    ).wait_for()


def test_finding_6_queued_save_arrives_after_logging_in_again(browser, live_app, station):
    consultation, registration, nurse = station
    context = logged_in_context(browser, live_app.url, nurse)
    page = context.new_page()
    _queue_blood_pressure(page, context, consultation)
    # The login expires (the session cookie goes; the CSRF cookie stays, as in real life).
    context.clear_cookies(name="sessionid")
    context.set_offline(False)
    log_in(page, live_app.url, nurse)  # a new login rotates the CSRF token
    page.goto(f"/measurements/sessions/{consultation.public_id}/station/?station=care")
    page.locator("#pending-saves").wait_for(state="hidden", timeout=20000)
    rows = Measurement.objects.filter(registration=registration)
    assert set(rows.values_list("measure", flat=True)) == {"systolic", "diastolic"}
    context.close()


def test_finding_6_a_refused_save_says_enter_again_and_stops_retrying(browser, live_app, station):
    consultation, registration, nurse = station
    context = logged_in_context(browser, live_app.url, nurse)
    page = context.new_page()
    _queue_blood_pressure(page, context, consultation)
    page.evaluate(
        "document.querySelectorAll('input[name=csrfmiddlewaretoken]')"
        ".forEach(function (i) { i.value = 'x'.repeat(64); })"
    )
    context.set_offline(False)
    page.get_by_role("button", name="Nu opnieuw proberen").click()
    page.locator("#pending-list").get_by_text("geweigerd: voer opnieuw in").wait_for()
    assert not Measurement.objects.filter(registration=registration).exists()
    context.close()


def test_finding_6_logout_clears_the_queue_and_names_what_was_not_sent(browser, live_app, station):
    consultation, registration, nurse = station
    context = logged_in_context(browser, live_app.url, nurse)
    page = context.new_page()
    _queue_blood_pressure(page, context, consultation)
    page.get_by_role("button", name="Uitloggen").click()
    notice = page.locator("#not-sent")
    notice.get_by_text("Nummer 5").wait_for()
    expect(notice).to_contain_text("Niet verstuurd", use_inner_text=True)
    assert page.evaluate("localStorage.getItem('gc-station-pending')") is None
    context.set_offline(False)
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/account/login/**")
    assert not Measurement.objects.filter(registration=registration).exists()
    context.close()
