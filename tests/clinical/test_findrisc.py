"""FINDRISC, original form (clinical.md §4; form text at webdisplay.be/seha-epoint/Q.html)."""

import dataclasses

import pytest

from groepsconsult.clinical import FindriscResult, findrisc
from groepsconsult.clinical.findrisc import findrisc_category

# A profile that scores 0 on every item: every test changes one or more answers from here.
ZERO = {
    "age": 40,
    "bmi": 22.0,
    "waist_cm": 70.0,
    "sex": "female",
    "active_30min_daily": True,
    "veg_fruit_daily": True,
    "bp_medication": False,
    "high_glucose_history": False,
    "family_history": "none",
}


def points(**changes):
    return findrisc(**{**ZERO, **changes}).points


def test_zero_profile_scores_zero_and_low():
    assert findrisc(**ZERO) == FindriscResult(points=0, category="low", version="FINDRISC-original")


@pytest.mark.parametrize(
    ("age", "expected"),
    [(18, 0), (44, 0), (44.9, 0), (45, 2), (54, 2), (55, 3), (64, 3), (65, 4), (90, 4)],
)
def test_age_bands(age, expected):
    # Original form: under 45 -> 0, 45-54 -> 2, 55-64 -> 3, over 64 -> 4. The FINDRISK variant
    # would give 1 point at 35-44; the original gives 0.
    assert points(age=age) == expected


@pytest.mark.parametrize(
    ("bmi", "expected"), [(24.9, 0), (25, 1), (27.5, 1), (30, 1), (30.1, 3), (45, 3)]
)
def test_bmi_bands(bmi, expected):
    # Lower than 25 -> 0; 25-30 -> 1; higher than 30 -> 3.
    assert points(bmi=bmi) == expected


@pytest.mark.parametrize(
    ("sex", "waist", "expected"),
    [
        ("male", 93.9, 0),
        ("male", 94, 3),
        ("male", 102, 3),
        ("male", 102.1, 4),
        ("female", 79.9, 0),
        ("female", 80, 3),
        ("female", 88, 3),
        ("female", 88.1, 4),
        # Same waist, different sex: 90 cm is "less than 94" for men, "more than 88" for women.
        ("male", 90, 0),
        ("female", 90, 4),
    ],
)
def test_waist_bands_are_sex_specific(sex, waist, expected):
    assert points(sex=sex, waist_cm=waist) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"active_30min_daily": False}, 2),
        ({"veg_fruit_daily": False}, 1),  # the FINDRISK variant would give 2
        ({"bp_medication": True}, 2),
        ({"high_glucose_history": True}, 5),
        ({"family_history": "second_degree"}, 3),
        ({"family_history": "first_degree"}, 5),
    ],
)
def test_yes_no_and_family_items(changes, expected):
    assert points(**changes) == expected


# Worked examples across every category boundary: < 7 low, 7-11 slightly raised, 12-14
# moderate, 15-20 high, > 20 very high. Item points are spelled out per example.
WORKED_EXAMPLES = [
    # age 45 (2) + BMI 25 (1) + female waist 80 (3) = 6
    ({"age": 45, "bmi": 25, "waist_cm": 80}, 6, "low"),
    # same + vegetables not daily (1) = 7
    ({"age": 45, "bmi": 25, "waist_cm": 80, "veg_fruit_daily": False}, 7, "slightly_raised"),
    # age 65 (4) + BMI 31 (3) + inactive (2) + BP medication (2) = 11
    (
        {"age": 65, "bmi": 31, "active_30min_daily": False, "bp_medication": True},
        11,
        "slightly_raised",
    ),
    # same + vegetables not daily (1) = 12
    (
        {
            "age": 65,
            "bmi": 31,
            "active_30min_daily": False,
            "bp_medication": True,
            "veg_fruit_daily": False,
        },
        12,
        "moderate",
    ),
    # age 65 (4) + high glucose (5) + parent with diabetes (5) = 14
    (
        {"age": 65, "high_glucose_history": True, "family_history": "first_degree"},
        14,
        "moderate",
    ),
    # same + BMI 25 (1) = 15
    (
        {"age": 65, "bmi": 25, "high_glucose_history": True, "family_history": "first_degree"},
        15,
        "high",
    ),
    # man: age 55 (3) + BMI 31 (3) + waist 103 (4) + inactive (2) + veg (1) + BP med (2)
    # + parent (5) = 20
    (
        {
            "sex": "male",
            "age": 55,
            "bmi": 31,
            "waist_cm": 103,
            "active_30min_daily": False,
            "veg_fruit_daily": False,
            "bp_medication": True,
            "family_history": "first_degree",
        },
        20,
        "high",
    ),
    # same at age 65 (4 instead of 3) = 21
    (
        {
            "sex": "male",
            "age": 65,
            "bmi": 31,
            "waist_cm": 103,
            "active_30min_daily": False,
            "veg_fruit_daily": False,
            "bp_medication": True,
            "family_history": "first_degree",
        },
        21,
        "very_high",
    ),
    # every item at its maximum: 4 + 3 + 4 + 2 + 1 + 2 + 5 + 5 = 26
    (
        {
            "age": 70,
            "bmi": 35,
            "waist_cm": 95,
            "active_30min_daily": False,
            "veg_fruit_daily": False,
            "bp_medication": True,
            "high_glucose_history": True,
            "family_history": "first_degree",
        },
        26,
        "very_high",
    ),
]


@pytest.mark.parametrize(("changes", "total", "category"), WORKED_EXAMPLES)
def test_worked_examples(changes, total, category):
    result = findrisc(**{**ZERO, **changes})
    assert (result.points, result.category) == (total, category)
    assert result.version == "FINDRISC-original"


@pytest.mark.parametrize(
    ("total", "category"),
    [
        (0, "low"),
        (6, "low"),
        (7, "slightly_raised"),
        (11, "slightly_raised"),
        (12, "moderate"),
        (14, "moderate"),
        (15, "high"),
        (20, "high"),
        (21, "very_high"),
        (26, "very_high"),
    ],
)
def test_category_boundaries(total, category):
    assert findrisc_category(total) == category


@pytest.mark.parametrize("total", [-1, 27, 7.0, True, "7"])
def test_category_rejects_impossible_totals(total):
    with pytest.raises(ValueError, match="points must be"):
        findrisc_category(total)


def test_result_is_frozen():
    result = findrisc(**ZERO)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.points = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"age": 17}, "age must be between 18 and 120 years"),
        ({"bmi": 5}, "bmi must be between 10 and 90"),
        ({"waist_cm": 30}, "waist_cm must be between 40 and 250 cm"),
        ({"age": True}, "age must be a number"),
        ({"sex": "f"}, "sex must be one of 'male', 'female'"),
        ({"family_history": "parent"}, "family_history must be one of 'none', 'second_degree'"),
        ({"veg_fruit_daily": "yes"}, "veg_fruit_daily must be True or False"),
        ({"active_30min_daily": 1}, "active_30min_daily must be True or False"),
        ({"bp_medication": None}, "bp_medication must be True or False"),
        ({"high_glucose_history": 0}, "high_glucose_history must be True or False"),
    ],
)
def test_invalid_input_is_rejected_with_a_clear_message(changes, message):
    with pytest.raises(ValueError, match=message):
        findrisc(**{**ZERO, **changes})


def test_findrisc_takes_keyword_arguments_only():
    with pytest.raises(TypeError):
        findrisc(40, 22.0, 70.0, "female", True, True, False, False, "none")  # type: ignore[misc]
