"""Reads of the clinical sign-off: is a version approved, and the rules a physician reviews.

No personal data here (rules and a professional's own approval), so nothing is logged on read.
"""

from dataclasses import dataclass

from groepsconsult import clinical
from groepsconsult.clinical_signoff.models import RulesetApproval


def ruleset_is_approved(region, version) -> bool:
    """True when the region's responsible physician approved this rule-set version."""
    return RulesetApproval.objects.in_region(region).filter(ruleset_version=version).exists()


def ruleset_approval_get(*, region, version) -> RulesetApproval | None:
    return RulesetApproval.objects.in_region(region).filter(ruleset_version=version).first()


def ruleset_approval_list(*, region):
    """Every approval of the region, newest first (the history a new version starts from)."""
    return list(RulesetApproval.objects.in_region(region))


@dataclass(frozen=True)
class RuleRow:
    """One rule as the physician reviews it: thresholds in words, source, verified or not."""

    code: str
    label: str
    unit: str
    thresholds: list[str]
    alarms: list[str]
    source: str
    evidence: str
    verified: bool


def _limit(band) -> str:
    if band.limit is None:
        return "rest"
    return f"{'≤' if band.inclusive else '<'} {band.limit:g}"


def _bands(bands) -> str:
    return ", ".join(f"{b.colour} {_limit(b)}" for b in bands)


def _thresholds(rule) -> list[str]:
    if rule.bands is not None:
        return [_bands(rule.bands)]
    if rule.bands_by_sex is not None:
        return [f"{sex}: {_bands(b)}" for sex, b in rule.bands_by_sex.items()]
    if rule.components is not None:
        return [f"{part}: {_bands(b)}" for part, b in rule.components.items()]
    return [
        f"{'age < ' + format(age, 'g') if age is not None else 'older'}: {_bands(b)}"
        for age, b in rule.bands_by_age
    ]


def _alarms(rule) -> list[str]:
    signs = {"at_or_above": "≥", "above": ">", "below": "<"}
    return [f"{a.code}: {a.component} {signs[a.comparison]} {a.threshold:g}" for a in rule.alarms]


def ruleset_rows(version) -> list[RuleRow]:
    """Every rule of a rule-set version, in file order (no database access)."""
    ruleset = clinical.load_ruleset(version)
    return [
        RuleRow(
            code=rule.code,
            label=rule.label,
            unit=rule.unit,
            thresholds=_thresholds(rule),
            alarms=_alarms(rule),
            source=rule.source,
            evidence=rule.evidence,
            verified=rule.verified,
        )
        for rule in ruleset.measures.values()
    ]
