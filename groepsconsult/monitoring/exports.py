"""CSV exports of the monitoring aggregates: the same suppressed cells as the dashboard.

`outcomes.csv`: neighbourhood,measure,n,baseline_mean,return_mean,change_mean,ci95_low,ci95_high
(one row per neighbourhood CBS code and measure, then ALL; a suppressed n reads "<10" and its
statistics are empty). `reach.csv`: neighbourhood,indicator,value, suppressed the same way.
"""

import csv
import io

from groepsconsult.monitoring.aggregates import (
    ALL,
    Filters,
    collect_pairs,
    outcome_rows,
    reach_rows,
)
from groepsconsult.monitoring.suppression import suppress_count, suppress_grid

OUTCOME_HEADER = [
    "neighbourhood",
    "measure",
    "n",
    "baseline_mean",
    "return_mean",
    "change_mean",
    "ci95_low",
    "ci95_high",
]
REACH_HEADER = ["neighbourhood", "indicator", "value"]
NO_FILTERS = Filters()
STATISTICS = ("baseline_mean", "return_mean", "change_mean", "ci95_low", "ci95_high")


def _csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def outcomes_csv(*, region, filters=NO_FILTERS):
    rows = outcome_rows(collect_pairs(region=region, filters=filters))
    return _csv(
        OUTCOME_HEADER,
        [
            [r.neighbourhood, r.measure, r.n.label]
            + ["" if getattr(r, s).suppressed else getattr(r, s).value for s in STATISTICS]
            for r in rows
        ],
    )


def reach_table(*, region, filters=NO_FILTERS):
    """[(neighbourhood or ALL, indicator, Cell)]: registered and attended per neighbourhood."""
    table: dict = {}
    for hood, _channel, registered, attended in reach_rows(region=region, filters=filters):
        cell = table.setdefault(hood, {"registered": 0, "attended": 0})
        cell["registered"] += registered
        cell["attended"] += attended
    cells, _rows, totals, _grand = suppress_grid(table, rows_add_up=False)
    result = [(h, ind, cell) for h in sorted(cells) for ind, cell in cells[h].items()]
    indicators = ("registered", "attended")
    return result + [(ALL, ind, totals.get(ind, suppress_count(0))) for ind in indicators]


def reach_csv(*, region, filters=NO_FILTERS):
    return _csv(
        REACH_HEADER,
        [[h, ind, cell.label] for h, ind, cell in reach_table(region=region, filters=filters)],
    )
