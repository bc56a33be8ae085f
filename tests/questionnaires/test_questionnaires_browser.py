"""A professional opens the welfare-table questionnaire on a tablet in Turkish, answers it by
touch, finishes, and the answers are stored; the Arabic form renders right to left."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from groepsconsult.questionnaires.models import Answer, Response
from groepsconsult.questionnaires.services import questionnaire_definitions_load
from tests.browser_support import log_in_with_session
from tests.factories.backbone import make_consultation, make_participant, make_region, make_user
from tests.factories.questionnaires import make_registration

pytestmark = pytest.mark.browser


def test_fill_social_risks_in_turkish_and_see_arabic_right_to_left(page, live_app):
    questionnaire_definitions_load()  # an earlier browser test's flush may have removed them
    region = make_region(name="Den Haag", slug="den-haag")
    consultation = make_consultation(region, title="Groepsconsult Transvaal")
    participant = make_participant(
        region, given_name="Ayşe", family_name="Yılmaz", preferred_language="tr"
    )
    registration = make_registration(consultation, participant, day_number=5)
    base = live_app.url
    log_in_with_session(page, base, make_user("professional", region))

    page.goto(f"{base}/questionnaires/")
    page.locator("#id_consultation").select_option(str(consultation.public_id))
    page.get_by_role("button", name="Kiezen").click()
    page.locator("#id_day_number").fill("5")
    page.get_by_role("button", name="Openen").click()
    page.get_by_role("heading", name="Ayşe Yılmaz").wait_for()

    row = page.locator("tr", has_text="Zorgen en leefsituatie")
    row.get_by_role("link", name="Samen invullen").click()
    form = page.locator(".questionnaire")
    assert form.get_attribute("lang") == "tr"  # the participant's preferred language
    page.get_by_role("heading", name="Endişeler ve yaşam durumu").wait_for()
    expect(page.get_by_text("Sigara içiyor musunuz?")).to_be_visible()
    # Read aloud: buttons where the browser can speak, otherwise a short note; never both.
    speak_buttons = page.locator(".q-speak:visible").count()
    note_visible = page.locator(".q-no-speech").is_visible()
    assert (speak_buttons > 0) != note_visible

    # Finishing with gaps: the errors come in Turkish, nothing is stored.
    page.get_by_role("button", name="Bitir").click()
    expect(page.get_by_text("Lütfen bu soruyu cevaplayın.").first).to_be_visible()
    assert not Response.objects.exists()

    for code, choice in (
        ("smoking", "Evet"),
        ("diabetes", "Hayır"),
        ("cardiovascular_disease", "Hayır"),
        ("kidney_disease", "Hayır"),
        ("familial_hypercholesterolaemia", "Hayır"),
    ):
        page.locator(f"#q-{code} label", has_text=choice).click()
    page.locator("#q-stress label", has_text="7").first.click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Bitir").click()
    page.get_by_text("De vragenlijst is klaar. Dank u wel.").wait_for()
    expect(
        page.locator("tr", has_text="Zorgen en leefsituatie").get_by_text("Afgerond")
    ).to_be_visible()

    saved = Response.objects.get(registration=registration)
    assert saved.language == "tr" and saved.completed_at is not None
    answers = dict(Answer.objects.filter(response=saved).values_list("question__code", "value"))
    assert answers == {
        "smoking": "yes",
        "diabetes": "no",
        "cardiovascular_disease": "no",
        "kidney_disease": "no",
        "familial_hypercholesterolaemia": "no",
        "stress": "7",
    }

    page.goto(f"{base}/questionnaires/r/{registration.public_id}/fill/?form=findrisc&lang=ar")
    form = page.locator(".questionnaire")
    assert form.get_attribute("dir") == "rtl" and form.get_attribute("lang") == "ar"
    assert form.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(page.get_by_text("هل تأكل الخضروات أو الفواكه أو التوت كل يوم؟")).to_be_visible()
