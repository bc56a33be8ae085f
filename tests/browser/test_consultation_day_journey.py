"""Issue 5 end to end: two stations save for one participant at the same moment, an alarm value
reaches the physician, the InBody file of the day is imported, the welfare table fills a
questionnaire in Turkish, and the day ends with PDF booklets: the Turkish one holds the values and
their colours (read back with pdftotext), the Arabic one runs right to left."""

import subprocess

import pytest
from playwright.sync_api import expect

from groepsconsult.measurements.models import Measurement
from groepsconsult.questionnaires.models import Response
from groepsconsult.questionnaires.services import questionnaire_definitions_load
from tests.browser_support import logged_in_context
from tests.factories.backbone import make_consultation, make_participant, make_region, make_user
from tests.factories.measurements import make_station_registration

pytestmark = pytest.mark.browser


def inbody_csv():
    """A LookinBody numbered export for day numbers 5 and 6, with a "-" and "Level N"."""
    header = "1. ID,3. Height,13. Test Date / Time,15. Weight,33. SMM,36. BMI,39. PBF,71. VFL,85. Measured Circumference of Abdomen"
    rows = [
        "5,162.0,20261210103012,78.5,24.1,29.9,38.2,Level 11,96",
        "6,170.5,20261210104500,92.0,30.4,31.6,35.0,Level 13,-",
    ]
    return ("\ufeff" + "\r\n".join([header, *rows])).encode()


def open_number(page, consultation, station, number):
    page.goto(f"/measurements/sessions/{consultation.public_id}/station/?station={station}")
    page.get_by_label("Dagnummer").fill(str(number))
    page.get_by_role("button", name="Openen").click()
    page.wait_for_url("**/entries/**")


def pdf_text(page, url, path):
    response = page.request.get(url)
    assert response.headers["content-type"] == "application/pdf"
    path.write_bytes(response.body())
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_circuit_alarm_inbody_turkish_questionnaire_and_booklets(browser, live_app, tmp_path):
    base = live_app.url
    questionnaire_definitions_load()  # an earlier browser test's flush may have removed them
    region = make_region(name="Den Haag", slug="den-haag")
    consultation = make_consultation(region, title="Groepsconsult Transvaal")
    ayse = make_participant(
        region,
        given_name="Ayşe",
        family_name="Yılmaz",
        sex="female",
        preferred_language="tr",
        date_of_birth="1968-03-14",
    )
    naima = make_participant(
        region, given_name="Naima", family_name="El Amrani", preferred_language="ar"
    )
    first = make_station_registration(consultation, participant=ayse, day_number=5)
    make_station_registration(consultation, participant=naima, day_number=6)
    nurse, physician = make_user("professional", region), make_user("physician", region)
    care_context, lab_context = (
        logged_in_context(browser, base, nurse),
        logged_in_context(browser, base, physician),
    )
    care, lab = care_context.new_page(), lab_context.new_page()

    # Two tables, one participant, one moment.
    open_number(care, consultation, "care", 5)
    open_number(lab, consultation, "measurement", 5)
    care.get_by_label("Bovendruk (systolisch) (mmHg)").fill("186")
    care.get_by_label("Onderdruk (diastolisch) (mmHg)").fill("95")
    lab.get_by_label("Glucose (vingerprik) (mmol/l)").fill("12,4")
    lab.get_by_label("Nee, niet nuchter").check()
    lab.get_by_label("Totaal cholesterol (mmol/l)").fill("6,7")
    lab.get_by_label("HDL-cholesterol (mmol/l)").fill("1,3")
    care.get_by_role("button", name="Opslaan").click()
    lab.get_by_role("button", name="Opslaan").click()
    lab.get_by_text("Opgeslagen voor nummer 5").wait_for()
    care.get_by_text("Opgeslagen voor nummer 5").wait_for()
    current = Measurement.objects.filter(registration=first, superseded_by__isnull=True)
    assert set(current.values_list("measure", flat=True)) >= {
        "systolic",
        "diastolic",
        "glucose",
        "total_cholesterol",
        "hdl",
    }

    # The alarm reaches the physician's tablet.
    lab.locator(".alert-banner").get_by_text("Urgent: nu naar de arts").wait_for(timeout=15000)

    # The movement table imports the InBody file of the day.
    lab.goto(f"/measurements/sessions/{consultation.public_id}/inbody/")
    lab.get_by_label("LookinBody-export (CSV of XLSX)").set_input_files(
        {"name": "inbody.csv", "mimeType": "text/csv", "buffer": inbody_csv()}
    )
    lab.get_by_role("button", name="Voorbeeld tonen").click()
    lab.get_by_role("button", name="2 rijen importeren").click()
    expect(lab.locator(".messages")).to_contain_text("waarden geïmporteerd")
    assert current.filter(measure="waist").get().value == 96

    # The welfare table: social risks together with Ayşe, in Turkish.
    care.goto(f"/questionnaires/r/{first.public_id}/fill/?form=social_risks")
    assert care.locator(".questionnaire").get_attribute("lang") == "tr"
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
    care.get_by_text("De vragenlijst is klaar. Dank u wel.").wait_for()
    assert Response.objects.get(registration=first).completed_at is not None

    # Booklets: Ayşe's in Turkish with values and colours; Naima's right to left.
    text = pdf_text(care, f"/documents/booklet/{first.public_id}/booklet.pdf", tmp_path / "tr.pdf")
    assert "186/95" in text and "12,4" in text and "6,7" in text and "96" in text
    assert "Kırmızı" in text and "Yeşil" in text
    assert "Kalp yaşı" in text  # heart age: 58, non-smoker, no diabetes, CVD, CKD or FH
    naima_booklet = (
        current.model.objects.filter(registration__participant=naima).first().registration
    )
    care.goto(f"/documents/booklet/{naima_booklet.public_id}/")
    booklet = care.locator("article.booklet")
    assert booklet.evaluate("el => getComputedStyle(el).direction") == "rtl"
    arabic = pdf_text(
        care, f"/documents/booklet/{naima_booklet.public_id}/booklet.pdf", tmp_path / "ar.pdf"
    )
    assert "92" in arabic and "نتائجي" in arabic
    care_context.close()
    lab_context.close()
