"""Per-neighbourhood figures for the maps, read from monitoring's suppressed aggregates.

Nothing is counted here: `monitoring.exports.reach_table` and `monitoring.aggregates.outcome_rows`
give `Cell`s that already passed small-cell suppression. A rate is shown only when every count
it rests on is shown; a neighbourhood missing from the aggregates has nobody in them, which is a
small cell too ("<10"). The reach of the target group divides the registered count by the size
of the target group from a reference dataset (indicator `target_population`).
"""

from dataclasses import dataclass, field

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from groepsconsult.monitoring.aggregates import ALL, MEASURES, Filters, collect_pairs, outcome_rows
from groepsconsult.monitoring.exports import reach_table
from groepsconsult.monitoring.suppression import Cell, threshold


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str = ""


INDICATORS = {
    i.key: i
    for i in [
        Indicator("reach", _("Reach of the target group (percentage registered)"), "%"),
        Indicator("registered", _("Registered for a first session")),
        Indicator("attendance", _("Attendance (percentage of registered who came)"), "%"),
        *(
            Indicator(f"change_{m}", format_lazy(_("Change after six months: {}"), label))
            for m, label in MEASURES.items()
        ),
    ]
}
DEFAULT = "reach"
NO_FILTERS = Filters()


@dataclass
class Figures:
    """{area key: Cell or None (no data)}, the region's figure, and n per area for changes."""

    cells: dict
    region: Cell | None
    n: dict = field(default_factory=dict)


def _hidden():
    return Cell(None, threshold())


def _rate(part, whole):
    """part / whole in %, hidden when either rests on a hidden count; None without a whole."""
    if whole is None or part.suppressed or getattr(whole, "suppressed", False):
        return None if whole is None else _hidden()
    whole = whole.value if isinstance(whole, Cell) else whole
    return Cell(round(100 * float(part.value) / float(whole), 1), part.k) if whole else None


def _average(total, areas):
    """The region's count per neighbourhood, hidden with its total."""
    if not areas or total.suppressed:
        return None if not areas else total
    return Cell(round(total.value / areas, 1), total.k)


def indicator_figures(*, region, indicator, keys, targets, filters=NO_FILTERS) -> Figures:
    """Figures of `indicator` for the areas `keys` (CBS code, or name without one), with the
    dashboard's `filters`; `region` may be a list (a funder's regions combined)."""
    if indicator.startswith("change_"):
        return _change(region, indicator.removeprefix("change_"), keys, filters)
    counts: dict = {}
    for hood, what, cell in reach_table(region=region, filters=filters):
        counts.setdefault(hood, {})[what] = cell

    def count(key, what):
        return counts.get(key, {}).get(what) or _hidden()

    if indicator == "registered":
        cells = {key: count(key, "registered") for key in keys}
        return Figures(cells, _average(count(ALL, "registered"), len(keys)))
    if indicator == "attendance":
        cells = {key: _rate(count(key, "attended"), count(key, "registered")) for key in keys}
        return Figures(cells, _rate(count(ALL, "attended"), count(ALL, "registered")))
    cells = {key: _rate(count(key, "registered"), targets.get(key)) for key in keys}
    target_sum = sum(targets.get(key, 0) for key in keys)
    return Figures(cells, _rate(count(ALL, "registered"), target_sum or None))


def _change(region, measure, keys, filters):
    rows = [
        r
        for r in outcome_rows(collect_pairs(region=region, filters=filters))
        if r.measure == measure
    ]
    by_key = {r.neighbourhood: r for r in rows}
    cells = {key: by_key[key].change_mean if key in by_key else _hidden() for key in keys}
    n = {key: by_key[key].n if key in by_key else _hidden() for key in keys}
    everyone = by_key.get(ALL)
    return Figures(cells, everyone.change_mean if everyone else None, n)
