"""Pure-Python clinical calculations: SCORE2(-OP), risk age, FINDRISC and traffic lights.

This package imports nothing from Django or the rest of Groepsconsult (stdlib only), so the
clinical logic can be reviewed and tested on its own. Invalid input raises ValueError naming
the argument and the allowed range. Source of truth: /work/shared/clinical.md.
"""

from .combinations import implausible_combinations
from .findrisc import FINDRISC_VERSION, FindriscResult, findrisc, findrisc_category
from .risk_age import heart_age_applicability, risk_age
from .rules import (
    DEFAULT_RULESET_VERSION,
    PLAUSIBLE_RANGES,
    Light,
    MeasureRule,
    RuleSet,
    alarm_reasons,
    available_ruleset_versions,
    check_plausible,
    load_ruleset,
    traffic_light,
)
from .score2 import (
    EXCLUDING_CONDITIONS,
    REGIONS,
    SEXES,
    risk_category,
    score2,
    score2_applicability,
)

__all__ = [
    "DEFAULT_RULESET_VERSION",
    "EXCLUDING_CONDITIONS",
    "FINDRISC_VERSION",
    "PLAUSIBLE_RANGES",
    "REGIONS",
    "SEXES",
    "FindriscResult",
    "Light",
    "MeasureRule",
    "RuleSet",
    "alarm_reasons",
    "available_ruleset_versions",
    "check_plausible",
    "findrisc",
    "findrisc_category",
    "heart_age_applicability",
    "implausible_combinations",
    "load_ruleset",
    "risk_age",
    "risk_category",
    "score2",
    "score2_applicability",
    "traffic_light",
]
