"""FINDRISC, the Finnish type 2 diabetes risk score (Lindström & Tuomilehto), ORIGINAL form.

Pinned to the original paper form (clinical.md §4, [V, S22]): it is easy to mix up with the
"FINDRISK" variant, which scores age 35-44 as 1 and fruit/vegetables not daily as 2 and so gives
different totals for the same answers. The version string travels with every result so a stored
score can always be traced to the form that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .score2 import SEXES, require_bool, require_choice, require_number

FINDRISC_VERSION = "FINDRISC-original"

FAMILY_HISTORY_CHOICES = ("none", "second_degree", "first_degree")

# Points per item, original form. Bands read "upper bound inclusive?" exactly as printed:
# "94-102 cm" includes 102, "more than 102" starts above it; "25-30" includes 30.
_AGE_POINTS = ((45, 0), (55, 2), (65, 3))  # (age below, points); 65 and older: 4
_AGE_POINTS_OLDEST = 4
_BMI_POINTS = ((25, False, 0), (30, True, 1))  # (limit, inclusive, points); above 30: 3
_BMI_POINTS_HIGHEST = 3
_WAIST_POINTS = {
    "male": ((94, False, 0), (102, True, 3)),
    "female": ((80, False, 0), (88, True, 3)),
}
_WAIST_POINTS_HIGHEST = 4
_INACTIVE_POINTS = 2
_NO_DAILY_VEG_FRUIT_POINTS = 1
_BP_MEDICATION_POINTS = 2
_HIGH_GLUCOSE_POINTS = 5
_FAMILY_HISTORY_POINTS = {"none": 0, "second_degree": 3, "first_degree": 5}

# Total score -> 10-year risk category: (highest score in band, category).
_CATEGORIES = (
    (6, "low"),  # < 7: about 1 in 100
    (11, "slightly_raised"),  # 7-11: 1 in 25
    (14, "moderate"),  # 12-14: 1 in 6
    (20, "high"),  # 15-20: 1 in 3
    (26, "very_high"),  # > 20: 1 in 2
)
MAX_POINTS = 26

# Plausible inputs; FINDRISC was developed in adults. Wide enough for any real person.
_AGE_RANGE = (18, 120)
_BMI_RANGE = (10, 90)
_WAIST_RANGE = (40, 250)


@dataclass(frozen=True, slots=True)
class FindriscResult:
    points: int
    category: str  # "low", "slightly_raised", "moderate", "high", "very_high"
    version: str = FINDRISC_VERSION


def _banded(value: float, bands: tuple[tuple[float, bool, int], ...], highest: int) -> int:
    for limit, inclusive, points in bands:
        if value < limit or (inclusive and value == limit):
            return points
    return highest


def findrisc_category(points: int) -> str:
    """Category for a total FINDRISC score (0-26)."""
    if isinstance(points, bool) or not isinstance(points, int):
        raise ValueError(f"points must be a whole number, got {points!r}")
    if not 0 <= points <= MAX_POINTS:
        raise ValueError(f"points must be between 0 and {MAX_POINTS}, got {points!r}")
    for highest, category in _CATEGORIES:
        if points <= highest:
            return category
    raise AssertionError("_CATEGORIES must end at MAX_POINTS")


def findrisc(
    *,
    age: float,
    bmi: float,
    waist_cm: float,
    sex: str,
    active_30min_daily: bool,
    veg_fruit_daily: bool,
    bp_medication: bool,
    high_glucose_history: bool,
    family_history: str,
) -> FindriscResult:
    """Score the original FINDRISC form.

    ``age`` in years, ``bmi`` in kg/m², ``waist_cm`` in cm; ``family_history`` is "none",
    "second_degree" (grandparent, aunt, uncle, first cousin) or "first_degree" (parent,
    sibling, own child).
    """
    age_f = require_number("age", age, *_AGE_RANGE, unit="years")
    bmi_f = require_number("bmi", bmi, *_BMI_RANGE, unit="kg/m²")
    waist_f = require_number("waist_cm", waist_cm, *_WAIST_RANGE, unit="cm")
    sex = require_choice("sex", sex, SEXES)
    active = require_bool("active_30min_daily", active_30min_daily)
    veg_fruit = require_bool("veg_fruit_daily", veg_fruit_daily)
    bp_med = require_bool("bp_medication", bp_medication)
    high_glucose = require_bool("high_glucose_history", high_glucose_history)
    family = require_choice("family_history", family_history, FAMILY_HISTORY_CHOICES)

    points = next((p for below, p in _AGE_POINTS if age_f < below), _AGE_POINTS_OLDEST)
    points += _banded(bmi_f, _BMI_POINTS, _BMI_POINTS_HIGHEST)
    points += _banded(waist_f, _WAIST_POINTS[sex], _WAIST_POINTS_HIGHEST)
    points += 0 if active else _INACTIVE_POINTS
    points += 0 if veg_fruit else _NO_DAILY_VEG_FRUIT_POINTS
    points += _BP_MEDICATION_POINTS if bp_med else 0
    points += _HIGH_GLUCOSE_POINTS if high_glucose else 0
    points += _FAMILY_HISTORY_POINTS[family]
    return FindriscResult(points=points, category=findrisc_category(points))
