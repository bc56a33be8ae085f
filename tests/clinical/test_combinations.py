"""Impossible combinations of values entered together (clinical.combinations)."""

import pytest

from groepsconsult.clinical import implausible_combinations


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"systolic": 130, "diastolic": 80}, []),
        ({"systolic": 80, "diastolic": 130}, [("diastolic", "diastolic_not_below_systolic")]),
        ({"systolic": 90, "diastolic": 90}, [("diastolic", "diastolic_not_below_systolic")]),
        ({"hdl": 1.3, "total_cholesterol": 5.2}, []),
        ({"hdl": 5.2, "total_cholesterol": 1.3}, [("hdl", "hdl_not_below_total")]),
        ({"ldl": 6.0, "total_cholesterol": 5.0}, [("ldl", "ldl_not_below_total")]),
        ({"waist": 36}, [("waist", "waist_looks_like_inches")]),  # 36 inches = 91 cm
        ({"waist": 49.5}, [("waist", "waist_looks_like_inches")]),
        ({"waist": 50}, []),
        ({"waist": 52, "height": 180}, [("waist", "waist_looks_like_inches")]),  # ratio 0.29
        ({"waist": 55, "height": 180}, []),  # ratio 0.31
        ({"weight": 81, "height": 180, "bmi": 25.0}, []),
        ({"weight": 81, "height": 180, "bmi": 26.0}, []),  # within 1.0 of 25.0
        ({"weight": 81, "height": 180, "bmi": 52.0}, [("bmi", "bmi_disagrees")]),
        ({"bmi": 52.0, "weight": 81}, []),  # no height: nothing to compare
        ({"systolic": 120}, []),  # a lone value is never a combination
    ],
)
def test_implausible_combinations(values, expected):
    assert implausible_combinations(values) == expected


def test_several_problems_are_all_reported():
    values = {"systolic": 80, "diastolic": 120, "hdl": 6, "total_cholesterol": 5, "waist": 30}
    assert {field for field, _ in implausible_combinations(values)} == {
        "diastolic",
        "hdl",
        "waist",
    }
