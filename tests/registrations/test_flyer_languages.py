"""Issue 13 item 8: the QR flyer speaks the session's languages, gives a number to call for
people who cannot scan, and never shows the room's size."""

import io

import pytest
from pypdf import PdfReader

from groepsconsult.registrations.calendar_file import location_text, public_room
from groepsconsult.registrations.flyer import flyer_languages, flyer_pdf
from tests.factories.backbone import make_location
from tests.factories.registrations import make_open_consultation


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


@pytest.fixture
def session(region_a):
    region_a.public_phone = "070 123 4567"
    region_a.save()
    location = make_location(region_a, rooms="Grote zaal (40 p.)\nSpreekkamer (4 p.)")
    return make_open_consultation(
        region_a, location=location, room="Grote zaal (40 p.)", languages=["nl", "tr", "zgh"]
    )


def test_the_room_is_named_without_its_size(session):
    assert public_room("Grote zaal (40 p.)") == "Grote zaal"
    assert public_room("Leeszaal - 25 personen") == "Leeszaal"
    assert public_room("Zaal (boven)") == "Zaal (boven)"
    # The location's factory name carries a sequence number (it may hold "40"): look for the size.
    text = location_text(session)
    assert "Grote zaal," in text and "40 p" not in text and "(" not in text


def test_flyer_languages_are_dutch_then_the_sessions_page_languages(session):
    assert flyer_languages(session) == ["nl", "tr"]
    session.languages = ["ar", "en"]
    assert flyer_languages(session) == ["nl", "en", "ar"]


def test_the_flyer_has_each_language_the_phone_and_no_capacity(session):
    text = _text(flyer_pdf(consultation=session))
    assert "Gratis groepsconsult" in text and "ücretsiz grup görüşmesi" in text.lower()
    assert "Bel 070 123 4567" in text and "070 123 4567 numarasını arayın" in text
    assert "Tamazight" in text  # spoken there, even without a catalogue
    assert "40 p" not in text and str(session.capacity) + " " not in text


def test_without_a_phone_the_flyer_points_at_the_web_address(session):
    session.region.public_phone = ""
    text = _text(flyer_pdf(consultation=session, paper="A5"))
    assert "Typ het webadres" in text and "Bel " not in text
