"""Booklet traffic lights from the versioned rule set (boundaries from clinical.md §1.7)."""

import ast
import dataclasses
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from groepsconsult.clinical import (
    PLAUSIBLE_RANGES,
    Light,
    alarm_reasons,
    check_plausible,
    load_ruleset,
    risk_category,
    traffic_light,
)

MEASURE_CODES = {
    "glucose_fasting", "glucose_nonfasting", "hba1c", "bp", "bmi", "waist", "total_cholesterol",
    "ldl", "hdl", "visceral_fat_level", "score2", "findrisc",
}  # fmt: skip


def colour(measure, value, **kwargs):
    return traffic_light(measure, value, **kwargs).colour


# Single-value measures, boundaries from clinical.md §1.7; classified on the unrounded value.
BOUNDARIES = {
    "glucose_fasting": "6.0 green, 6.09 green, 6.1 orange, 6.99 orange, 7.0 red",
    "glucose_nonfasting": "7.7 green, 7.8 orange, 11.0 orange, 11.1 red, 12.4 red",
    "hba1c": "41 green, 41.9 green, 42 orange, 47.9 orange, 48 red",
    "bmi": "18.4 orange, 18.5 green, 24.99 green, 25 orange, 29.9 orange, 30 red",
    "ldl": "2.5 green, 2.51 orange, 9 orange",  # no red: the TC/FH rule covers it
    "visceral_fat_level": "10 green, 10.5 orange, 11 orange",
    "findrisc": "0 green, 6 green, 7 orange, 14 orange, 15 red",
}


@pytest.mark.parametrize(
    ("measure", "value", "expected"),
    [
        (measure, float(case.split()[0]), case.split()[1])
        for measure, cases in BOUNDARIES.items()
        for case in cases.split(", ")
    ],
)
def test_single_value_boundaries(measure, value, expected):
    assert colour(measure, value) == expected


@pytest.mark.parametrize(
    ("value", "fasting", "expected"),
    [(6.0, True, "green"), (6.1, True, "orange"), (7.0, True, "red"), (12.4, False, "red")],
)
def test_glucose_picks_the_rule_by_fasting_status(value, fasting, expected):
    assert colour("glucose", value, fasting=fasting) == expected


def test_glucose_records_which_rule_was_used():
    assert traffic_light("glucose", 6.5, fasting=True).measure == "glucose_fasting"
    assert traffic_light("glucose", 6.5, fasting=False).measure == "glucose_nonfasting"


def test_glucose_requires_consistent_fasting_status():
    with pytest.raises(ValueError, match="fasting must be True or False for measure 'glucose'"):
        traffic_light("glucose", 6.5)
    with pytest.raises(ValueError, match="fasting must be True or False"):
        traffic_light("glucose", 6.5, fasting="yes")
    with pytest.raises(ValueError, match="contradicts measure 'glucose_fasting'"):
        traffic_light("glucose_fasting", 6.5, fasting=False)


def test_hba1c_is_marked_unverified():
    # The 42-47 band is [U] in clinical.md, so the whole rule shows 'to be confirmed'.
    assert traffic_light("hba1c", 48).verified is False


@pytest.mark.parametrize(
    ("systolic", "diastolic", "expected"),
    [
        (129, 84, "green"),
        (130, 80, "orange"),
        (120, 85, "orange"),
        (139, 89, "orange"),
        (140, 70, "red"),
        (120, 90, "red"),
        (129.9, 84.9, "green"),
    ],
)
def test_blood_pressure_takes_the_worse_of_systolic_and_diastolic(systolic, diastolic, expected):
    assert colour("bp", systolic, diastolic=diastolic) == expected


@pytest.mark.parametrize(
    ("systolic", "urgent"), [(179, False), (179.9, False), (180, True), (186, True)]
)
def test_blood_pressure_urgent_from_systolic_180(systolic, urgent):
    light = traffic_light("bp", systolic, diastolic=95)
    assert light.colour == "red"
    assert light.urgent is urgent


def test_diastolic_is_required_for_bp_and_refused_elsewhere():
    with pytest.raises(ValueError, match="diastolic is required for measure 'bp'"):
        traffic_light("bp", 130)
    with pytest.raises(ValueError, match="diastolic only applies to measure 'bp'"):
        traffic_light("bmi", 24, diastolic=80)


@pytest.mark.parametrize(
    ("sex", "value", "expected"),
    [
        ("female", 79.9, "green"),
        ("female", 80, "orange"),
        ("female", 88, "orange"),
        ("female", 88.1, "red"),
        ("male", 93.9, "green"),
        ("male", 94, "orange"),
        ("male", 102, "orange"),
        ("male", 102.5, "red"),
        ("female", 90, "red"),
        ("male", 90, "green"),
    ],
)
def test_waist_is_sex_specific(sex, value, expected):
    assert colour("waist", value, sex=sex) == expected


@pytest.mark.parametrize(
    ("sex", "value", "expected"),
    [
        ("male", 1.0, "green"),
        ("male", 0.99, "orange"),
        ("female", 1.1, "orange"),
        ("female", 1.19, "orange"),
        ("female", 1.2, "green"),
    ],
)
def test_hdl_is_sex_specific_without_red(sex, value, expected):
    assert colour("hdl", value, sex=sex) == expected
    assert colour("hdl", 0.3, sex=sex) == "orange"


@pytest.mark.parametrize("measure", ["waist", "hdl"])
def test_sex_specific_measures_need_a_valid_sex(measure):
    with pytest.raises(ValueError, match=f"sex is required for measure '{measure}'"):
        traffic_light(measure, 1.1 if measure == "hdl" else 90)
    with pytest.raises(ValueError, match="sex must be one of 'male', 'female'"):
        traffic_light(measure, 1.1 if measure == "hdl" else 90, sex="M")


@pytest.mark.parametrize(
    ("value", "expected", "fh_hint"),
    [
        (4.9, "green", False),
        (5.0, "orange", False),
        (6.4, "orange", False),
        (6.49, "orange", False),
        (6.5, "red", False),
        (8.0, "red", False),
        (8.1, "red", True),
    ],
)
def test_total_cholesterol_with_fh_hint_above_8(value, expected, fh_hint):
    light = traffic_light("total_cholesterol", value)
    assert (light.colour, light.fh_hint, light.urgent) == (expected, fh_hint, False)


@pytest.mark.parametrize(("measure", "value"), [("fat_percent", 35), ("muscle_mass", 30)])
def test_body_composition_has_no_colour(measure, value):
    light = traffic_light(measure, value)
    assert (light.colour, light.retest_advised) == ("none", False)


@pytest.mark.parametrize(
    ("age", "risk", "expected"),
    [
        (45, 2.4, "green"),
        (45, 2.5, "orange"),
        (45, 7.5, "red"),
        (55, 4.9, "green"),
        (55, 5.0, "orange"),
        (55, 10.0, "red"),
        (75, 7.4, "green"),
        (75, 7.5, "orange"),
        (75, 15.0, "red"),
    ],
)
def test_score2_uses_esc_age_bands(age, risk, expected):
    light = traffic_light("score2", risk, age=age)
    assert light.colour == expected
    # Stand-in for the unverified Dutch CVRM cut-offs: shown as 'to be confirmed'.
    assert light.verified is False


def test_score2_rule_agrees_with_risk_category():
    as_colour = {"low_moderate": "green", "high": "orange", "very_high": "red"}
    for age in (40, 49, 49.9, 50, 60, 69, 69.9, 70, 80, 89):
        for tenths in range(0, 250):
            risk = tenths / 10
            expected = as_colour[risk_category(age=age, risk_percent=risk)]
            assert colour("score2", risk, age=age) == expected, (age, risk)


def test_score2_needs_age_in_model_range():
    with pytest.raises(ValueError, match="age is required for measure 'score2'"):
        traffic_light("score2", 5.0)
    with pytest.raises(ValueError, match="age must be between 40 and 89"):
        traffic_light("score2", 5.0, age=35)


def test_findrisc_points_must_be_whole():
    with pytest.raises(ValueError, match="whole number of FINDRISC points"):
        traffic_light("findrisc", 7.5)


@pytest.mark.parametrize(
    ("measure", "value", "kwargs", "retest"),
    [
        ("glucose_fasting", 5.0, {}, False),
        ("glucose_fasting", 6.5, {}, True),
        ("glucose_fasting", 8.0, {}, True),
        ("bp", 120, {"diastolic": 80}, False),
        ("bp", 150, {"diastolic": 80}, True),
    ],
)
def test_retest_advised_for_orange_and_red(measure, value, kwargs, retest):
    assert traffic_light(measure, value, **kwargs).retest_advised is retest


def test_ruleset_version_is_recorded():
    light = traffic_light("bmi", 27)
    assert light == Light(
        colour="orange",
        urgent=False,
        fh_hint=False,
        low=False,
        retest_advised=True,
        measure="bmi",
        ruleset_version="nl-2026.2",
        verified=True,
    )


def test_ruleset_can_be_named_or_passed_loaded():
    loaded = load_ruleset("nl-2026.1")
    assert load_ruleset("nl-2026.1") is loaded
    assert traffic_light("bmi", 27, ruleset="nl-2026.1").ruleset_version == "nl-2026.1"
    assert traffic_light("bmi", 27, ruleset=loaded).ruleset_version == "nl-2026.1"


@pytest.mark.parametrize("version", ["nl-1999.1", "../rulesets/nl-2026.1", "nl-2026.1.json", 7])
def test_unknown_or_malformed_ruleset_is_rejected(version):
    with pytest.raises(ValueError, match="ruleset version"):
        load_ruleset(version)
    with pytest.raises(ValueError, match="ruleset"):
        traffic_light("bmi", 27, ruleset=version)


@pytest.mark.parametrize("measure", ["cholesterol", "Glucose", "BMI", "", None])
def test_unknown_measure_is_rejected(measure):
    with pytest.raises(ValueError, match="unknown measure"):
        traffic_light(measure, 5.0)


@pytest.mark.parametrize(
    ("measure", "value", "kwargs", "message"),
    [
        ("glucose_fasting", 45, {}, "glucose_fasting value must be between 1 and 40 mmol/l"),
        ("bp", 400, {"diastolic": 80}, r"bp value \(systolic\) must be between 50 and 300 mmHg"),
        ("bp", 120, {"diastolic": 20}, "diastolic must be between 30 and 200 mmHg"),
        ("total_cholesterol", -1, {}, "between 1 and 20 mmol/l"),
        ("bmi", "27", {}, "bmi value must be a number"),
        ("bmi", True, {}, "bmi value must be a number"),
        ("score2", 120, {"age": 50}, "score2 value must be between 0 and 100 %"),
    ],
)
def test_implausible_values_are_rejected(measure, value, kwargs, message):
    with pytest.raises(ValueError, match=message):
        traffic_light(measure, value, **kwargs)


def test_decimal_values_from_the_database_are_classified_unrounded():
    assert colour("glucose_fasting", Decimal("6.1")) == "orange"
    assert colour("glucose_fasting", Decimal("6.0999")) == "green"


def test_light_is_frozen():
    light = traffic_light("bmi", 22)
    with pytest.raises(dataclasses.FrozenInstanceError):
        light.colour = "red"  # type: ignore[misc]


# --- Alarm codes ---


@pytest.mark.parametrize(
    ("measure", "value", "kwargs", "expected"),
    [
        ("bp", 179, {"diastolic": 100}, []),
        ("bp", 180, {"diastolic": 100}, ["sbp_urgent"]),
        ("total_cholesterol", 8.0, {}, []),
        ("total_cholesterol", 8.01, {}, ["tc_very_high"]),
        ("glucose", 6.9, {"fasting": True}, []),
        ("glucose", 7.0, {"fasting": True}, ["glucose_diabetes_range"]),
        ("glucose", 11.0, {"fasting": False}, []),
        ("glucose", 11.1, {"fasting": False}, ["glucose_diabetes_range"]),
        ("glucose_nonfasting", 15, {}, ["glucose_diabetes_range"]),
        ("bmi", 45, {}, []),
    ],
)
def test_alarm_reasons(measure, value, kwargs, expected):
    assert alarm_reasons(measure, value, **kwargs) == expected


def test_alarm_reasons_rejects_unknown_measure():
    with pytest.raises(ValueError, match="unknown measure"):
        alarm_reasons("sbp", 190)


def test_ruleset_has_every_measure_with_source_and_verified_flag():
    rs = load_ruleset()
    assert rs.version == "nl-2026.2"
    assert set(rs.measures) >= MEASURE_CODES
    for rule in rs.measures.values():
        assert rule.source.strip()
        assert isinstance(rule.verified, bool)


# nl-2026.2: low values get their own rule (orange plus an alarm), never green.
@pytest.mark.parametrize(
    ("measure", "value", "kwargs", "expected", "alarms"),
    [
        ("glucose", 3.4, {"fasting": True}, "orange", ["glucose_low"]),
        ("glucose", 3.5, {"fasting": True}, "orange", []),
        ("glucose", 3.99, {"fasting": False}, "orange", []),
        ("glucose", 4.0, {"fasting": True}, "green", []),
        ("glucose", 2.1, {"fasting": False}, "orange", ["glucose_low"]),
        ("bp", 89, {"diastolic": 58}, "orange", ["sbp_low", "dbp_low"]),
        ("bp", 90, {"diastolic": 60}, "green", []),
        ("bp", 110, {"diastolic": 59}, "orange", ["dbp_low"]),
    ],
)
def test_low_values_have_their_own_rule(measure, value, kwargs, expected, alarms):
    light = traffic_light(measure, value, **kwargs)
    assert light.colour == expected
    assert light.low is bool(alarms)
    assert alarm_reasons(measure, value, **kwargs) == alarms


def test_previous_ruleset_still_explains_stored_colours():
    # Stored results keep their version: nl-2026.1 still colours a low glucose green.
    assert traffic_light("glucose", 3.2, fasting=True, ruleset="nl-2026.1").colour == "green"
    assert traffic_light("glucose", 3.2, fasting=True).colour == "orange"


def test_unverified_rules_are_exactly_the_u_tagged_ones():
    unverified = {code for code, rule in load_ruleset().measures.items() if not rule.verified}
    assert unverified == {"hba1c", "score2"}


# Plausibility: expected (min, max, unit) from the brief, for typing-error rejection.
EXPECTED_RANGES = {
    "systolic": (50, 300, "mmHg"), "diastolic": (30, 200, "mmHg"), "glucose": (1, 40, "mmol/l"),
    "total_cholesterol": (1, 20, "mmol/l"), "hdl": (0.1, 5, "mmol/l"), "ldl": (0.1, 15, "mmol/l"),
    "hba1c": (15, 200, "mmol/mol"), "weight": (25, 350, "kg"), "height": (100, 230, "cm"),
    "waist": (40, 250, "cm"), "bmi": (10, 90, "kg/m2"), "fat_percent": (2, 75, "%"),
    "visceral_fat_level": (1, 30, "level"), "muscle_mass": (5, 100, "kg"),
    "pulse": (25, 250, "/min"),
}  # fmt: skip


def test_plausible_ranges():
    assert PLAUSIBLE_RANGES == EXPECTED_RANGES


@pytest.mark.parametrize(("measure", "expected"), EXPECTED_RANGES.items())
def test_check_plausible_accepts_bounds_and_rejects_beyond(measure, expected):
    low, high, unit = expected
    assert check_plausible(measure, low) == low
    assert check_plausible(measure, high) == high
    for wrong in (low - 0.01, high + 0.01):
        with pytest.raises(ValueError, match=f"{measure} must be between .* {unit}.*typing error"):
            check_plausible(measure, wrong)


@pytest.mark.parametrize(
    ("measure", "value", "message"),
    [
        ("temperature", 37, "measure must be one of"),
        ("weight", "80", "weight must be a number"),
        ("weight", float("nan"), "weight must be a finite number"),
        ("pulse", False, "pulse must be a number"),
    ],
)
def test_check_plausible_rejects_bad_input(measure, value, message):
    with pytest.raises(ValueError, match=message):
        check_plausible(measure, value)


def test_clinical_package_imports_only_the_standard_library():
    import groepsconsult.clinical as clinical

    package_dir = Path(clinical.__file__).parent
    for module in package_dir.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue  # relative imports stay inside the package
            for name in names:
                top = name.split(".")[0]
                assert top == "__future__" or top in sys.stdlib_module_names, (module.name, name)
