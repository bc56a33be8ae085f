"""Factories for booklet tests: registrations with measurements, goals and risk answers.

Rows are created directly (the station forms belong to measurements); colour and rule-set
version are stored as a station would store them.
"""

import datetime as dt
import itertools
from decimal import Decimal

from groepsconsult.clinical import DEFAULT_RULESET_VERSION
from groepsconsult.consultations.models import Registration
from groepsconsult.goals.models import Goal
from groepsconsult.measurements.models import Measurement
from groepsconsult.questionnaires.models import Answer, Question, Questionnaire, Response

_seq = itertools.count(1)

UNITS = {
    "systolic": "mmHg",
    "diastolic": "mmHg",
    "glucose": "mmol/l",
    "hba1c": "mmol/mol",
    "total_cholesterol": "mmol/l",
    "hdl": "mmol/l",
    "ldl": "mmol/l",
    "weight": "kg",
    "bmi": "kg/m2",
    "waist": "cm",
    "fat_percent": "%",
    "visceral_fat_level": "level",
    "muscle_mass": "kg",
    "pulse": "/min",
}

# A complete circuit, mostly green, glucose orange (non-fasting 8.2) and cholesterol red (7.1).
FULL_SET = {
    "systolic": "124",
    "diastolic": "78",
    "glucose": ("8.2", False),
    "total_cholesterol": "7.1",
    "hdl": "1.4",
    "weight": "82.4",
    "bmi": "27.3",
    "waist": "86",
    "fat_percent": "31.2",
    "visceral_fat_level": "9",
    "muscle_mass": "27.5",
}


def make_registration(consultation, participant, **kw):
    defaults = {"channel": "self", "day_number": next(_seq) % 30000}
    return Registration.objects.create(
        **{"consultation": consultation, "participant": participant, **defaults, **kw}
    )


def make_measurement(registration, measure, value, *, fasting=None, **kw):
    defaults = {
        "unit": UNITS.get(measure, ""),
        "measured_at": registration.consultation.starts_at + dt.timedelta(minutes=next(_seq) % 60),
        "ruleset_version": DEFAULT_RULESET_VERSION,
    }
    return Measurement.objects.create(
        registration=registration,
        measure=measure,
        value=Decimal(str(value)),
        fasting=fasting,
        **{**defaults, **kw},
    )


def measure_all(registration, values=None):
    rows = []
    for measure, value in (values or FULL_SET).items():
        fasting = None
        if isinstance(value, tuple):
            value, fasting = value
        rows.append(make_measurement(registration, measure, value, fasting=fasting))
    return rows


def make_goal(participant, consultation=None, **kw):
    trajectory = participant.trajectories.first()
    defaults = {
        "pillar": "exercise",
        "goal_text": "Elke dag een half uur wandelen met de buurvrouw",
        "first_step": "Maandag om 10 uur samen naar het park",
    }
    return Goal.objects.create(
        trajectory=trajectory, consultation=consultation, **{**defaults, **kw}
    )


RISK_CODES = ("smoker", "diabetes", "known_cvd", "ckd", "fh")


def _risk_questionnaire():
    questionnaire, created = Questionnaire.objects.get_or_create(
        code="booklet-test-risk", version=1, defaults={"title": {"nl": "Risico"}}
    )
    if created:
        for order, code in enumerate(RISK_CODES, start=1):
            Question.objects.create(
                questionnaire=questionnaire,
                order=order,
                code=code,
                kind="yes_no",
                text={"nl": code},
                risk_input=code,
            )
    return questionnaire


def answer_risk(registration, user, **answers):
    """Answers to smoking, diabetes, heart disease, kidney disease and FH (default: all "no"),
    as the welfare table records them. Pass a code as None to leave its question unanswered."""
    questionnaire = _risk_questionnaire()
    response = Response.objects.create(
        questionnaire=questionnaire,
        consultation=registration.consultation,
        registration=registration,
        filled_by=user,
        started_at=registration.consultation.starts_at,
    )
    values = dict.fromkeys(RISK_CODES, False) | answers
    for question in questionnaire.questions.all():
        if values[question.code] is None:
            continue
        Answer.objects.create(
            response=response, question=question, value="yes" if values[question.code] else "no"
        )
    return response
