"""Glue between stored measures and the pure clinical rules: colour, rule-set version, alarms.

No thresholds here: every cut-off comes from the versioned rule set in groepsconsult.clinical.
Blood pressure is classified as a pair (the worse of systolic and diastolic), and the pair's
colour is stored on both rows; its alarms hang on the systolic row.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from groepsconsult.clinical import (
    PLAUSIBLE_RANGES,
    alarm_reasons,
    check_plausible,
    load_ruleset,
    traffic_light,
)
from groepsconsult.measurements.models import Measure

# Rule-set measures that need the participant's sex; with sex "other" they stay unclassified
# rather than guessing a band (the booklet shows the value without a colour).
_NEEDS_SEX = {Measure.WAIST, Measure.HDL}

ALARM_LABELS = {
    "sbp_urgent": _("Urgent: physician now (systolic 180 or higher)"),
    "tc_very_high": _("Total cholesterol above 8: consider familial hypercholesterolaemia"),
    "glucose_diabetes_range": _("Glucose in the diabetes range"),
    # Rule set nl-2026.2: low values get their own alarm instead of green.
    "glucose_low": _("Low glucose (below 3.5): possible hypoglycaemia, physician now"),
    "sbp_low": _("Low blood pressure: systolic below 90"),
    "dbp_low": _("Low blood pressure: diastolic below 60"),
}


@dataclass
class Verdict:
    colour: str = ""
    ruleset_version: str = ""
    alarms: list[str] = field(default_factory=list)


def _light(measure, value, **kw) -> Verdict:
    light = traffic_light(measure, value, **kw)
    return Verdict(light.colour, light.ruleset_version, alarm_reasons(measure, value, **kw))


def classify(
    values: dict[str, Decimal], *, sex: str, fasting: bool | None = None
) -> dict[str, Verdict]:
    """Verdicts for a set of values of one participant (one submission or one correction).

    `values` must contain both blood-pressure components or neither: the pair is one reading.
    """
    ruleset = load_ruleset()
    verdicts: dict[str, Verdict] = {}
    if Measure.SYSTOLIC in values or Measure.DIASTOLIC in values:
        pair = _light(
            "bp",
            float(values[Measure.SYSTOLIC]),
            diastolic=float(values[Measure.DIASTOLIC]),
            ruleset=ruleset,
        )
        verdicts[Measure.SYSTOLIC] = pair
        verdicts[Measure.DIASTOLIC] = Verdict(pair.colour, pair.ruleset_version, [])
    for measure, value in values.items():
        if measure in verdicts:
            continue
        if measure == Measure.GLUCOSE:
            verdicts[measure] = _light("glucose", float(value), fasting=fasting, ruleset=ruleset)
        elif measure in _NEEDS_SEX and sex not in ("male", "female"):
            verdicts[measure] = Verdict()
        elif measure in ruleset.measures:
            kw = {"sex": sex} if measure in _NEEDS_SEX else {}
            verdicts[measure] = _light(measure, float(value), ruleset=ruleset, **kw)
        else:
            verdicts[measure] = Verdict()  # weight, height, pulse: no traffic light
    return verdicts


def classify_findrisc(points: int) -> Verdict:
    """The FINDRISC score's colour. Scores are stored by the questionnaires app without one,
    so the booklet asks here: this module stays the only place that turns values into colours."""
    return _light("findrisc", float(points), ruleset=load_ruleset())


def is_plausible(measure: str, value) -> bool:
    try:
        check_plausible(measure, float(value))
    except ValueError:
        return False
    return True


def plausible_message(measure: str, value) -> str:
    """A Dutch (translated) message naming the allowed range, for the field or the file row."""
    low, high, unit = PLAUSIBLE_RANGES[measure]
    value = Decimal(str(value))
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    value = formats.localize(value)
    return _(
        "%(value)s %(unit)s is not possible (allowed %(low)s to %(high)s %(unit)s). "
        "This looks like a typing error: please check and enter it again."
    ) % {"value": value, "unit": unit, "low": low, "high": high}
