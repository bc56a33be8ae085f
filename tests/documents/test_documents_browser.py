"""Browser journey: a professional prints the booklets of a session and the GP shows the plenary.

Logs in through the real login and two-factor pages, opens an Arabic booklet (right-to-left),
downloads the session's PDF and reads it back with pdftotext.
"""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser_support import assert_no_axe_violations, log_in
from tests.factories.backbone import make_consultation, make_participant, make_region, make_user
from tests.factories.documents import make_registration, measure_all

pytestmark = pytest.mark.browser


def test_print_booklets_of_a_session_and_show_the_plenary(page, live_app, tmp_path):
    region = make_region(name="Den Haag", slug="den-haag")
    session = make_consultation(region, title="Groepsconsult Transvaal")
    people = {
        "nl": make_participant(region, given_name="Anna", family_name="de Boer"),
        "ar": make_participant(
            region, given_name="Naima", family_name="El Amrani", preferred_language="ar"
        ),
        "tr": make_participant(
            region, given_name="Ayşe", family_name="Yılmaz", preferred_language="tr"
        ),
    }
    for person in people.values():
        measure_all(make_registration(session, person))
    user = make_user("professional", region)
    base = live_app.url

    log_in(page, base, user)
    page.get_by_role("link", name="Boekjes").click()
    page.get_by_role("link", name="Groepsconsult Transvaal").click()
    assert_no_axe_violations(page)
    row = page.locator("tbody tr", has_text="Naima El Amrani")
    row.get_by_role("link", name="Bekijken").click()
    booklet = page.locator("article.booklet")
    assert booklet.get_attribute("dir") == "rtl" and booklet.get_attribute("lang") == "ar"
    assert booklet.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(booklet).to_contain_text("نتائجي في الاستشارة الجماعية", use_inner_text=True)
    assert_no_axe_violations(page)

    page.get_by_role("link", name=re.compile("Boekjes van deze sessie")).click()
    pdf_url = page.get_by_role("link", name=re.compile("Print alle 3 boekjes")).get_attribute(
        "href"
    )
    response = page.request.get(base + pdf_url)
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "booklets.pdf"
    pdf.write_bytes(response.body())
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("\f") >= 6  # two pages per booklet
    assert "124/78" in text and "7,1" in text
    assert "Rood" in text and "Kırmızı" in text and "Groen" in text
    assert "Laat dit nog eens meten bij de huisarts" in text

    page.goto(f"{base}/")
    page.get_by_role("link", name="Plenair").click()
    page.get_by_role("link", name="Groepsconsult Transvaal").click()
    page.get_by_role("heading", name="Onze uitslagen samen").wait_for()
    assert_no_axe_violations(page)
    content = page.content()
    assert "Anna" not in content and "El Amrani" not in content
    assert re.search(r"rood\s*<strong>3</strong>", content)  # cholesterol 7.1 for all three
