"""Saving responses: validated, atomic, logged; FINDRISC scored by clinical.findrisc."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from groepsconsult.audit.models import AccessEvent
from groepsconsult.clinical.findrisc import findrisc
from groepsconsult.questionnaires.models import Answer, Response
from groepsconsult.questionnaires.services import response_save
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.questionnaires import (
    ACTOR,
    FINDRISC_ANSWERS,
    make_registration,
    make_response,
)


@pytest.fixture
def registration(region_a):
    consultation = make_consultation(
        region_a, starts_at=dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    )
    participant = make_participant(
        region_a, date_of_birth=dt.date(1966, 1, 1), sex="female"
    )  # 60 on the day
    return make_registration(consultation, participant)


def test_findrisc_score_stored_equals_the_clinical_rule(registration):
    response = make_response(registration, "findrisc", FINDRISC_ANSWERS)
    expected = findrisc(
        age=60,
        bmi=31.8,
        waist_cm=95,
        sex="female",
        active_30min_daily=False,
        veg_fruit_daily=False,
        bp_medication=True,
        high_glucose_history=False,
        family_history="second_degree",
    )
    response.refresh_from_db()
    assert (response.score_points, response.score_category, response.score_version) == (
        expected.points,
        expected.category,
        expected.version,
    )
    assert response.score_points == 3 + 3 + 4 + 2 + 1 + 2 + 0 + 3


@pytest.mark.parametrize(
    ("weight", "bmi_points"),
    [
        ("80.85", 0),  # 80.85 / 1.80² = 24.95 (24.9537...): below 25, although it rounds to 25.0
        ("81", 1),  # 81 / 1.80² = 25.0 exactly: the 25-30 band
    ],
)
def test_findrisc_scores_the_unrounded_bmi(registration, weight, bmi_points):
    answers = dict(FINDRISC_ANSWERS, weight_kg=weight, height_cm="180")
    response = make_response(registration, "findrisc", answers)
    response.refresh_from_db()
    # The same answers with BMI points 0 score 3+0+4+2+1+2+0+3 (see the test above).
    assert response.score_points == 3 + bmi_points + 4 + 2 + 1 + 2 + 0 + 3


def test_findrisc_without_all_answers_has_no_score(registration):
    partial = dict(FINDRISC_ANSWERS, waist_cm="")
    response = make_response(registration, "findrisc", partial, finish=False)
    assert response.score_points is None and response.score_version == ""


def test_findrisc_is_not_scored_for_sex_other(region_a):
    participant = make_participant(region_a, sex="other")
    registration = make_registration(make_consultation(region_a), participant)
    assert make_response(registration, "findrisc", FINDRISC_ANSWERS).score_points is None


def test_an_impossible_bmi_is_an_error_on_weight_and_nothing_is_saved(registration):
    answers = dict(FINDRISC_ANSWERS, weight_kg="300", height_cm="100")
    with pytest.raises(ValidationError) as exc:
        make_response(registration, "findrisc", answers)
    assert "weight_kg" in exc.value.message_dict
    assert not Answer.objects.exists()


def test_one_bad_answer_saves_nothing(registration):
    response = make_response(
        registration, "positive_health", {"bodily_functions": "5"}, finish=False
    )
    with pytest.raises(ValidationError) as exc:
        response_save(
            response=response,
            raw_answers={"bodily_functions": "7", "mental_wellbeing": "11"},
            finish=False,
            by=ACTOR,
        )
    assert list(exc.value.message_dict) == ["mental_wellbeing"]
    assert Answer.objects.get(response=response).value == "5"  # the old answer is untouched


def test_finishing_demands_every_required_answer(registration):
    response = make_response(
        registration, "positive_health", {"bodily_functions": "5"}, finish=False
    )
    with pytest.raises(ValidationError) as exc:
        response_save(
            response=response, raw_answers={"bodily_functions": "5"}, finish=True, by=ACTOR
        )
    assert len(exc.value.message_dict) == 5
    response.refresh_from_db()
    assert response.completed_at is None


def test_numbers_accept_a_decimal_comma_and_refuse_typing_errors(registration):
    response = make_response(registration, "findrisc", {"weight_kg": "82,5"}, finish=False)
    assert Answer.objects.get(response=response).value == "82.5"
    with translation.override("en"), pytest.raises(ValidationError, match="outside the possible"):
        response_save(response=response, raw_answers={"weight_kg": "825"}, finish=False, by=ACTOR)


def test_validation_messages_follow_the_active_language(registration):
    response = make_response(registration, "positive_health", {}, finish=False)
    with translation.override("tr"), pytest.raises(ValidationError) as exc:
        response_save(response=response, raw_answers={}, finish=True, by=ACTOR)
    assert "Lütfen bu soruyu cevaplayın." in exc.value.message_dict["bodily_functions"]


def test_clearing_an_answer_removes_it(registration):
    response = make_response(registration, "social_risks", {"smoking": "yes"}, finish=False)
    response_save(response=response, raw_answers={"smoking": ""}, finish=False, by=ACTOR)
    assert not Answer.objects.filter(response=response).exists()


def test_saving_writes_the_access_log_for_the_participant(registration):
    make_response(registration, "experience", {"useful": "5"}, finish=False)
    events = AccessEvent.objects.filter(subject_type="response")
    assert {e.action for e in events} == {"create", "change"}
    assert {e.participant_id for e in events} == {registration.participant.public_id}


def test_a_second_start_resumes_the_same_response(registration):
    first = make_response(registration, "experience", {"useful": "5"}, finish=False)
    second = make_response(registration, "experience", {"felt_heard": "4"}, finish=False)
    assert first.pk == second.pk and Response.objects.count() == 1
