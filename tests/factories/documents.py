"""Factories for booklet tests: registrations with measurements, goals and risk answers.

Rows are created directly (the station forms belong to measurements); colour and rule-set
version are stored as a station would store them: by `measurements.classify`, the blood
pressure pair once both halves exist. Pass colour= and ruleset_version= to store others.
"""

import datetime as dt
import itertools
from decimal import Decimal

from groepsconsult.goals.models import Goal
from groepsconsult.measurements.classify import classify
from groepsconsult.measurements.models import Measurement
from groepsconsult.questionnaires.models import Answer, Question, Questionnaire, Response
from groepsconsult.registrations.models import Registration

_seq = itertools.count(1)
_BP = ("systolic", "diastolic")

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
    }
    row = Measurement.objects.create(
        registration=registration,
        measure=measure,
        value=Decimal(str(value)),
        fasting=fasting,
        **{**defaults, **kw},
    )
    if "colour" not in kw:
        _store_verdicts(registration, measure, row)
    return row


def _store_verdicts(registration, measure, row):
    """The colour a station would have stored; both halves of a blood pressure as one pair."""
    rows = {measure: row}
    if measure in _BP:
        other = _BP[1 - _BP.index(measure)]
        half = registration.measurements.filter(measure=other).current().first()
        if half is None:
            return  # the pair is classified when its other half is made
        rows[other] = half
    if measure == "glucose" and row.fasting is None:
        return  # the station refuses this; an old row without fasting has no colour
    sex = registration.participant.sex
    verdicts = classify({m: r.value for m, r in rows.items()}, sex=sex, fasting=row.fasting)
    for m, r in rows.items():
        r.colour, r.ruleset_version = verdicts[m].colour, verdicts[m].ruleset_version
        r.save(update_fields=["colour", "ruleset_version"])


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
