"""Scores computed from answers: FINDRISC, through the pure clinical rules package.

Age and sex come from the participant's record (the form does not ask them again); age is
taken on the day of the session, so a score can be recomputed later with the same result.
BMI and waist come from the measurement station when it has them (the form then skips the
weight, height and waist questions), else from the answers.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from groepsconsult.clinical.findrisc import FindriscResult, findrisc
from groepsconsult.measurements.selectors import measurement_body_size
from groepsconsult.questionnaires.models import FINDRISC_CODE

_NEEDED = (
    "weight_kg",
    "height_cm",
    "waist_cm",
    "active_30min_daily",
    "veg_fruit_daily",
    "bp_medication",
    "high_glucose_history",
    "family_history",
)


# The station's values that answer questions, so nobody is asked what was just measured.
STATION_ANSWERS = {"bmi": ("weight_kg", "height_cm"), "waist": ("waist_cm",)}


def station_values_for(*, questionnaire, registration) -> dict:
    """{"bmi", "waist"} the station measured for this registration, for FINDRISC only."""
    if questionnaire.code != FINDRISC_CODE or registration is None:
        return {}
    return measurement_body_size(registration=registration)


def questions_to_ask(questions, station: dict) -> list:
    """The questions left once the station's values answer some of them."""
    covered = {code for key in station for code in STATION_ANSWERS.get(key, ())}
    return [q for q in questions if q.code not in covered]


def _age_on(date_of_birth, day) -> int:
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def findrisc_for_response(
    *, response, answers: dict, station: dict | None = None
) -> FindriscResult | None:
    """The FINDRISC result for these answers, or None when it cannot (yet) be computed.

    None when: not the FINDRISC questionnaire, an answer is missing, or the record's sex is
    neither male nor female (the waist bands of the original form exist only for those two).
    Implausible weight/height combinations raise ValidationError on the weight field.
    `station`: the station's {"bmi", "waist"}; they replace the answers they cover.
    """
    if response.questionnaire.code != FINDRISC_CODE or response.registration_id is None:
        return None
    station = station or {}
    answers = {code: answers.get(code, "") for code in _NEEDED} | _station_answers(station)
    if any(value == "" for value in answers.values()):
        return None
    participant = response.registration.participant
    if participant.sex not in ("male", "female"):
        return None
    if "bmi" in station:
        bmi = float(station["bmi"])
    else:
        height_m = Decimal(answers["height_cm"]) / 100
        bmi = float(Decimal(answers["weight_kg"]) / (height_m * height_m))
    try:
        return findrisc(
            age=_age_on(participant.date_of_birth, response.consultation.starts_at.date()),
            bmi=bmi,  # unrounded: rounding 24.96 to 25.0 would add a point
            waist_cm=float(station.get("waist") or answers["waist_cm"]),
            sex=participant.sex,
            active_30min_daily=answers["active_30min_daily"] == "yes",
            veg_fruit_daily=answers["veg_fruit_daily"] == "yes",
            bp_medication=answers["bp_medication"] == "yes",
            high_glucose_history=answers["high_glucose_history"] == "yes",
            family_history=answers["family_history"],
        )
    except ValueError as exc:
        if "bmi" in str(exc):
            raise ValidationError(
                {"weight_kg": [_("Weight and height give an impossible BMI. Check both.")]}
            ) from exc
        if "age" in str(exc):
            return None  # FINDRISC is for adults; a minor gets no score, not an error
        raise


def _station_answers(station: dict) -> dict:
    """Placeholders for the questions the station answered, so they count as answered."""
    return {code: "station" for key in station for code in STATION_ANSWERS.get(key, ())}
