"""risk_inputs_for_registration: what the booklet needs for heart age, from the answers."""

from groepsconsult.clinical.findrisc import FindriscResult
from groepsconsult.questionnaires.selectors import risk_inputs_for_registration
from groepsconsult.questionnaires.services import response_save
from tests.factories.backbone import make_consultation
from tests.factories.questionnaires import (
    ACTOR,
    FINDRISC_ANSWERS,
    make_registration,
    make_response,
)

NOTHING = {
    "smoker": None,
    "diabetes": None,
    "known_cvd": None,
    "ckd": None,
    "fh": None,
    "findrisc": None,
}


def test_nothing_answered_gives_none_everywhere(region_a):
    assert risk_inputs_for_registration(registration=make_registration(region=region_a)) == NOTHING


def test_answers_feed_the_risk_inputs(region_a):
    registration = make_registration(region=region_a)
    make_response(
        registration,
        "social_risks",
        {
            "smoking": "yes",
            "diabetes": "no",
            "cardiovascular_disease": "no",
            "kidney_disease": "yes",
            "familial_hypercholesterolaemia": "no",
        },
        finish=False,
    )
    assert risk_inputs_for_registration(registration=registration) == NOTHING | {
        "smoker": True,
        "diabetes": False,
        "known_cvd": False,
        "ckd": True,
        "fh": False,
    }


def test_a_skipped_question_stays_none(region_a):
    registration = make_registration(region=region_a)
    make_response(registration, "social_risks", {"smoking": "no"}, finish=False)
    inputs = risk_inputs_for_registration(registration=registration)
    assert inputs["smoker"] is False and inputs["diabetes"] is None


def test_a_changed_answer_wins(region_a):
    registration = make_registration(region=region_a)
    response = make_response(registration, "social_risks", {"smoking": "yes"}, finish=False)
    response_save(response=response, raw_answers={"smoking": "no"}, finish=False, by=ACTOR)
    assert risk_inputs_for_registration(registration=registration)["smoker"] is False


def test_findrisc_comes_back_as_a_result(region_a):
    registration = make_registration(region=region_a)
    stored = make_response(registration, "findrisc", FINDRISC_ANSWERS)
    result = risk_inputs_for_registration(registration=registration)["findrisc"]
    assert isinstance(result, FindriscResult)
    assert (result.points, result.category) == (stored.score_points, stored.score_category)


def test_another_sessions_answers_do_not_count(region_a):
    first = make_registration(region=region_a)
    other = make_registration(make_consultation(region_a), first.participant)
    make_response(first, "social_risks", {"smoking": "yes"}, finish=False)
    assert risk_inputs_for_registration(registration=other) == NOTHING


def test_two_queries_whatever_the_number_of_answers(region_a, django_assert_num_queries):
    registration = make_registration(region=region_a)
    make_response(registration, "social_risks", {"smoking": "yes", "diabetes": "no"}, finish=False)
    make_response(registration, "findrisc", FINDRISC_ANSWERS)
    with django_assert_num_queries(2):
        risk_inputs_for_registration(registration=registration)
