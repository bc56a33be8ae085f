"""The funder report's context: the dashboard's figures, an equity summary, costs, stories.

Built from the same suppressed aggregates as the dashboard and the exports. Costs come from
`finance.selectors.business_case`; a cost per participant or per completed trajectory is shown
only when the count it divides by is at least k (else the count could be worked back from the
total). Stories come from `followups.selectors.story_report_list`, which keeps only stories
whose participant currently consents to share them, and gives the quote and date, never a name.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from groepsconsult.finance.selectors import business_case
from groepsconsult.followups.selectors import story_report_list
from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.dashboard import dashboard_context
from groepsconsult.monitoring.equity import equity_breakdowns
from groepsconsult.monitoring.process import person_indicator_labels, person_totals
from groepsconsult.monitoring.suppression import Cell, suppress_count, threshold

# The equity summary: two breakdowns, four indicators (the full tables are on the page and
# in equity.csv).
EQUITY_BREAKDOWNS = ("deprivation", "education")
EQUITY_INDICATORS = ("attended", "returned", "dropped_out", "health_good")


@dataclass(frozen=True)
class Costs:
    case: dict
    participants: Cell
    per_participant: Cell
    completed: Cell
    per_completed: Cell


def _per(total, count: Cell):
    if count.suppressed or not count.value:
        return Cell(None, threshold())
    return Cell((Decimal(total) / count.value).quantize(Decimal(1)), threshold())


def report_costs(*, region, year):
    """What each party paid and the cost per participant / per completed trajectory (people
    who came back after six months, first session in `year`)."""
    case = business_case(region=region, year=year)
    period = Filters(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    participants = suppress_count(case["participants"])
    completed = suppress_count(person_totals(region=region, filters=period)["returned"])
    return Costs(
        case=case,
        participants=participants,
        per_participant=_per(case["inputs"], participants),
        completed=completed,
        per_completed=_per(case["inputs"], completed),
    )


def equity_summary(*, region, filters):
    """([indicator labels], [Breakdown with only the summary's columns])."""
    keys = list(person_indicator_labels())
    columns = [keys.index(k) for k in EQUITY_INDICATORS]
    labels, breakdowns = equity_breakdowns(region=region, filters=filters)
    summary = [
        (
            b.title,
            [(g, [cells[i] for i in columns]) for g, cells in b.rows],
            [b.totals[i] for i in columns],
        )
        for b in breakdowns
        if b.key in EQUITY_BREAKDOWNS
    ]
    return [labels[i] for i in columns], summary


def funder_report_context(*, region, filters, year, sees_money):
    equity_labels, equity = equity_summary(region=region, filters=filters)
    return {
        **dashboard_context(region=region, filters=filters),
        "equity_labels": equity_labels,
        "equity": equity,
        "costs": report_costs(region=region, year=year) if sees_money else None,
        "stories": story_report_list(region=region, start=filters.start, end=filters.end),
    }
