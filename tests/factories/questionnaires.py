"""Factories for questionnaires and goals. Definitions come from the shipped JSON (migration)."""

import itertools

from groepsconsult.audit.services import Actor
from groepsconsult.goals.models import Goal
from groepsconsult.questionnaires.models import Questionnaire
from groepsconsult.questionnaires.services import response_save, response_start
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_consultation, make_participant, make_user

ACTOR = Actor.system("tests")

_seq = itertools.count(1)


def questionnaire(code):
    return Questionnaire.objects.get(code=code, is_current=True)


def make_registration(consultation=None, participant=None, *, region=None, **kw):
    consultation = consultation or make_consultation(region)
    participant = participant or make_participant(consultation.region)
    defaults = {"channel": Registration.Channel.SELF, "day_number": next(_seq)}
    return Registration.objects.create(
        **{"consultation": consultation, "participant": participant, **defaults, **kw}
    )


def make_response(registration, code, answers, *, finish=True, user=None):
    by = Actor.for_user(user or make_user("professional", registration.consultation.region))
    response = response_start(
        questionnaire=questionnaire(code),
        consultation=registration.consultation,
        registration=registration,
        by=by,
    )
    return response_save(response=response, raw_answers=answers, finish=finish, by=by)


def make_goal(trajectory, **kw):
    defaults = {"pillar": "exercise", "goal_text": "Elke dag wandelen"}
    return Goal.objects.create(**{"trajectory": trajectory, **defaults, **kw})


FINDRISC_ANSWERS = {
    "weight_kg": "92",
    "height_cm": "170",  # BMI 31.8: 3 points
    "waist_cm": "95",  # female > 88: 4 points
    "active_30min_daily": "no",  # 2
    "veg_fruit_daily": "no",  # 1
    "bp_medication": "yes",  # 2
    "high_glucose_history": "no",  # 0
    "family_history": "second_degree",  # 3
}
