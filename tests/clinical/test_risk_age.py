"""SCORE2 risk age ("hartleeftijd") and when it may be shown (clinical.md §3.5)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groepsconsult.clinical import heart_age_applicability, risk_age, score2

# Hand-derived from the low-region riskage1 fits in skkceu/stata score2risk.ado
# (men 31.8020 + 17.0321 ln p + 0.1062 p; women 42.2955 + 14.4114 ln p + 0.0885 p),
# with ln 5 = 1.609438 and ln 10 = 2.302585:
HAND_DERIVED = [
    # men, p = 1:  31.8020 + 0 + 0.1062                          = 31.9082 -> 31.9
    ("male", 1, 31.9),
    # men, p = 5:  31.8020 + 17.0321 * 1.609438 (27.4121) + 0.531 = 59.7451 -> 59.7
    ("male", 5, 59.7),
    # men, p = 10: 31.8020 + 17.0321 * 2.302585 (39.2179) + 1.062 = 72.0819 -> 72.1
    ("male", 10, 72.1),
    # women, p = 1:  42.2955 + 0 + 0.0885                            = 42.3840 -> 42.4
    ("female", 1, 42.4),
    # women, p = 5:  42.2955 + 14.4114 * 1.609438 (23.1942) + 0.4425 = 65.9323 -> 65.9
    ("female", 5, 65.9),
    # women, p = 10: 42.2955 + 14.4114 * 2.302585 (33.1835) + 0.885  = 76.3640 -> 76.4
    ("female", 10, 76.4),
]


@pytest.mark.parametrize(("sex", "risk", "expected"), HAND_DERIVED)
def test_risk_age_matches_hand_derived_points(sex, risk, expected):
    assert risk_age(sex=sex, risk_percent=risk) == expected


def test_risk_age_is_clipped_at_zero_like_the_authors_code():
    # men, p = 0.1: 31.8020 + 17.0321 * -2.302585 + 0.0106 = -7.41, clipped to 0 (score2risk.ado).
    assert risk_age(sex="male", risk_percent=0.1) == 0.0


def test_risk_age_of_the_ideal_profile_is_close_to_calendar_age():
    # The fit was made for the ideal profile (non-smoker, SBP 135, TC 4.7/HDL 1.3 for men,
    # TC 4.9/HDL 1.5 for women); clinical.md §3.5 reports agreement to about 0.1 year.
    ideal = {"male": (4.7, 1.3), "female": (4.9, 1.5)}
    for sex, (tc, hdl) in ideal.items():
        for age in range(40, 70):
            risk = score2(age=age, sex=sex, smoker=False, sbp=135, total_chol=tc, hdl=hdl)
            assert risk_age(sex=sex, risk_percent=risk) == pytest.approx(age, abs=0.25)


@settings(max_examples=200, database=None, deadline=None)
@given(
    sex=st.sampled_from(["male", "female"]),
    risks=st.tuples(st.floats(0.01, 100), st.floats(0.01, 100)),
)
def test_risk_age_is_non_decreasing_in_risk(sex, risks):
    low, high = sorted(risks)
    assert risk_age(sex=sex, risk_percent=low) <= risk_age(sex=sex, risk_percent=high)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sex": "male", "risk_percent": 0}, "risk_percent must be greater than 0"),
        ({"sex": "male", "risk_percent": -1}, "risk_percent must be between 0 and 100"),
        ({"sex": "male", "risk_percent": 100.5}, "risk_percent must be between 0 and 100"),
        ({"sex": "male", "risk_percent": True}, "risk_percent must be a number"),
        ({"sex": "man", "risk_percent": 5}, "sex must be one of 'male', 'female'"),
    ],
)
def test_risk_age_rejects_invalid_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        risk_age(**kwargs)


@pytest.mark.parametrize(
    ("age", "diabetes", "known_cvd", "expected"),
    [
        (40, False, False, None),
        (55, False, False, None),
        (69, False, False, None),
        (69.9, False, False, None),
        (39.9, False, False, "age_out_of_range"),
        (70, False, False, "age_out_of_range"),
        (80, False, False, "age_out_of_range"),
        (55, True, False, "diabetes"),
        (55, False, True, "known_cvd"),
        # Several reasons: the first in the documented order wins.
        (75, True, True, "age_out_of_range"),
        (55, True, True, "diabetes"),
    ],
)
def test_heart_age_applicability(age, diabetes, known_cvd, expected):
    assert heart_age_applicability(age=age, diabetes=diabetes, known_cvd=known_cvd) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"age": 55, "diabetes": 0, "known_cvd": False}, "diabetes must be True or False"),
        ({"age": 55, "diabetes": False, "known_cvd": None}, "known_cvd must be True or False"),
        ({"age": -1, "diabetes": False, "known_cvd": False}, "age must be between 0 and 130"),
        ({"age": "55", "diabetes": False, "known_cvd": False}, "age must be a number"),
    ],
)
def test_heart_age_applicability_rejects_invalid_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        heart_age_applicability(**kwargs)
