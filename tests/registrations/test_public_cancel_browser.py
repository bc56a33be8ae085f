"""Browser journey (issue 13 item 8): a resident signs up on a phone in Turkish, gets the
confirmation by SMS with a cancel link and the phone number, and cancels with that link."""

import re

import pytest

from groepsconsult.registrations.models import Registration
from tests.browser_support import assert_no_axe_violations
from tests.factories.backbone import make_region
from tests.factories.registrations import make_open_consultation

pytestmark = pytest.mark.browser


def test_resident_signs_up_in_turkish_and_cancels_with_the_sms_link(
    page, live_app, settings, tmp_path
):
    settings.GC_SMS_TRANSPORT = "log"
    settings.GC_SMS_OUTBOX = tmp_path / "sms.txt"
    settings.SITE_URL = live_app.url
    region = make_region(name="Den Haag", slug="den-haag")
    region.public_phone = "070 123 4567"
    region.save()
    consultation = make_open_consultation(region)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_app.url}/aanmelden/{consultation.public_id}/")
    page.get_by_role("button", name="Türkçe").click()
    page.get_by_text("070 123 4567").first.wait_for()

    page.get_by_role("button", name="Beni kaydet").click()
    page.locator("#error-summary").wait_for()  # every mistake listed at once
    assert page.locator("#error-summary li").count() >= 6
    assert_no_axe_violations(page)

    page.locator("#id_given_name").fill("Ayşe")
    page.locator("#id_family_name").fill("Yılmaz")
    page.locator("#id_date_of_birth").fill("1968-03-14")
    page.locator("#id_sex_0").check()
    page.locator("#id_phone").fill("06 12345678")
    page.locator("#id_postcode").fill("2532ab")
    page.locator("#id_preferred_language").select_option("tr")
    page.locator("#id_privacy").check()
    page.get_by_role("button", name="Beni kaydet").click()
    page.wait_for_url("**/bedankt/")

    sms = settings.GC_SMS_OUTBOX.read_text(encoding="utf-8")
    assert "070 123 4567" in sms and "grup görüşmesi" in sms
    link = re.search(r"(http://\S+/aanmelden/afmelden/\S+/)", sms).group(1)
    page.goto(link)
    assert "Yılmaz" not in page.content()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Evet, kaydımı iptal et").click()
    page.get_by_role("heading", name="Kaydınız iptal edildi").wait_for()
    assert Registration.objects.get(consultation=consultation).status == "cancelled"
