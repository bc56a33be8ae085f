"""Plausible measurement values for synthetic participants: a baseline body with correlated
values, its change after six months, and the colour the rule set gives each value."""

from bisect import bisect
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate

from groepsconsult.clinical import PLAUSIBLE_RANGES
from groepsconsult.measurements.classify import classify
from groepsconsult.measurements.models import Measure
from groepsconsult.measurements.services import bmi_from

_REALISTIC = {
    "systolic": (90, 220),
    "diastolic": (50, 130),
    "pulse": (45, 130),
    "glucose": (3.5, 25),
    "total_cholesterol": (2.5, 11),
    "hdl": (0.5, 3.5),
    "waist": (55, 170),
}


def _clamp(value, measure):
    low, high, _unit = PLAUSIBLE_RANGES[measure]
    low, high = _REALISTIC.get(measure, (low, high))
    return min(max(value, low), high)


def baseline_body(rng, sex, age) -> dict:
    """Correlated values: BMI drives waist, blood pressure, glucose and HDL; age drives pressure."""
    male = sex == "male"
    bmi = min(max(rng.gauss(29, 5.5), 17), 55)
    height = rng.gauss(177 if male else 164, 7)
    diabetic = rng.random() < 0.12
    fasting = rng.random() < 0.3
    systolic = 100 + 0.55 * age + 0.9 * (bmi - 25) + rng.gauss(0, 14)
    return {
        "height": round(height),
        "weight": bmi * (height / 100) ** 2,
        "waist": (32 if male else 28) + (2.4 if male else 2.3) * bmi + rng.gauss(0, 6),
        "systolic": systolic,
        "diastolic": 0.45 * systolic + 22 + rng.gauss(0, 7),
        "pulse": rng.gauss(74, 10),
        "fasting": fasting,
        "glucose": (5.2 if fasting else 6.0)
        + 0.06 * (bmi - 25)
        + rng.gauss(0, 0.8)
        + (rng.gauss(3, 1.5) if diabetic else 0),
        "total_cholesterol": rng.gauss(5.3, 1.0),
        "hdl": rng.gauss(1.25 if male else 1.55, 0.35) - 0.02 * (bmi - 25),
    }


def improved_body(body, rng) -> dict:
    """Six months later: on average a little lighter, lower pressure and glucose."""
    shifts = {
        "weight": body["weight"] * rng.gauss(-0.015, 0.03),
        "waist": rng.gauss(-2, 3),
        "systolic": rng.gauss(-4, 10),
        "diastolic": rng.gauss(-2, 6),
        "pulse": rng.gauss(0, 6),
        "glucose": rng.gauss(-0.2, 0.7),
        "total_cholesterol": rng.gauss(-0.15, 0.5),
        "hdl": rng.gauss(0.03, 0.15),
    }
    return {**body, **{k: body[k] + v for k, v in shifts.items()}}


_DECIMALS = {"glucose": 1, "total_cholesterol": 1, "hdl": 1, "weight": 1}


def measurement_values(body, baseline) -> dict:
    measures = [
        Measure.SYSTOLIC,
        Measure.DIASTOLIC,
        Measure.PULSE,
        Measure.GLUCOSE,
        Measure.TOTAL_CHOLESTEROL,
        Measure.HDL,
        Measure.WEIGHT,
        Measure.WAIST,
    ] + ([Measure.HEIGHT] if baseline else [])
    values = {}
    for m in measures:
        places = _DECIMALS.get(m, 0)
        values[m] = Decimal(str(round(_clamp(body[m], m), places)))
    values[Measure.BMI] = bmi_from(values[Measure.WEIGHT], Decimal(body["height"]))
    return values


@lru_cache(maxsize=200_000)
def verdict(measure, value, partner, sex, fasting):
    """classify() for one value (blood pressure: the pair), remembered: values repeat a lot."""
    if measure in (Measure.SYSTOLIC, Measure.DIASTOLIC):
        pair = {measure: value, other_bp(measure): partner}
        return classify(pair, sex=sex)[measure]
    return classify({measure: value}, sex=sex, fasting=fasting)[measure]


def other_bp(measure):
    return Measure.DIASTOLIC if measure == Measure.SYSTOLIC else Measure.SYSTOLIC


_CUMULATIVE = {}


def pick(rng, weights: dict):
    """A key of `weights` drawn with its weight (like rng.choices, with the cumulative weights
    worked out once per constant table: this runs millions of times)."""
    found = _CUMULATIVE.get(id(weights))
    if found is None or found[3] is not weights:
        cumulative = list(accumulate(weights.values()))
        found = _CUMULATIVE[id(weights)] = (list(weights), cumulative, cumulative[-1], weights)
    keys, cumulative, total, _table = found
    return keys[bisect(cumulative, rng.random() * total)]
