"""Physically impossible combinations of values entered together at a station.

Each value can be plausible on its own (PLAUSIBLE_RANGES) and still be impossible next to the
other: a diastolic pressure at or above the systolic one, HDL or LDL at or above total
cholesterol, a waist that can only be inches, a BMI that does not follow from weight and height.
These are checks of physics and arithmetic, not clinical cut-offs, so they are code here rather
than rules in the versioned rule set. The station refuses such an entry with a message per field.
"""

from __future__ import annotations

from collections.abc import Mapping

# A waist below this many centimetres cannot be an adult's; a number this small is almost
# certainly inches (a 36-inch waist is 91 cm). Typing-error guard, not a clinical limit.
WAIST_INCHES_BELOW_CM = 50
# Waist-to-height ratios below this do not occur in adults (a 34-inch waist entered as 34 cm
# for someone of 170 cm gives 0.2); used only when the height is entered with the waist.
MIN_WAIST_TO_HEIGHT = 0.3
# A BMI typed next to weight and height must agree with them within this margin (kg/m²):
# scales round their own BMI, a swapped digit does not.
BMI_TOLERANCE = 1.0


def _both(values: Mapping[str, float], a: str, b: str) -> bool:
    return values.get(a) is not None and values.get(b) is not None


def _waist_looks_like_inches(values: Mapping[str, float]) -> bool:
    waist = values.get("waist")
    if waist is None:
        return False
    if waist < WAIST_INCHES_BELOW_CM:
        return True
    height = values.get("height")
    return height is not None and waist / height < MIN_WAIST_TO_HEIGHT


def _bmi_disagrees(values: Mapping[str, float]) -> bool:
    if not (_both(values, "bmi", "weight") and values.get("height") is not None):
        return False
    computed = values["weight"] / (values["height"] / 100) ** 2
    return abs(computed - values["bmi"]) > BMI_TOLERANCE


def implausible_combinations(values: Mapping[str, float]) -> list[tuple[str, str]]:
    """(field, problem code) for every impossible combination in ``values`` (measure -> number).

    Codes: "diastolic_not_below_systolic", "hdl_not_below_total", "ldl_not_below_total",
    "waist_looks_like_inches", "bmi_disagrees". Measures that are absent are not checked.
    """
    problems = []
    if _both(values, "systolic", "diastolic") and values["diastolic"] >= values["systolic"]:
        problems.append(("diastolic", "diastolic_not_below_systolic"))
    for part in ("hdl", "ldl"):
        if _both(values, part, "total_cholesterol") and values[part] >= values["total_cholesterol"]:
            problems.append((part, f"{part}_not_below_total"))
    if _waist_looks_like_inches(values):
        problems.append(("waist", "waist_looks_like_inches"))
    if _bmi_disagrees(values):
        problems.append(("bmi", "bmi_disagrees"))
    return problems
