"""Region monitoring (a package by entity: `filters`, `reach`, `outcomes`): reach per recruitment channel and paired baseline vs 6-month change.

Everything leaves through `suppression` (cells below k read "<10", complementary suppression
over neighbourhoods so the ALL row cannot give a small neighbourhood back). Participants who
said no to anonymous monitoring are left out (`counted` on the fact; `consent_refused_exists`
for the reach). The outcomes read the pre-aggregates (`TrajectoryFact`, one row per trajectory
with its current baseline and return value per measure, see `facts.py`): one GROUP BY query
with the sums the means and the t-interval need, whatever the number of participants.
"""

from groepsconsult.monitoring.aggregates.filters import (
    ALL,
    MEASURES,
    RETURN_DUE_DAYS,
    Filters,
    in_regions,
    not_refused,
    years_before,
)
from groepsconsult.monitoring.aggregates.outcomes import (
    OutcomeRow,
    Pairs,
    _pair_sums,
    collect_pairs,
    fact_queryset,
    group_pairs,
    outcome_rows,
    pair_rows_by_region,
    pair_rows_from_facts,
    paired_statistics,
    paired_statistics_from_sums,
    trajectory_counts_by_region,
    trajectory_queryset,
)
from groepsconsult.monitoring.aggregates.reach import (
    by_region_id,
    reach_by_channel,
    reach_rows,
    reach_rows_by_region,
    reach_rows_from_registrations,
    session_fact_queryset,
)

__all__ = [
    "ALL",
    "MEASURES",
    "RETURN_DUE_DAYS",
    "Filters",
    "OutcomeRow",
    "Pairs",
    "_pair_sums",
    "by_region_id",
    "collect_pairs",
    "fact_queryset",
    "group_pairs",
    "in_regions",
    "not_refused",
    "outcome_rows",
    "pair_rows_by_region",
    "pair_rows_from_facts",
    "paired_statistics",
    "paired_statistics_from_sums",
    "reach_by_channel",
    "reach_rows",
    "reach_rows_by_region",
    "reach_rows_from_registrations",
    "session_fact_queryset",
    "trajectory_counts_by_region",
    "trajectory_queryset",
    "years_before",
]
