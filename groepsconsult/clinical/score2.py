"""SCORE2 (ages 40-69) and SCORE2-OP (ages 70-89): 10-year risk of fatal and non-fatal CVD.

Source of truth: /work/shared/clinical.md §3 (ESC 2021). Coefficients come from the authors'
Stata code (skkceu/stata @abd8702, ``score2risk.ado`` and ``score2oprisk.ado``) and agree with
dvicencio/RiskScorescvd (``R/11_SCORE2_func.R``, region-aware version).

Both models share one shape:

    lp   = sum(beta * centred predictor) + age interactions - mean_lp
    r0   = 1 - S0 ** exp(lp)                                     (uncalibrated)
    risk = 1 - exp(-exp(scale1 + scale2 * ln(-ln(1 - r0))))      (recalibrated to a region)

Not for people with diabetes (use SCORE2-Diabetes), known CVD, CKD or FH: the diabetes term
exists only because the models were recalibrated on whole populations (clinical.md §3.2).
The caller decides applicability; this module only computes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

SEXES = ("male", "female")
REGIONS = ("low", "moderate", "high", "very_high")

MIN_AGE = 40
MAX_AGE = 89
# SCORE2 covers 40-69; from this age on the older-persons model SCORE2-OP applies.
OP_FROM_AGE = 70

# Plausible input ranges for the models: wider than any real person, narrow enough to catch
# unit mistakes (mg/dl instead of mmol/l) and typing errors before they become a risk figure.
SBP_RANGE = (60, 300)
TOTAL_CHOL_RANGE = (1, 20)
HDL_RANGE = (0.2, 5)


# ---------------------------------------------------------------------------------------------
# Input checks. risk_age, findrisc and rules import these too, so every clinical function
# words its errors the same way: argument name, allowed range, value received.
# ---------------------------------------------------------------------------------------------


def require_number(name: str, value: object, low: float, high: float, unit: str = "") -> float:
    """Return ``value`` as a float if it is a finite number within [low, high]."""
    # bool is an int subclass: True would silently become 1 mmol/l.
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | Fraction):
        raise ValueError(f"{name} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if not low <= number <= high:
        suffix = f" {unit}" if unit else ""
        raise ValueError(f"{name} must be between {low:g} and {high:g}{suffix}, got {value!r}")
    return number


def require_bool(name: str, value: object) -> bool:
    """Return ``value`` if it is a real bool; 0/1, "yes" or None are refused."""
    # A truthy string like "False" must never count as a smoker.
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, got {value!r}")
    return value


def require_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``choices`` (exact, case-sensitive)."""
    if not isinstance(value, str) or value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {allowed}, got {value!r}")
    return value


# ---------------------------------------------------------------------------------------------
# Model constants
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Centring:
    """How raw inputs are centred and scaled before the betas apply."""

    age: tuple[float, float]  # (centre, divisor)
    sbp: tuple[float, float]
    total_chol: tuple[float, float]
    hdl: tuple[float, float]


@dataclass(frozen=True, slots=True)
class _Betas:
    age: float
    smoking: float
    sbp: float
    diabetes: float
    total_chol: float
    hdl: float
    age_smoking: float
    age_sbp: float
    age_total_chol: float
    age_hdl: float
    age_diabetes: float
    baseline_survival: float  # S0 at 10 years
    mean_lp: float  # subtracted from lp (SCORE2-OP only; 0 for SCORE2)


@dataclass(frozen=True, slots=True)
class _Model:
    name: str
    centring: _Centring
    betas: dict[str, _Betas]  # by sex
    scales: dict[tuple[str, str], tuple[float, float]]  # (region, sex) -> (scale1, scale2)


# SCORE2, clinical.md §3.1: per-5-years age, per-20-mmHg SBP, per-0.5-mmol/l HDL.
_SCORE2_CENTRING = _Centring(age=(60, 5), sbp=(120, 20), total_chol=(6, 1), hdl=(1.3, 0.5))
_SCORE2_BETAS = {
    "male": _Betas(
        age=0.3742, smoking=0.6012, sbp=0.2777, diabetes=0.6457, total_chol=0.1458, hdl=-0.2698,
        age_smoking=-0.0755, age_sbp=-0.0255, age_total_chol=-0.0281, age_hdl=0.0426,
        age_diabetes=-0.0983, baseline_survival=0.9605, mean_lp=0.0,
    ),
    "female": _Betas(
        age=0.4648, smoking=0.7744, sbp=0.3131, diabetes=0.8096, total_chol=0.1002, hdl=-0.2606,
        age_smoking=-0.1088, age_sbp=-0.0277, age_total_chol=-0.0226, age_hdl=0.0613,
        age_diabetes=-0.1272, baseline_survival=0.9776, mean_lp=0.0,
    ),
}  # fmt: skip

# SCORE2 region recalibration as published (SCORE2 paper, supplementary table; 4 decimals, the
# same values RiskScorescvd HEAD hard-codes, clinical.md §3.1). They belong with the published
# 4-decimal betas above. The authors' Stata code (score2risk.ado) carries 6-decimal versions,
# kept below for reference: for SCORE2 they agree within 0.01 percentage point (clinical.md §3.2).
SCORE2_SCALES = {
    ("low", "male"): (-0.5699, 0.7476),
    ("low", "female"): (-0.7380, 0.7019),
    ("moderate", "male"): (-0.1565, 0.8009),
    ("moderate", "female"): (-0.3143, 0.7701),
    ("high", "male"): (0.3207, 0.9360),
    ("high", "female"): (0.5710, 0.9369),
    ("very_high", "male"): (0.5836, 0.8294),
    ("very_high", "female"): (0.9412, 0.8329),
}
SCORE2_SCALES_STATA = {
    ("low", "male"): (-0.569857, 0.747593),
    ("low", "female"): (-0.737966, 0.701868),
    ("moderate", "male"): (-0.156481, 0.800869),
    ("moderate", "female"): (-0.314269, 0.770149),
    ("high", "male"): (0.320717, 0.936004),
    ("high", "female"): (0.570963, 0.936893),
    ("very_high", "male"): (0.583578, 0.829368),
    ("very_high", "female"): (0.941177, 0.832923),
}

# SCORE2-OP, clinical.md §3.1: per-unit centring at age 73, SBP 150, TC 6, HDL 1.4.
_OP_CENTRING = _Centring(age=(73, 1), sbp=(150, 1), total_chol=(6, 1), hdl=(1.4, 1))
# THE single SCORE2-OP constant set: the published one. 4-decimal betas, S0 (1 - 0.2424 men,
# 1 - 0.1918 women) and mean_lp (0.0929 / 0.2288) exactly as in the authors' Stata code under
# ``rounded(1)`` ("rounded coefficients as published", skkceu/stata @abd8702 score2oprisk.ado)
# and in RiskScorescvd HEAD (R/11_SCORE2_func.R, which writes the women's mean_lp as 0.229).
_OP_BETAS = {
    "male": _Betas(
        age=0.0634, smoking=0.3524, sbp=0.0094, diabetes=0.4245, total_chol=0.0850, hdl=-0.3564,
        age_smoking=-0.0247, age_sbp=-0.0005, age_total_chol=0.0073, age_hdl=0.0091,
        age_diabetes=-0.0174, baseline_survival=0.7576, mean_lp=0.0929,
    ),
    "female": _Betas(
        age=0.0789, smoking=0.4921, sbp=0.0102, diabetes=0.6010, total_chol=0.0605, hdl=-0.3040,
        age_smoking=-0.0255, age_sbp=-0.0004, age_total_chol=-0.0009, age_hdl=0.0154,
        age_diabetes=-0.0107, baseline_survival=0.8082, mean_lp=0.2288,
    ),
}  # fmt: skip

# SCORE2-OP region recalibration as published: 2 decimals (Stata ``rounded(1)`` rounds its
# 6-decimal scales to 0.01; RiskScorescvd HEAD hard-codes the same values, from commit 55660d2
# on). Why not the 6-decimal scales: paired with the 4-decimal betas they match neither set and
# miss published examples by up to 0.15 point; and never the pre-55660d2 RiskScorescvd values
# (-0.61/0.89, -0.85/0.82), which were wrong (clinical.md §3.2).
SCORE2_OP_SCALES = {
    ("low", "male"): (-0.34, 1.19),
    ("low", "female"): (-0.52, 1.01),
    ("moderate", "male"): (0.01, 1.25),
    ("moderate", "female"): (-0.10, 1.10),
    ("high", "male"): (0.08, 1.15),
    ("high", "female"): (0.38, 1.09),
    ("very_high", "male"): (0.05, 0.70),
    ("very_high", "female"): (0.38, 0.69),
}

_MODELS = {
    "SCORE2": _Model("SCORE2", _SCORE2_CENTRING, _SCORE2_BETAS, SCORE2_SCALES),
    "SCORE2-OP": _Model("SCORE2-OP", _OP_CENTRING, _OP_BETAS, SCORE2_OP_SCALES),
}


def model_for_age(age: float) -> str:
    """Name of the model that applies at ``age`` ("SCORE2" or "SCORE2-OP")."""
    return "SCORE2" if age < OP_FROM_AGE else "SCORE2-OP"


def _model_risk(
    *,
    model: str,
    sex: str,
    age: float,
    smoker: bool,
    sbp: float,
    total_chol: float,
    hdl: float,
    diabetes: bool,
    scales: tuple[float, float],
) -> float:
    """Recalibrated 10-year risk as a fraction (0-1), unrounded, for already-checked inputs.

    ``scales`` is a parameter so tests can compare constant sets; production code always passes
    the published set of the model (SCORE2_SCALES / SCORE2_OP_SCALES).
    """
    m = _MODELS[model]
    b = m.betas[sex]
    c = m.centring
    a = (age - c.age[0]) / c.age[1]
    s = (sbp - c.sbp[0]) / c.sbp[1]
    t = (total_chol - c.total_chol[0]) / c.total_chol[1]
    h = (hdl - c.hdl[0]) / c.hdl[1]
    smk = 1.0 if smoker else 0.0
    dm = 1.0 if diabetes else 0.0
    lp = (
        b.age * a
        + b.smoking * smk
        + b.sbp * s
        + b.diabetes * dm
        + b.total_chol * t
        + b.hdl * h
        + a * (b.age_smoking * smk + b.age_sbp * s + b.age_total_chol * t)
        + a * (b.age_hdl * h + b.age_diabetes * dm)
        - b.mean_lp
    )
    # ln(-ln(1 - r0)) with r0 = 1 - S0^exp(lp) is exactly lp + ln(-ln S0). Using the identity
    # instead of computing r0 first avoids log(0) when r0 rounds to 1.0 for extreme (but
    # accepted) inputs such as age 40, SBP 277, TC 20.
    cloglog_uncalibrated = lp + math.log(-math.log(b.baseline_survival))
    scale1, scale2 = scales
    return -math.expm1(-math.exp(scale1 + scale2 * cloglog_uncalibrated))


def score2(
    *,
    age: float,
    sex: str,
    smoker: bool,
    sbp: float,
    total_chol: float,
    hdl: float,
    diabetes: bool = False,
    region: str = "low",
) -> float:
    """10-year CVD risk in percent, UNROUNDED (e.g. 5.9134...).

    SCORE2 for ages 40-69, SCORE2-OP for 70-89. Units: mmHg and mmol/l. The Netherlands is
    in the "low" risk region (clinical.md §3.1). Round once, for display only: the risk age and
    the risk category take this unrounded value (clinical.md §3.2 "Round once, at display").
    """
    if isinstance(age, bool) or not isinstance(age, int | float | Decimal | Fraction):
        raise ValueError(f"age must be a number, got {age!r}")
    if not (math.isfinite(float(age)) and MIN_AGE <= float(age) <= MAX_AGE):
        raise ValueError(
            f"age must be between {MIN_AGE} and {MAX_AGE} years: SCORE2 applies only to ages "
            f"40-69 and SCORE2-OP to 70-89; got {age!r}"
        )
    age_f = float(age)
    sex = require_choice("sex", sex, SEXES)
    region = require_choice("region", region, REGIONS)
    smoker = require_bool("smoker", smoker)
    diabetes = require_bool("diabetes", diabetes)
    sbp_f = require_number("sbp", sbp, *SBP_RANGE, unit="mmHg")
    tc_f = require_number("total_chol", total_chol, *TOTAL_CHOL_RANGE, unit="mmol/l")
    hdl_f = require_number("hdl", hdl, *HDL_RANGE, unit="mmol/l")
    if hdl_f >= tc_f:
        # HDL is a fraction of total cholesterol; equal or higher means swapped fields.
        raise ValueError(
            f"hdl must be lower than total_chol (HDL is part of total cholesterol), "
            f"got hdl={hdl!r} and total_chol={total_chol!r}"
        )
    model = model_for_age(age_f)
    risk = _model_risk(
        model=model,
        sex=sex,
        age=age_f,
        smoker=smoker,
        sbp=sbp_f,
        total_chol=tc_f,
        hdl=hdl_f,
        diabetes=diabetes,
        scales=_MODELS[model].scales[(region, sex)],
    )
    return 100.0 * risk


# Conditions for which SCORE2(-OP) is not valid and must not be shown (clinical.md §3.2
# "Exclusions", [V, S17]): diabetes (SCORE2-Diabetes applies), known CVD, chronic kidney disease
# (SCORE2 is not validated there; the ESC treats CKD as high or very high risk by itself) and
# familial hypercholesterolaemia. Order = the order in which a reason is reported.
EXCLUDING_CONDITIONS = ("diabetes", "known_cvd", "ckd", "fh")


def excluding_condition(*, diabetes: bool, known_cvd: bool, ckd: bool, fh: bool) -> str | None:
    """The first condition that rules SCORE2 out ("diabetes", "known_cvd", "ckd", "fh"), or None.

    Each flag must be a real bool: an unanswered question is the caller's business (withhold).
    """
    flags = {"diabetes": diabetes, "known_cvd": known_cvd, "ckd": ckd, "fh": fh}
    for name in EXCLUDING_CONDITIONS:
        if require_bool(name, flags[name]):
            return name
    return None


def score2_applicability(
    *, age: float, diabetes: bool, known_cvd: bool, ckd: bool, fh: bool
) -> str | None:
    """None when a SCORE2(-OP) risk may be shown, else a reason code.

    "age_out_of_range" (outside 40-89), then "diabetes", "known_cvd", "ckd", "fh".
    """
    age_f = require_number("age", age, 0, 130, unit="years")
    reason = excluding_condition(diabetes=diabetes, known_cvd=known_cvd, ckd=ckd, fh=fh)
    if not MIN_AGE <= age_f <= MAX_AGE:
        return "age_out_of_range"
    return reason


# ESC 2021 risk categories by age (clinical.md §3.4, [P]): (age below, high from, very high from).
# Kept next to the model because they belong to SCORE2 itself; the booklet traffic light has its
# own copy in the versioned rule set so the Dutch CVRM cut-offs can replace it once verified.
ESC_2021_CATEGORY_BANDS: tuple[tuple[float | None, float, float], ...] = (
    (50, 2.5, 7.5),
    (70, 5.0, 10.0),
    (None, 7.5, 15.0),
)


def risk_category(*, age: float, risk_percent: float) -> str:
    """ESC 2021 category: "low_moderate", "high" or "very_high" for a SCORE2(-OP) risk."""
    age_f = require_number("age", age, MIN_AGE, MAX_AGE, unit="years")
    risk = require_number("risk_percent", risk_percent, 0, 100, unit="%")
    for age_below, high_from, very_high_from in ESC_2021_CATEGORY_BANDS:
        if age_below is None or age_f < age_below:
            if risk >= very_high_from:
                return "very_high"
            if risk >= high_from:
                return "high"
            return "low_moderate"
    raise AssertionError("ESC_2021_CATEGORY_BANDS must end with an open age band")
