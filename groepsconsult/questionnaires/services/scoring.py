"""Scores computed from answers: FINDRISC, through the pure clinical rules package.

Age and sex come from the participant's record (the form does not ask them again); age is
taken on the day of the session, so a score can be recomputed later with the same result.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from groepsconsult.clinical.findrisc import FindriscResult, findrisc
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


def _age_on(date_of_birth, day) -> int:
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def findrisc_for_response(*, response, answers: dict) -> FindriscResult | None:
    """The FINDRISC result for these answers, or None when it cannot (yet) be computed.

    None when: not the FINDRISC questionnaire, an answer is missing, or the record's sex is
    neither male nor female (the waist bands of the original form exist only for those two).
    Implausible weight/height combinations raise ValidationError on the weight field.
    """
    if response.questionnaire.code != FINDRISC_CODE or response.registration_id is None:
        return None
    if any(answers.get(code, "") == "" for code in _NEEDED):
        return None
    participant = response.registration.participant
    if participant.sex not in ("male", "female"):
        return None
    height_m = Decimal(answers["height_cm"]) / 100
    bmi = float(Decimal(answers["weight_kg"]) / (height_m * height_m))
    try:
        return findrisc(
            age=_age_on(participant.date_of_birth, response.consultation.starts_at.date()),
            bmi=bmi,  # unrounded: rounding 24.96 to 25.0 would add a point
            waist_cm=float(answers["waist_cm"]),
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
