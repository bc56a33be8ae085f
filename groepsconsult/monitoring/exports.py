"""CSV and XLSX exports of the monitoring aggregates: the same suppressed cells as the dashboard.

`outcomes.csv`: neighbourhood,measure,n,baseline_mean,return_mean,change_mean,ci95_low,ci95_high
(one row per neighbourhood CBS code and measure, then ALL; a suppressed n reads "<10" and its
statistics are empty). `reach.csv`: neighbourhood,indicator,value, suppressed the same way.
The XLSX files hold the same rows as the CSV files (numbers as numbers, "<10" as text).
"""

import csv
import io

from openpyxl import Workbook

from groepsconsult.core.spreadsheet import formula_safe_rows
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
    writer.writerows(formula_safe_rows(rows))
    return out.getvalue()


def xlsx_bytes(header, rows, *, title):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: a name starting with "=" is no formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _shown(cell):
    return cell.label if cell.suppressed else cell.value


def outcome_lines(*, region, filters=NO_FILTERS):
    """The rows of outcomes.csv / .xlsx (without the header)."""
    rows = outcome_rows(collect_pairs(region=region, filters=filters))
    return [
        [r.neighbourhood, r.measure, _shown(r.n)]
        + ["" if getattr(r, s).suppressed else getattr(r, s).value for s in STATISTICS]
        for r in rows
    ]


def outcomes_csv(*, region, filters=NO_FILTERS):
    return _csv(OUTCOME_HEADER, outcome_lines(region=region, filters=filters))


def outcomes_xlsx(*, region, filters=NO_FILTERS):
    return xlsx_bytes(
        OUTCOME_HEADER, outcome_lines(region=region, filters=filters), title="outcomes"
    )


def reach_table(*, region, filters=NO_FILTERS):
    """[(neighbourhood or ALL, indicator, Cell)]: registered and attended per neighbourhood."""
    return reach_table_from_rows(reach_rows(region=region, filters=filters))


def reach_table_from_rows(rows):
    """As `reach_table`, from the rows of `reach_rows` (in any order: the neighbourhoods are
    sorted before suppression, so a tie between two cells is always broken the same way)."""
    table: dict = {}
    for hood, _channel, registered, attended in sorted(rows, key=lambda row: row[0]):
        cell = table.setdefault(hood, {"registered": 0, "attended": 0})
        cell["registered"] += registered
        cell["attended"] += attended
    cells, _rows, totals, _grand = suppress_grid(table, rows_add_up=False)
    result = [(h, ind, cell) for h in sorted(cells) for ind, cell in cells[h].items()]
    indicators = ("registered", "attended")
    return result + [(ALL, ind, totals.get(ind, suppress_count(0))) for ind in indicators]


def reach_lines(*, region, filters=NO_FILTERS):
    return [[h, ind, _shown(cell)] for h, ind, cell in reach_table(region=region, filters=filters)]


def reach_csv(*, region, filters=NO_FILTERS):
    return _csv(REACH_HEADER, reach_lines(region=region, filters=filters))


def reach_xlsx(*, region, filters=NO_FILTERS):
    return xlsx_bytes(REACH_HEADER, reach_lines(region=region, filters=filters), title="reach")
