"""The coordinator invites the participants of a first session six months ago to the 6-month
session, registers one in one click, records why another is not coming; once the return results
are saved, that person's booklet compares with the first time."""

from decimal import Decimal

import pytest
import weasyprint  # noqa: F401
from playwright.sync_api import expect

from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.registrations.models import Registration
from tests.browser_support import assert_no_axe_violations, log_in_with_session
from tests.factories.backbone import make_participant, make_region, make_user
from tests.factories.registrations import make_registration
from tests.factories.returns import BY, PHONE, make_return_session

pytestmark = pytest.mark.browser
# WeasyPrint is imported above, before Playwright's event loop runs: on import it looks for its
# libraries with a subprocess, and under Playwright's child watcher that subprocess never
# returns when the live server imports it in its own thread (the first request then hangs).


@pytest.fixture(autouse=True)
def sms_outbox(settings, tmp_path):
    settings.GC_SMS_OUTBOX = str(tmp_path / "sms.txt")


def _first_session_with(region, names):
    from tests.factories.returns import make_first_session

    first = make_first_session(region, people=0)
    from groepsconsult.registrations.services import attendance_mark

    for family_name in names:
        place = make_registration(first, make_participant(region, family_name=family_name))
        attendance_mark(registration=place, attendance="present", by=BY)
    return first


def test_invite_register_and_compare(live_app, page):
    region_a = make_region(name="Den Haag", slug="den-haag")  # not the `db` fixture: live server
    first = _first_session_with(region_a, ["Aydin", "Bakker"])
    measurements_record(
        registration=first.registrations.get(participant__family_name="Aydin"),
        entry=Entry(values={"systolic": Decimal(150), "diastolic": Decimal(90)}),
        by=BY,
    )
    back = make_return_session(region_a, title="Vervolg Moerwijk")
    base = live_app.url
    log_in_with_session(page, base, make_user("coordinator", region_a))

    page.goto(f"{base}/returns/")
    page.get_by_role("link", name="Vervolg Moerwijk").click()
    page.get_by_label(str(first), exact=False).check()
    page.get_by_label("Telefoonnummer voor vragen").fill(PHONE)
    page.get_by_role("button", name="Uitnodigingen maken").click()
    expect(page.locator(".messages")).to_contain_text("2 alleen per brief")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Aanmelden Fatima Aydin").click()
    expect(page.locator(".messages")).to_contain_text("Fatima Aydin is aangemeld")
    page.get_by_text("Komt niet Fatima Bakker").click()
    page.get_by_label("Reden").select_option("no_interest")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".messages")).to_contain_text("vastgelegd dat die niet komt")
    expect(page.get_by_role("row", name="Geen interesse 1")).to_be_visible()

    place = Registration.objects.get(consultation=back, participant__family_name="Aydin")
    measurements_record(
        registration=place,
        entry=Entry(values={"systolic": Decimal(132), "diastolic": Decimal(84)}),
        by=BY,
    )
    page.goto(f"{base}/documents/booklet/{place.public_id}/")
    expect(page.get_by_text("Eerste keer").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("150")
