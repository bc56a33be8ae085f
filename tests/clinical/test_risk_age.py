"""SCORE2 risk age ("hartleeftijd") and when it may be shown (clinical.md §3.5)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groepsconsult.clinical import heart_age_applicability, risk_age, score2, score2_applicability

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
    # risk_age is unrounded; the hand derivation printed one decimal.
    assert round(risk_age(sex=sex, risk_percent=risk), 1) == expected


def test_risk_age_is_unrounded_and_takes_the_unrounded_risk():
    # clinical.md §3.2 "Round once, at display": score2() and risk_age() both return unrounded
    # numbers. Feeding a risk rounded to 2 decimals moves a very low-risk age visibly.
    risk = score2(age=40, sex="female", smoker=False, sbp=110, total_chol=4.0, hdl=1.9)
    assert risk != round(risk, 2)  # score2 no longer rounds
    exact = risk_age(sex="female", risk_percent=risk)
    assert exact != round(exact, 1)  # risk_age no longer rounds
    from_rounded = risk_age(sex="female", risk_percent=round(risk, 2))
    # ln p is steep at low risk: a rounding of at most 0.005 point shifts the age measurably.
    assert abs(exact - from_rounded) > 0.01
    # One rounding, at display, of the value computed from the unrounded risk.
    assert f"{exact:.0f}" == f"{round(exact):d}"


def test_risk_age_is_clipped_at_zero_like_the_authors_code():
    # men, p = 0.1: 31.8020 + 17.0321 * -2.302585 + 0.0106 = -7.41, clipped to 0 (score2risk.ado).
    assert risk_age(sex="male", risk_percent=0.1) == 0.0  # exactly 0, not a rounded value


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


NONE = {"diabetes": False, "known_cvd": False, "ckd": False, "fh": False}


@pytest.mark.parametrize(
    ("age", "conditions", "expected"),
    [
        (40, {}, None),
        (55, {}, None),
        (69, {}, None),
        (69.9, {}, None),
        (39.9, {}, "age_out_of_range"),
        (70, {}, "age_out_of_range"),
        (80, {}, "age_out_of_range"),
        (55, {"diabetes": True}, "diabetes"),
        (55, {"known_cvd": True}, "known_cvd"),
        (55, {"ckd": True}, "ckd"),
        (55, {"fh": True}, "fh"),
        # Several reasons: the first in the documented order wins.
        (75, {"diabetes": True, "known_cvd": True}, "age_out_of_range"),
        (55, {"diabetes": True, "known_cvd": True}, "diabetes"),
        (55, {"ckd": True, "fh": True}, "ckd"),
    ],
)
def test_heart_age_applicability(age, conditions, expected):
    assert heart_age_applicability(age=age, **{**NONE, **conditions}) == expected


@pytest.mark.parametrize(
    ("age", "conditions", "expected"),
    [
        (75, {}, None),  # SCORE2-OP: a risk is shown up to 89, a heart age is not
        (89, {}, None),
        (90, {}, "age_out_of_range"),
        (39, {}, "age_out_of_range"),
        (75, {"ckd": True}, "ckd"),
        (45, {"fh": True}, "fh"),
    ],
)
def test_score2_applicability(age, conditions, expected):
    assert score2_applicability(age=age, **{**NONE, **conditions}) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"diabetes": 0}, "diabetes must be True or False"),
        ({"known_cvd": None}, "known_cvd must be True or False"),
        ({"ckd": None}, "ckd must be True or False"),
        ({"fh": "no"}, "fh must be True or False"),
        ({"age": -1}, "age must be between 0 and 130"),
        ({"age": "55"}, "age must be a number"),
    ],
)
def test_heart_age_applicability_rejects_invalid_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        heart_age_applicability(**{"age": 55, **NONE, **kwargs})
