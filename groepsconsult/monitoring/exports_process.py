"""CSV and XLSX of the process indicators and the equity breakdowns, in long format.

`process.csv`: table,group,indicator,value. `equity.csv`: breakdown,group,indicator,value.
One row per figure, so the columns stay the same whatever groups, states or reasons occur.
Every value is a suppressed `Cell` from the same functions the dashboard and the equity view
use (`process_context`, `target_progress`, `equity_breakdowns`): "<10" where the page shows
"<10", and a share only where both its counts are shown. Group names are English (the export
is a data file, not a page): `translation.override("en")`.
"""

from django.utils import timezone, translation

from groepsconsult.consultations.models import Consultation
from groepsconsult.handovers.models import Handover
from groepsconsult.monitoring.aggregates import ALL
from groepsconsult.monitoring.colours import colour_moves
from groepsconsult.monitoring.equity import equity_breakdowns
from groepsconsult.monitoring.exports import NO_FILTERS, _csv, _shown, xlsx_bytes
from groepsconsult.monitoring.process import DOMAINS, person_indicator_labels, process_context
from groepsconsult.monitoring.suppression import Cell, threshold
from groepsconsult.monitoring.targets import target_progress

PROCESS_HEADER = ["table", "group", "indicator", "value"]
EQUITY_HEADER = ["breakdown", "group", "indicator", "value"]
OTHER_REASONS = "other"
DROPOUT = ("stopped", "lost", "total")


def _share(share):
    """A percentage as a cell: hidden ("<10") unless both of its counts are shown."""
    percent = share.percent if share is not None else None
    return Cell(percent, threshold())


def _people(process):
    rows = []
    for key, (_label, cell, share) in zip(
        person_indicator_labels(), process["people"], strict=True
    ):
        rows.append(("people", ALL, key, cell))
        if share is not None:
            rows.append(("people", ALL, f"{key}_percent", _share(share)))
    return rows


def _attendance(process):
    kinds = [*Consultation.Kind.values, ALL]
    rows = []
    for kind, (_label, share) in zip(kinds, process["attendance"], strict=True):
        rows += [
            ("attendance", kind, "registered", share.whole),
            ("attendance", kind, "present", share.part),
            ("attendance", kind, "present_percent", _share(share)),
        ]
    return rows


def _handovers(process):
    table = process["handovers"]
    rows = []
    for state, (_label, cells, total) in zip(Handover.Status.values, table["rows"], strict=True):
        rows += [("handovers", state, d, c) for d, c in zip(DOMAINS, cells.values(), strict=True)]
        rows.append(("handovers", state, "total", total))
    rows += [("handovers", ALL, d, c) for d, c in zip(DOMAINS, table["totals"], strict=True)]
    return rows + [("handovers", ALL, "total", table["grand"])]


def _dropout(process):
    """Per named reason (only reasons at least k people gave are named), then other, then ALL."""
    table = process["dropout"]
    groups = [row[0] for row in table["rows"][:-1]] + [OTHER_REASONS]
    rows = []
    for group, (_reason, *cells) in zip(groups, table["rows"], strict=True):
        rows += [("dropout", group, i, c) for i, c in zip(DROPOUT, cells, strict=True)]
    return rows + [("dropout", ALL, i, c) for i, c in zip(DROPOUT, table["totals"], strict=True)]


def _targets(region, filters):
    """Progress against the year's targets; one region only (as on the dashboard)."""
    if isinstance(region, list | tuple):
        return []
    year = (filters.end or timezone.localdate()).year
    rows = []
    for p in target_progress(region=region, year=year):
        rows.append(("targets", str(year), p.target.indicator, p.value))
        rows.append(("targets", str(year), f"{p.target.indicator}_target", p.target.value))
    return rows


def _colour_moves(region, filters):
    rows = []
    for move in colour_moves(region=region, filters=filters):
        rows += [
            ("colour_moves", move.measure, "red_or_orange_at_baseline", move.n),
            ("colour_moves", move.measure, "better", move.better),
            ("colour_moves", move.measure, "better_percent", _share(move.share)),
        ]
    return rows


def process_table(*, region, filters=NO_FILTERS):
    """[(table, group, indicator, Cell or target figure)]: everything the Process section and
    the targets show. A target is an agreed number, not about people: it is not a Cell."""
    with translation.override("en"):
        process = process_context(region=region, filters=filters)
        return (
            _people(process)
            + _attendance(process)
            + _handovers(process)
            + _dropout(process)
            + _colour_moves(region, filters)
            + _targets(region, filters)
        )


def _value(value):
    return _shown(value) if isinstance(value, Cell) else value


def process_lines(*, region, filters=NO_FILTERS):
    return [[t, g, i, _value(v)] for t, g, i, v in process_table(region=region, filters=filters)]


def process_csv(*, region, filters=NO_FILTERS):
    return _csv(PROCESS_HEADER, process_lines(region=region, filters=filters))


def process_xlsx(*, region, filters=NO_FILTERS):
    return xlsx_bytes(
        PROCESS_HEADER, process_lines(region=region, filters=filters), title="process"
    )


def _indicator_rows(breakdown, group, keys, cells):
    rows = []
    for key, (cell, share) in zip(keys, cells, strict=True):
        rows.append((breakdown, group, key, cell))
        if share is not None:
            rows.append((breakdown, group, f"{key}_percent", _share(share)))
    return rows


def equity_table(*, region, filters=NO_FILTERS):
    """[(breakdown, group, indicator, Cell)]: each table of the equity view, its total as ALL."""
    keys = list(person_indicator_labels())
    rows = []
    with translation.override("en"):
        _labels, breakdowns = equity_breakdowns(region=region, filters=filters)
        for b in breakdowns:
            for group, cells in [*b.rows, (ALL, b.totals)]:
                rows += _indicator_rows(b.key, str(group), keys, cells)
    return rows


def equity_lines(*, region, filters=NO_FILTERS):
    return [[b, g, i, _shown(c)] for b, g, i, c in equity_table(region=region, filters=filters)]


def equity_csv(*, region, filters=NO_FILTERS):
    return _csv(EQUITY_HEADER, equity_lines(region=region, filters=filters))


def equity_xlsx(*, region, filters=NO_FILTERS):
    return xlsx_bytes(EQUITY_HEADER, equity_lines(region=region, filters=filters), title="equity")
