"""FINDRISC takes BMI and waist from the measurement station instead of asking them again."""

import datetime as dt
from decimal import Decimal

import pytest

from groepsconsult.clinical.findrisc import findrisc
from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.questionnaires.models import Answer
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.questionnaires import (
    ACTOR,
    FINDRISC_ANSWERS,
    make_registration,
    make_response,
)

LIFESTYLE = {
    k: v for k, v in FINDRISC_ANSWERS.items() if k not in ("weight_kg", "height_cm", "waist_cm")
}


@pytest.fixture
def registration(region_a):
    consultation = make_consultation(
        region_a, starts_at=dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    )
    participant = make_participant(region_a, date_of_birth=dt.date(1966, 1, 1), sex="female")
    return make_registration(consultation, participant)


def measure_body(registration, **values):
    entry = Entry(values={k: Decimal(v) for k, v in values.items()})
    measurements_record(registration=registration, entry=entry, by=ACTOR)


def fill_url(registration):
    return f"/questionnaires/r/{registration.public_id}/fill/?form=findrisc"


def expected_points(*, bmi, waist):
    return findrisc(
        age=60,
        bmi=bmi,
        waist_cm=waist,
        sex="female",
        active_30min_daily=False,
        veg_fruit_daily=False,
        bp_medication=True,
        high_glucose_history=False,
        family_history="second_degree",
    ).points


def test_findrisc_scores_the_station_bmi_and_waist(registration):
    measure_body(registration, weight="92", height="170", waist="95")
    # Body answers a tablet might still send are ignored: the station measured them.
    answers = LIFESTYLE | {"weight_kg": "60", "height_cm": "180", "waist_cm": "70"}
    response = make_response(registration, "findrisc", answers)
    assert response.completed_at is not None
    assert response.score_points == expected_points(bmi=92 / 1.7**2, waist=95)
    assert not Answer.objects.filter(response=response, question__code="weight_kg").exists()


def test_findrisc_asks_the_waist_when_the_station_has_only_weight_and_height(registration):
    measure_body(registration, weight="92", height="170")
    assert make_response(registration, "findrisc", LIFESTYLE, finish=False).score_points is None
    response = make_response(registration, "findrisc", LIFESTYLE | {"waist_cm": "79"})
    assert response.score_points == expected_points(bmi=92 / 1.7**2, waist=79)


def test_without_station_values_every_question_is_asked(registration):
    response = make_response(registration, "findrisc", FINDRISC_ANSWERS)
    assert response.score_points is not None
    assert Answer.objects.filter(response=response, question__code="weight_kg").exists()


def test_the_form_shows_the_station_values_and_skips_their_questions(
    client_for, registration, django_assert_max_num_queries
):
    client = client_for("professional")
    html = client.get(fill_url(registration)).content.decode()
    assert 'id="q-weight_kg"' in html and 'id="q-station"' not in html
    measure_body(registration, weight="92", height="170", waist="95")
    with django_assert_max_num_queries(16):
        html = client.get(fill_url(registration)).content.decode()
    assert 'id="q-weight_kg"' not in html and 'id="q-waist_cm"' not in html
    assert 'id="q-active_30min_daily"' in html
    assert (
        "Uw BMI van de meettafel: 31,8" in html
        and "Uw middelomtrek van de meettafel: 95 cm" in html
    )
