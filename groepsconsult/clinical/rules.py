"""Booklet traffic lights, alarm codes and plausibility checks.

Thresholds are DATA: they live in versioned rule sets (``rulesets/<version>.json``), each rule
with its source and a ``verified`` flag, because every boundary is a proposal for the GP to
confirm (clinical.md §1.7). This module only interprets a rule set; it holds no clinical cut-off
of its own. Results carry the rule-set version so a stored colour can always be explained.
"""

from __future__ import annotations

import functools
import json
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from .score2 import SEXES, require_bool, require_choice, require_number

DEFAULT_RULESET_VERSION = "nl-2026.2"

COLOURS = ("none", "green", "orange", "red")  # ordered from least to most worrying
_VERSION_PATTERN = re.compile(r"^[a-z]{2}-\d{4}\.\d+$")
_EVIDENCE_TAGS = ("V", "P", "U", "C")
_FLAGS = ("urgent", "fh_hint", "low")
_BP_COMPONENTS = ("systolic", "diastolic")

# Typing-error rejection at the measurement station: (min, max, unit), inclusive. Wider than any
# real person, so a value outside is a slip of the finger or a unit mix-up, not a patient.
PLAUSIBLE_RANGES: dict[str, tuple[float, float, str]] = {
    "systolic": (50, 300, "mmHg"),
    "diastolic": (30, 200, "mmHg"),
    "glucose": (1, 40, "mmol/l"),
    "total_cholesterol": (1, 20, "mmol/l"),
    "hdl": (0.1, 5, "mmol/l"),
    "ldl": (0.1, 15, "mmol/l"),
    "hba1c": (15, 200, "mmol/mol"),
    "weight": (25, 350, "kg"),
    "height": (100, 230, "cm"),
    "waist": (40, 250, "cm"),
    "bmi": (10, 90, "kg/m2"),
    "fat_percent": (2, 75, "%"),
    "visceral_fat_level": (1, 30, "level"),
    "muscle_mass": (5, 100, "kg"),
    "pulse": (25, 250, "/min"),
}

# Which plausibility range guards the value of each rule-set measure. Derived scores are not
# typed in, but their valid range still protects against passing the wrong number.
_VALUE_RANGES: dict[str, tuple[float, float, str]] = {
    "glucose_fasting": PLAUSIBLE_RANGES["glucose"],
    "glucose_nonfasting": PLAUSIBLE_RANGES["glucose"],
    "bp": PLAUSIBLE_RANGES["systolic"],
    "score2": (0, 100, "%"),
    "findrisc": (0, 26, "points"),
}


def check_plausible(measure: str, value: object) -> float:
    """Return ``value`` as a float, or raise ValueError if it is outside PLAUSIBLE_RANGES."""
    measure = require_choice("measure", measure, tuple(PLAUSIBLE_RANGES))
    low, high, unit = PLAUSIBLE_RANGES[measure]
    try:
        return require_number(measure, value, low, high, unit=unit)
    except ValueError as exc:
        raise ValueError(f"{exc}; this looks like a typing error, please re-enter") from None


# ---------------------------------------------------------------------------------------------
# Rule sets
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Band:
    colour: str
    limit: float | None  # None: open-ended last band
    inclusive: bool  # True: value == limit still falls in this band

    def contains(self, value: float) -> bool:
        if self.limit is None:
            return True
        return value < self.limit or (self.inclusive and value == self.limit)


# How an alarm compares a reading with its threshold ("below": hypoglycaemia, hypotension).
_ALARM_TESTS = {"at_or_above": operator.ge, "above": operator.gt, "below": operator.lt}


@dataclass(frozen=True, slots=True)
class Alarm:
    code: str
    component: str  # "value", or "systolic"/"diastolic" for bp
    threshold: float
    comparison: str  # a key of _ALARM_TESTS
    flag: str | None  # Light field this alarm sets, if any

    def fires(self, value: float) -> bool:
        return _ALARM_TESTS[self.comparison](value, self.threshold)


@dataclass(frozen=True, slots=True)
class MeasureRule:
    code: str
    label: str
    unit: str
    source: str
    evidence: str
    verified: bool
    bands: tuple[Band, ...] | None = None
    bands_by_sex: Mapping[str, tuple[Band, ...]] | None = None
    bands_by_age: tuple[tuple[float | None, tuple[Band, ...]], ...] | None = None
    applies_to_age: tuple[float, float] | None = None
    components: Mapping[str, tuple[Band, ...]] | None = None
    alarms: tuple[Alarm, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSet:
    version: str
    title: str
    status: str
    retest_advised_for: frozenset[str]
    measures: Mapping[str, MeasureRule]


def _parse_bands(where: str, raw: object) -> tuple[Band, ...]:
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"rule set {where}: bands must be a non-empty list")
    bands: list[Band] = []
    for i, item in enumerate(raw):
        last = i == len(raw) - 1
        if not isinstance(item, dict):
            raise ValueError(f"rule set {where}: band {i} must be an object")
        colour = item.get("colour")
        if colour not in COLOURS:
            raise ValueError(f"rule set {where}: colour must be one of {COLOURS}, got {colour!r}")
        has_below, has_up_to = "below" in item, "up_to" in item
        if last and (has_below or has_up_to):
            raise ValueError(f"rule set {where}: the last band must be open-ended")
        if not last and has_below == has_up_to:
            raise ValueError(f"rule set {where}: band {i} needs exactly one of below/up_to")
        limit = None if last else float(item["below"] if has_below else item["up_to"])
        previous = bands[-1].limit if bands else None
        if limit is not None and previous is not None and limit <= previous:
            raise ValueError(f"rule set {where}: band limits must increase")
        bands.append(Band(colour=colour, limit=limit, inclusive=has_up_to))
    return tuple(bands)


def _parse_alarm(where: str, raw: Mapping) -> Alarm:
    comparisons = [key for key in _ALARM_TESTS if key in raw]
    if len(comparisons) != 1:
        raise ValueError(f"rule set {where}: an alarm needs exactly one of {tuple(_ALARM_TESTS)}")
    flag = raw.get("flag")
    if flag is not None and flag not in _FLAGS:
        raise ValueError(f"rule set {where}: alarm flag must be one of {_FLAGS}, got {flag!r}")
    return Alarm(
        code=str(raw["code"]),
        component=str(raw.get("component", "value")),
        threshold=float(raw[comparisons[0]]),
        comparison=comparisons[0],
        flag=flag,
    )


def _parse_measure(code: str, raw: Mapping) -> MeasureRule:
    where = f"measure {code!r}"
    if raw.get("evidence") not in _EVIDENCE_TAGS or not isinstance(raw.get("verified"), bool):
        raise ValueError(f"rule set {where}: needs evidence in {_EVIDENCE_TAGS} and verified")
    if raw["verified"] == (raw["evidence"] == "U"):
        # The flag drives the 'to be confirmed' label; it must never disagree with the tag.
        raise ValueError(f"rule set {where}: verified must be false exactly when evidence is U")
    if not str(raw.get("source", "")).strip():
        raise ValueError(f"rule set {where}: every rule needs a source")
    shapes = [k for k in ("bands", "bands_by_sex", "bands_by_age", "components") if k in raw]
    if len(shapes) != 1:
        raise ValueError(f"rule set {where}: needs exactly one of bands/bands_by_sex/...")
    fields: dict = {}
    if "bands" in raw:
        fields["bands"] = _parse_bands(where, raw["bands"])
    elif "bands_by_sex" in raw:
        if set(raw["bands_by_sex"]) != set(SEXES):
            raise ValueError(f"rule set {where}: bands_by_sex needs exactly {SEXES}")
        by_sex = {s: _parse_bands(f"{where} {s}", b) for s, b in raw["bands_by_sex"].items()}
        fields["bands_by_sex"] = MappingProxyType(by_sex)
    elif "bands_by_age" in raw:
        by_age = tuple(
            (band["age_below"], _parse_bands(f"{where} age band", band["bands"]))
            for band in raw["bands_by_age"]
        )
        if not by_age or by_age[-1][0] is not None:
            raise ValueError(f"rule set {where}: the last age band must be open-ended")
        low, high = raw["applies_to_age"]
        fields["bands_by_age"] = by_age
        fields["applies_to_age"] = (float(low), float(high))
    else:
        # Only blood pressure has components; the code knows where each reading comes from.
        if set(raw["components"]) != set(_BP_COMPONENTS):
            raise ValueError(f"rule set {where}: components must be exactly {_BP_COMPONENTS}")
        parts = {c: _parse_bands(f"{where} {c}", b) for c, b in raw["components"].items()}
        fields["components"] = MappingProxyType(parts)
    alarms = tuple(_parse_alarm(where, a) for a in raw.get("alarms", ()))
    readable = ("value", *fields.get("components", ()))
    if any(a.component not in readable for a in alarms):
        raise ValueError(f"rule set {where}: alarm components must be one of {readable}")
    if code not in _VALUE_RANGES and code not in PLAUSIBLE_RANGES:
        raise ValueError(f"rule set {where}: no plausible value range is defined for it")
    return MeasureRule(
        code=code,
        label=str(raw.get("label", code)),
        unit=str(raw.get("unit", "")),
        source=str(raw["source"]),
        evidence=raw["evidence"],
        verified=raw["verified"],
        alarms=alarms,
        **fields,
    )


def available_ruleset_versions() -> list[str]:
    """Versions of the rule sets shipped with this package, sorted."""
    folder = resources.files(__package__) / "rulesets"
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


def load_ruleset(version: str | None = None) -> RuleSet:
    """Load (once) and validate a rule set; the default is DEFAULT_RULESET_VERSION."""
    version = DEFAULT_RULESET_VERSION if version is None else version
    # The version becomes a file name: only accept the documented shape (no path tricks).
    if not isinstance(version, str) or not _VERSION_PATTERN.match(version):
        raise ValueError(f"ruleset version must look like 'nl-2026.1', got {version!r}")
    return _load_ruleset_file(version)


@functools.cache
def _load_ruleset_file(version: str) -> RuleSet:
    if version not in available_ruleset_versions():
        known = ", ".join(available_ruleset_versions())
        raise ValueError(f"unknown ruleset version {version!r}; available: {known}")
    path = resources.files(__package__) / "rulesets" / f"{version}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("version") != version:
        raise ValueError(f"rule set file {version}.json declares version {raw.get('version')!r}")
    retest = frozenset(raw.get("retest_advised_for", ()))
    if not retest <= set(COLOURS):
        raise ValueError(f"rule set {version}: retest_advised_for must use colours {COLOURS}")
    measures = {code: _parse_measure(code, m) for code, m in raw["measures"].items()}
    return RuleSet(
        version=version,
        title=str(raw.get("title", "")),
        status=str(raw.get("status", "")),
        retest_advised_for=retest,
        measures=MappingProxyType(measures),
    )


def _resolve_ruleset(ruleset: RuleSet | str | None) -> RuleSet:
    if ruleset is None or isinstance(ruleset, str):
        return load_ruleset(ruleset)
    if isinstance(ruleset, RuleSet):
        return ruleset
    raise ValueError(f"ruleset must be None, a version string or a RuleSet, got {ruleset!r}")


# ---------------------------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Light:
    colour: str  # "green", "orange", "red" or "none"
    urgent: bool  # SBP >= 180: severely raised single risk factor (clinical.md §1.2)
    fh_hint: bool  # total cholesterol > 8: add the "denk aan FH" text
    low: bool  # a low-value alarm fired (hypoglycaemia, low blood pressure): never "fine"
    retest_advised: bool  # "laat dit nog eens meten bij de huisarts"
    measure: str  # the rule-set code actually used (glucose -> glucose_fasting/_nonfasting)
    ruleset_version: str
    verified: bool  # False: the rule rests on an unverified source; show 'to be confirmed'


def _resolve_code(measure: object, fasting: object, rs: RuleSet) -> str:
    if measure == "glucose":
        # Fasting status changes the cut-offs completely; never guess it.
        if fasting is None:
            raise ValueError("fasting must be True or False for measure 'glucose', got None")
        measure = "glucose_fasting" if require_bool("fasting", fasting) else "glucose_nonfasting"
    if not isinstance(measure, str) or measure not in rs.measures:
        known = ", ".join(["glucose", *rs.measures])
        raise ValueError(f"unknown measure {measure!r}; known measures: {known}")
    is_glucose = measure in ("glucose_fasting", "glucose_nonfasting")
    stated = None if fasting is None else require_bool("fasting", fasting)
    if is_glucose and stated is not None and stated != (measure == "glucose_fasting"):
        raise ValueError(f"fasting={fasting!r} contradicts measure {measure!r}")
    return measure


def _classify(bands: tuple[Band, ...], value: float) -> str:
    return next(b.colour for b in bands if b.contains(value))


def _evaluate(
    measure, value, *, sex, fasting, ruleset, diastolic, age
) -> tuple[RuleSet, MeasureRule, str, tuple[Alarm, ...]]:
    """Shared by traffic_light and alarm_reasons: (rule set, rule, colour, fired alarms)."""
    rs = _resolve_ruleset(ruleset)
    code = _resolve_code(measure, fasting, rs)
    rule = rs.measures[code]
    low, high, unit = _VALUE_RANGES.get(code) or PLAUSIBLE_RANGES[code]  # checked at load
    name = f"{code} value" + (" (systolic)" if rule.components is not None else "")
    number = require_number(name, value, low, high, unit=unit)
    if code == "findrisc" and number != int(number):
        raise ValueError(f"value must be a whole number of FINDRISC points, got {value!r}")
    readings = {"value": number}
    if rule.components is not None:
        # The rule's own value is the systolic reading; the other component comes separately.
        if diastolic is None:
            raise ValueError(f"diastolic is required for measure {code!r}")
        low, high, unit = PLAUSIBLE_RANGES["diastolic"]
        readings["systolic"] = number
        readings["diastolic"] = require_number("diastolic", diastolic, low, high, unit=unit)
        colour = max(
            (_classify(bands, readings[part]) for part, bands in rule.components.items()),
            key=COLOURS.index,
        )
    else:
        # A stray diastolic would be silently dropped, so it is an error, not ignored.
        if diastolic is not None:
            raise ValueError(f"diastolic only applies to measure 'bp', not {code!r}")
        if rule.bands_by_sex is not None:
            if sex is None:
                raise ValueError(f"sex is required for measure {code!r} ('male' or 'female')")
            colour = _classify(rule.bands_by_sex[require_choice("sex", sex, SEXES)], number)
        elif rule.bands_by_age is not None:
            if age is None:
                raise ValueError(f"age is required for measure {code!r}")
            age_f = require_number("age", age, *rule.applies_to_age, unit="years")
            bands = next(b for below, b in rule.bands_by_age if below is None or age_f < below)
            colour = _classify(bands, number)
        else:
            colour = _classify(rule.bands, number)
    fired = tuple(a for a in rule.alarms if a.fires(readings[a.component]))
    return rs, rule, colour, fired


def traffic_light(
    measure: str,
    value: float,
    *,
    sex: str | None = None,
    fasting: bool | None = None,
    ruleset: RuleSet | str | None = None,
    diastolic: float | None = None,
    age: float | None = None,
) -> Light:
    """Colour one screening reading with a rule set (default: DEFAULT_RULESET_VERSION).

    ``value`` is classified unrounded. For "bp" it is the systolic reading and ``diastolic`` is
    required; "waist" and "hdl" need ``sex``; "score2" needs ``age``; "glucose" needs
    ``fasting`` and resolves to "glucose_fasting" or "glucose_nonfasting".
    """
    rs, rule, colour, fired = _evaluate(
        measure, value, sex=sex, fasting=fasting, ruleset=ruleset, diastolic=diastolic, age=age
    )
    flags = {a.flag for a in fired}
    return Light(
        colour=colour,
        urgent="urgent" in flags,
        fh_hint="fh_hint" in flags,
        low="low" in flags,
        retest_advised=colour in rs.retest_advised_for,
        measure=rule.code,
        ruleset_version=rs.version,
        verified=rule.verified,
    )


def alarm_reasons(
    measure: str,
    value: float,
    *,
    sex: str | None = None,
    fasting: bool | None = None,
    ruleset: RuleSet | str | None = None,
    diastolic: float | None = None,
    age: float | None = None,
) -> list[str]:
    """Alarm codes (data: "alarms" in the rule-set JSON), e.g. ["sbp_urgent"]; empty if none."""
    _, _, _, fired = _evaluate(
        measure, value, sex=sex, fasting=fasting, ruleset=ruleset, diastolic=diastolic, age=age
    )
    return [a.code for a in fired]
