"""Colour moves: of the people whose baseline colour was red or orange, how many came back with
a better one (red to orange or green, orange to green), per measure.

The colours are the stored traffic lights of the current measurements, copied onto the
pre-aggregates (`TrajectoryFact.<measure>_base_colour` / `_return_colour`): one aggregate query
for every measure, whatever the number of people. Only people with a colour at both moments
count. Each measure is one row of two parts (better, not better) whose total is the n, passed
through `suppression.suppress_counts`: a part below k hides the other part too, so n minus a
shown part never gives back a small group, and the share is shown only when both are shown.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from groepsconsult.monitoring import rollup_read
from groepsconsult.monitoring.aggregates import MEASURES, Filters, fact_queryset
from groepsconsult.monitoring.process import Share
from groepsconsult.monitoring.suppression import Cell, suppress_counts

COLOURED = ("green", "orange", "red")
NEEDS_ATTENTION = ("red", "orange")
BETTER = {"red": ("orange", "green"), "orange": ("green",)}


@dataclass(frozen=True)
class ColourMove:
    measure: str
    label: str
    n: Cell  # red or orange at baseline, with a colour on return
    better: Cell
    share: Share


def _counts(measure):
    base, back = f"{measure}_base_colour", f"{measure}_return_colour"
    paired = Q(**{f"{base}__in": NEEDS_ATTENTION, f"{back}__in": COLOURED})
    better = Q()
    for was, now in BETTER.items():
        better |= Q(**{base: was, f"{back}__in": now})
    return {
        f"{measure}__n": Count("pk", filter=paired),
        f"{measure}__better": Count("pk", filter=paired & better),
    }


def colour_counts(*, region, filters: Filters):
    """{measure: (n, better)}: one aggregate query over the counted facts (over the rollup when
    nothing is filtered)."""
    if filters == Filters():
        return rollup_read.colour_counts(region=region, measures=list(MEASURES))
    return colour_counts_from_facts(region=region, filters=filters)


def colour_counts_from_facts(*, region, filters: Filters):
    sums = {}
    for measure in MEASURES:
        sums |= _counts(measure)
    found = fact_queryset(region=region, filters=filters).aggregate(**sums)
    return {m: (found[f"{m}__n"] or 0, found[f"{m}__better"] or 0) for m in MEASURES}


def colour_moves(*, region, filters: Filters) -> list[ColourMove]:
    rows = []
    for measure, (n, better) in colour_counts(region=region, filters=filters).items():
        cells, total = suppress_counts({"better": better, "not_better": n - better})
        share = Share(part=cells["better"], whole=total)
        rows.append(ColourMove(measure, MEASURES[measure], total, cells["better"], share))
    return rows
