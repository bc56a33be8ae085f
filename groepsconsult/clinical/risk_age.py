"""SCORE2 risk age ("hartleeftijd"): the age at which someone with an ideal risk profile has
the same SCORE2 risk (clinical.md §3.5).

Ideal profile (the authors' default ``riskage1``): non-smoker, no diabetes, SBP 135 mmHg,
non-HDL 3.4 mmol/l (TC 4.7 M / 4.9 F, HDL 1.3 M / 1.5 F). We use the authors' fitted formulas
for the low-risk region (skkceu/stata ``score2risk.ado``, program ``score2riskage``), because the
Netherlands is a low-risk country and the fit agrees with an exact solve to about 0.1 year.
"""

from __future__ import annotations

import math

from .score2 import SEXES, excluding_condition, require_choice, require_number

# Low-region riskage1 fits: age = intercept + log_coef * ln(p) + linear_coef * p, p in percent.
_LOW_REGION_FITS = {
    "male": (31.8020, 17.0321, 0.1062),
    "female": (42.2955, 14.4114, 0.0885),
}

# Heart age is only shown where SCORE2 itself applies and has been validated (clinical.md §3.5):
# SCORE2 (not SCORE2-OP) ages, without diabetes or known CVD.
HEART_AGE_MIN_AGE = 40
HEART_AGE_MAX_AGE = 69


def risk_age(*, sex: str, risk_percent: float) -> float:
    """SCORE2 risk age in years for the low-risk region, UNROUNDED.

    ``risk_percent`` is the unrounded SCORE2 10-year risk in percent (0 < p <= 100), straight
    from ``score2()``. Round once, for display only: rounding the risk first moves very low-risk
    ages by up to a third of a year (clinical.md §3.2). Like the authors' code, a negative fitted
    age is clipped to 0.
    """
    sex = require_choice("sex", sex, SEXES)
    # The fit contains ln(p), so p must be strictly positive.
    p = require_number("risk_percent", risk_percent, 0, 100, unit="%")
    if p <= 0:
        raise ValueError(f"risk_percent must be greater than 0 and at most 100 %, got {p!r}")
    intercept, log_coef, linear_coef = _LOW_REGION_FITS[sex]
    age = intercept + log_coef * math.log(p) + linear_coef * p
    return max(age, 0.0)


def heart_age_applicability(
    *, age: float, diabetes: bool, known_cvd: bool, ckd: bool, fh: bool
) -> str | None:
    """None when heart age may be shown, otherwise a reason code.

    Reason codes, checked in this order: "age_out_of_range" (outside 40-69), then the
    conditions of ``score2_applicability``: "diabetes", "known_cvd", "ckd", "fh". For people with
    one of those conditions a heart age would understate their risk, because SCORE2 is not valid
    for them (clinical.md §3.2).
    """
    # A wide sanity range catches typing errors; the applicability range is checked below.
    age_f = require_number("age", age, 0, 130, unit="years")
    conditions = {"diabetes": diabetes, "known_cvd": known_cvd, "ckd": ckd, "fh": fh}
    reason = excluding_condition(**conditions)
    if not HEART_AGE_MIN_AGE <= age_f < HEART_AGE_MAX_AGE + 1:
        return "age_out_of_range"
    return reason
