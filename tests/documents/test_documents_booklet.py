"""What the booklet says: values, colours with word and symbol, retest line, heart age,
language and direction, and the 6-month comparison. Real views, templates and catalogues."""

import datetime as dt
import re

import pytest

from groepsconsult.clinical import DEFAULT_RULESET_VERSION
from tests.factories.backbone import make_consultation, make_participant, make_professional
from tests.factories.documents import (
    answer_risk,
    make_goal,
    make_measurement,
    make_registration,
    measure_all,
)
from tests.factories.trajectories import attend_and_return


@pytest.fixture
def session(region_a):
    return make_consultation(region_a, title="Groepsconsult Transvaal")


@pytest.fixture
def prof(client_for):
    return client_for("professional")


def booklet_url(registration):
    return f"/documents/booklet/{registration.public_id}/"


def rows_of(html):
    """(colour, text) of each results row, tags stripped and whitespace collapsed."""
    rows = re.findall(r'<tr class="row-(\w+)">(.*?)</tr>', html, re.S)
    return [(c, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()) for c, body in rows]


def row_with(html, label):
    for colour, text in rows_of(html):
        if text.startswith(label):
            return colour, text
    raise AssertionError(f"no row {label!r} in booklet")


def test_booklet_shows_values_colour_words_symbols_and_retest_only_for_orange_red(
    prof, session, region_a
):
    person = make_participant(region_a, sex="female", date_of_birth=dt.date(1970, 5, 1))
    registration = make_registration(session, person)
    measure_all(registration)
    html = prof.get(booklet_url(registration)).content.decode()

    colour, text = row_with(html, "Bloeddruk")
    assert colour == "green" and "124/78" in text and "✓ Groen" in text and "goed" in text
    assert "Laat dit nog eens meten bij de huisarts" not in text
    colour, text = row_with(html, "Bloedsuiker")
    assert colour == "orange" and "8,2" in text and "niet nuchter" in text
    assert "! Oranje" in text and "let op" in text
    assert "Laat dit nog eens meten bij de huisarts." in text
    colour, text = row_with(html, "Cholesterol")
    assert colour == "red" and "7,1" in text and "✕ Rood" in text and "te hoog" in text
    assert "Laat dit nog eens meten bij de huisarts." in text
    colour, text = row_with(html, "Gewicht")
    assert colour == "none" and "82,4" in text and "geen kleur" in text
    assert "Laat dit nog eens meten" not in text
    # Every orange or red row has the line, and no other row has it.
    for colour, text in rows_of(html):
        assert ("Laat dit nog eens meten" in text) == (colour in ("orange", "red")), text


def test_urgent_blood_pressure_and_very_high_cholesterol_say_so(prof, session, region_a):
    registration = make_registration(session, make_participant(region_a))
    make_measurement(registration, "systolic", 186)
    make_measurement(registration, "diastolic", 95)
    make_measurement(registration, "total_cholesterol", "8.6")
    html = prof.get(booklet_url(registration)).content.decode()
    assert "Erg hoog. Praat vandaag nog met de dokter." in html
    assert "erfelijk hoog cholesterol (FH)" in html


def test_glucose_without_fasting_status_gets_no_colour_and_says_why(prof, session, region_a):
    registration = make_registration(session, make_participant(region_a))
    make_measurement(registration, "glucose", "6.5", fasting=None)
    colour, text = row_with(prof.get(booklet_url(registration)).content.decode(), "Bloedsuiker")
    assert colour == "none" and "We weten niet of u nuchter was" in text


def test_heart_age_is_shown_for_a_55_year_old_non_smoker_without_diabetes(prof, session, region_a):
    person = make_participant(region_a, sex="male", date_of_birth=dt.date(1971, 3, 1))
    registration = make_registration(session, person)
    measure_all(registration)
    answer_risk(registration, prof.user, smoker=False, diabetes=False, known_cvd=False)
    html = prof.get(booklet_url(registration)).content.decode()
    assert "Mijn hartleeftijd (schatting)" in html
    # SCORE2 male 55, SBP 124, TC 7.1, HDL 1.4, non-smoker; risk age per the low-region fit.
    assert re.search(r"Uw hartleeftijd is ongeveer \d+ jaar. U bent 55 jaar.", html)


@pytest.mark.parametrize(
    ("birth", "answers", "reason"),
    [
        (dt.date(1990, 1, 1), {}, "alleen voor mensen van 40 tot en met 69 jaar"),
        (dt.date(1950, 1, 1), {}, "alleen voor mensen van 40 tot en met 69 jaar"),
        (dt.date(1970, 1, 1), {"diabetes": True}, "Voor mensen met diabetes"),
        (dt.date(1970, 1, 1), {"known_cvd": True}, "al een hart- of vaatziekte"),
        (dt.date(1970, 1, 1), {"ckd": True}, "met een nierziekte"),
        (dt.date(1970, 1, 1), {"fh": True}, "erfelijk hoog cholesterol (FH)"),
        (dt.date(1970, 1, 1), {"ckd": None}, "We konden uw hartleeftijd niet schatten"),
        (dt.date(1970, 1, 1), None, "We konden uw hartleeftijd niet schatten"),
    ],
)
def test_heart_age_is_absent_with_a_reason(prof, session, region_a, birth, answers, reason):
    person = make_participant(region_a, sex="female", date_of_birth=birth)
    registration = make_registration(session, person)
    measure_all(registration)
    if answers is not None:
        answer_risk(registration, prof.user, **answers)
    html = prof.get(booklet_url(registration)).content.decode()
    assert reason in html
    assert "Uw hartleeftijd is ongeveer" not in html


def test_heart_age_needs_the_cholesterol_values(prof, session, region_a):
    person = make_participant(region_a, sex="female", date_of_birth=dt.date(1970, 1, 1))
    registration = make_registration(session, person)
    make_measurement(registration, "systolic", 130)
    make_measurement(registration, "diastolic", 80)
    answer_risk(registration, prof.user)
    html = prof.get(booklet_url(registration)).content.decode()
    assert "We konden uw hartleeftijd niet schatten" in html


def test_goal_hand_over_and_next_session_are_shown(prof, session, region_a):
    person = make_participant(region_a)
    coach = make_professional(region_a, name="Sanne de Vries", discipline="sport_coach")
    make_goal(person, session, professional=coach)
    later = make_consultation(region_a, starts_at=dt.datetime(2027, 6, 10, 8, 0, tzinfo=dt.UTC))
    trajectory = person.trajectories.get()
    trajectory.follow_up_call_due = dt.date(2027, 2, 1)
    trajectory.return_consultation = later
    trajectory.save()
    registration = make_registration(session, person)
    measure_all(registration)
    html = prof.get(booklet_url(registration)).content.decode()
    assert "Elke dag een half uur wandelen met de buurvrouw" in html
    assert "Bewegen" in html and "Maandag om 10 uur samen naar het park" in html
    assert "Sanne de Vries neemt contact met u op" in html
    assert "Rond 1 februari 2027 belt iemand u" in html
    assert "Uw volgende groepsconsult: 10 juni 2027 om 10:00" in html


def test_without_goal_or_hand_over_the_booklet_gives_generic_lines(prof, session, region_a):
    registration = make_registration(session, make_participant(region_a))
    measure_all(registration)
    html = prof.get(booklet_url(registration)).content.decode()
    assert "U heeft nog geen doel gekozen" in html
    assert "Iemand van het team neemt contact met u op" in html
    assert "In de komende weken belt iemand u" in html
    assert DEFAULT_RULESET_VERSION in html  # the rule-set version in the footer


def test_turkish_participant_gets_a_turkish_booklet(prof, session, region_a):
    person = make_participant(region_a, preferred_language="tr")
    registration = make_registration(session, person)
    measure_all(registration)
    html = prof.get(booklet_url(registration)).content.decode()
    assert 'lang="tr" dir="ltr"' in html
    assert "Grup danışmasındaki sonuçlarım" in html
    assert "Kan şekeri" in html and "Turuncu" in html
    assert "Bunu aile hekiminize tekrar ölçtürün." in html
    # The staff page around it stays in the staff language.
    assert "Uitslagenboekje" in html


def test_arabic_booklet_is_right_to_left(prof, session, region_a):
    person = make_participant(region_a, preferred_language="ar")
    registration = make_registration(session, person)
    measure_all(registration)
    html = prof.get(booklet_url(registration)).content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "نتائجي في الاستشارة الجماعية" in html
    assert "اطلب من طبيبك العام قياس هذا مرة أخرى." in html


def test_english_booklet_uses_the_source_text(prof, session, region_a):
    registration = make_registration(session, make_participant(region_a, preferred_language="en"))
    measure_all(registration)
    html = prof.get(booklet_url(registration)).content.decode()
    assert (
        "My results of the group consultation" in html and "Let your GP measure this again." in html
    )


def test_a_correction_replaces_the_old_value(prof, session, region_a):
    registration = make_registration(session, make_participant(region_a))
    old = make_measurement(registration, "total_cholesterol", "9.9")
    new = make_measurement(registration, "total_cholesterol", "5.2", correction_reason="typo")
    old.superseded_by = new
    old.save()
    colour, text = row_with(prof.get(booklet_url(registration)).content.decode(), "Cholesterol")
    assert "5,2" in text and "9,9" not in text and colour == "orange"


def test_return_session_shows_previous_new_and_direction(prof, region_a):
    person = make_participant(region_a)
    first = make_consultation(region_a, starts_at=dt.datetime(2026, 3, 5, 9, 0, tzinfo=dt.UTC))
    back = make_consultation(
        region_a, kind="return", starts_at=dt.datetime(2026, 9, 10, 9, 0, tzinfo=dt.UTC)
    )
    before = make_registration(first, person)
    make_measurement(before, "systolic", 148)
    make_measurement(before, "diastolic", 92)
    make_measurement(before, "weight", "88.0")
    make_measurement(before, "hdl", "1.3")
    now = make_registration(back, person)
    attend_and_return(before, now)  # the trajectory says which session was the first
    make_measurement(now, "systolic", 132)
    make_measurement(now, "diastolic", 84)
    make_measurement(now, "weight", "85.5")
    make_measurement(now, "hdl", "1.3")
    html = prof.get(booklet_url(now)).content.decode()
    assert "Eerste keer" in html and "Verschil" in html
    _, text = row_with(html, "Bloeddruk")
    assert "148/92" in text and "132/84" in text and "↓ lager" in text
    _, text = row_with(html, "Gewicht")
    assert "88,0" in text and "85,5" in text and "↓ lager" in text
    _, text = row_with(html, "Goede cholesterol")
    assert "→ gelijk" in text
    # A first session has no comparison column.
    assert "Eerste keer" not in prof.get(booklet_url(before)).content.decode()


def test_arabic_booklet_has_no_dutch_words_from_the_staff_language(prof, session, region_a):
    registration = make_registration(session, make_participant(region_a, preferred_language="ar"))
    make_measurement(registration, "glucose", "6.5", fasting=False)
    html = prof.get(booklet_url(registration)).content.decode()
    booklet = html.split('<article class="booklet"', 1)[1].split("</article>", 1)[0]
    assert "غير صائم" in booklet
    assert "nuchter" not in booklet and "Bloedsuiker" not in booklet


def test_booklet_shows_the_stored_colour_even_where_todays_rules_differ(prof, session, region_a):
    """One place computes colours (the station); the booklet reads them. A row stored under an
    older rule set keeps the colour it was given, with that version named."""
    registration = make_registration(session, make_participant(region_a))
    make_measurement(
        registration, "total_cholesterol", "7.1", colour="green", ruleset_version="nl-2025.1"
    )
    html = prof.get(booklet_url(registration)).content.decode()
    colour, text = row_with(html, "Cholesterol")
    assert colour == "green" and "✓ Groen" in text and "Laat dit nog eens meten" not in text
    assert "nl-2025.1" in html
