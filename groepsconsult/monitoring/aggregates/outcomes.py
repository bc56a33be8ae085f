"""Paired baseline vs 6-month change, from the trajectory facts (one GROUP BY whatever the
number of participants), and the trajectory counts."""

import datetime as dt
import math
import statistics
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    Sum,
)
from django.utils import timezone
from scipy import stats

from groepsconsult.monitoring import rollup_read
from groepsconsult.monitoring.aggregates.filters import (
    ALL,
    MEASURES,
    RETURN_DUE_DAYS,
    Filters,
    _hood,
    in_regions,
    not_refused,
)
from groepsconsult.monitoring.memo import per_request
from groepsconsult.monitoring.models import TrajectoryFact
from groepsconsult.monitoring.suppression import Cell, suppress, suppress_grid
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.models import Trajectory


@dataclass
class Pairs:
    """Sums over the paired baseline and return values of one measure in one neighbourhood
    (never shown raw): enough for the means and the t-interval of the mean change."""

    n: int = 0
    sum_base: float = 0.0
    sum_return: float = 0.0
    sum_change: float = 0.0
    sum_change_sq: float = 0.0
    lost: int = 0

    def __add__(self, other):
        return Pairs(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self):
        return (
            self.n,
            self.sum_base,
            self.sum_return,
            self.sum_change,
            self.sum_change_sq,
            self.lost,
        )


@dataclass(frozen=True)
class OutcomeRow:
    neighbourhood: str
    measure: str
    label: str
    n: Cell
    baseline_mean: Cell
    return_mean: Cell
    change_mean: Cell
    ci95_low: Cell
    ci95_high: Cell
    lost: Cell


def paired_statistics(pairs):
    """(baseline mean, return mean, mean change, CI low, CI high) of paired values; the 95%
    interval of the mean change uses Student's t with n - 1 degrees of freedom."""
    changes = [r - b for b, r in pairs]
    n = len(changes)
    mean_change = statistics.fmean(changes)
    half = stats.t.ppf(0.975, n - 1) * statistics.stdev(changes) / math.sqrt(n) if n > 1 else 0
    return (
        statistics.fmean(b for b, _r in pairs),
        statistics.fmean(r for _b, r in pairs),
        mean_change,
        mean_change - half,
        mean_change + half,
    )


def paired_statistics_from_sums(p: Pairs):
    """As `paired_statistics`, from the sums: the sample variance of the changes is
    (sum of squares - sum^2 / n) / (n - 1)."""
    n = p.n
    mean_change = p.sum_change / n
    variance = max(p.sum_change_sq - p.sum_change**2 / n, 0.0) / (n - 1) if n > 1 else 0.0
    half = stats.t.ppf(0.975, n - 1) * math.sqrt(variance) / math.sqrt(n) if n > 1 else 0
    return (
        p.sum_base / n,
        p.sum_return / n,
        mean_change,
        mean_change - half,
        mean_change + half,
    )


def fact_queryset(*, region, filters: Filters):
    """The counted facts (one per trajectory) whose first session is in `region` and matches
    the filters: the base of every per-person indicator and of the outcomes."""
    return TrajectoryFact.objects.filter(
        in_regions("region", region), filters.fact_q(), counted=True
    )


def trajectory_queryset(*, region, filters: Filters):
    """Trajectories whose first session is in `region` and matches the filters, without the
    people who said no to anonymous monitoring: the base of every per-person indicator."""
    rows = Trajectory.objects.filter(
        not_refused("participant"),
        filters.participant_q("participant__", "baseline_consultation"),
        in_regions("baseline_consultation__region", region),
    )
    if filters.channel:
        rows = rows.filter(
            Exists(
                Registration.objects.filter(
                    participant=OuterRef("participant"),
                    consultation=OuterRef("baseline_consultation"),
                    channel=filters.channel,
                )
            )
        )
    return rows


def trajectory_counts_by_region(*, regions, filters: Filters):
    """{region id: n} of `trajectory_queryset` per region: one GROUP BY query (over the
    rollup when nothing is filtered: one counted fact per such trajectory)."""
    if filters == Filters():
        return rollup_read.people_by_region(regions=regions)
    rows = (
        trajectory_queryset(region=regions, filters=filters)
        .values("baseline_consultation__region_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["baseline_consultation__region_id"]: row["n"] for row in rows}


def _pair_sums(measure, due_before):
    base, back = F(f"{measure}_base"), F(f"{measure}_return")
    paired = Q(**{f"{measure}_base__isnull": False, f"{measure}_return__isnull": False})
    lost = Q(
        **{f"{measure}_base__isnull": False, f"{measure}_return__isnull": True},
        baseline_at__lte=due_before,
    )
    change = ExpressionWrapper(back - base, output_field=FloatField())
    return {
        f"{measure}__n": Count("pk", filter=paired),
        f"{measure}__sum_base": Sum(base, filter=paired),
        f"{measure}__sum_return": Sum(back, filter=paired),
        f"{measure}__sum_change": Sum(change, filter=paired),
        f"{measure}__sum_change_sq": Sum(change * change, filter=paired),
        f"{measure}__lost": Count("pk", filter=lost),
        f"{measure}__based": Count("pk", filter=Q(**{f"{measure}_base__isnull": False})),
    }


def pair_rows_from_facts(*, region, filters: Filters, due_before, by_region=False):
    """Per neighbourhood (and region), the sums of `Pairs` for every measure: one GROUP BY
    over the facts."""
    sums = {}
    for measure in MEASURES:
        sums |= _pair_sums(measure, due_before)
    measured = Q()
    for measure in MEASURES:
        measured |= Q(**{f"{measure}_base__isnull": False})
    return (
        fact_queryset(region=region, filters=filters)
        .filter(measured)
        .values(
            *rollup_read.region_key(by_region), "neighbourhood__cbs_code", "neighbourhood__name"
        )
        .annotate(**sums)
        .order_by()
    )


def _pair_rows(*, region, filters, by_region):
    due_before = timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS)
    if filters == Filters():
        return rollup_read.pair_rows(
            region=region, measures=MEASURES, due_before=due_before, by_region=by_region
        )
    return pair_rows_from_facts(
        region=region, filters=filters, due_before=due_before, by_region=by_region
    )


def collect_pairs(*, region, filters: Filters):
    """{neighbourhood: {measure: Pairs}}: one GROUP BY query, whatever the number of people
    (several regions: their `pair_rows_by_region`, kept per request, added up)."""
    if isinstance(region, list | tuple):
        return group_pairs(pair_rows_by_region(regions=region, filters=filters))
    return group_pairs(_pair_rows(region=region, filters=filters, by_region=False))


@per_request
def pair_rows_by_region(*, regions, filters: Filters):
    """The rows `collect_pairs` groups, with their "region_id", for several regions: one
    GROUP BY query (`group_pairs` of one region's rows is that region's `collect_pairs`)."""
    return list(_pair_rows(region=regions, filters=filters, by_region=True))


def group_pairs(rows):
    """{neighbourhood: {measure: Pairs}} from the per-neighbourhood sums."""
    grouped: dict = {}
    for r in rows:
        hood = _hood(r["neighbourhood__cbs_code"], r["neighbourhood__name"])
        cells = grouped.setdefault(hood, {})
        for measure in MEASURES:
            figures = [r[f"{measure}__{name}"] or 0 for name in Pairs.__dataclass_fields__]
            if r[f"{measure}__based"]:
                cells[measure] = cells.get(measure, Pairs()) + Pairs(*figures)
    return grouped


def outcome_rows(grouped) -> list[OutcomeRow]:
    """Per neighbourhood and measure, then ALL: n, means, change and CI, all suppressed."""
    hoods = sorted(grouped)
    n_grid = {h: {m: grouped[h].get(m, Pairs()).n for m in MEASURES} for h in hoods}
    lost_grid = {h: {m: grouped[h].get(m, Pairs()).lost for m in MEASURES} for h in hoods}
    n_cells, _rows, n_totals, _grand = suppress_grid(n_grid, rows_add_up=False)
    lost_cells, _rows, lost_totals, _grand = suppress_grid(lost_grid, rows_add_up=False)
    result = []
    for hood in hoods:
        for measure in MEASURES:
            pairs = grouped[hood].get(measure, Pairs())
            result.append(
                _row(hood, measure, pairs, n_cells[hood][measure], lost_cells[hood][measure])
            )
    for measure in MEASURES:
        pairs = sum((grouped[hood].get(measure, Pairs()) for hood in hoods), Pairs())
        total_n = n_totals[measure] if hoods else suppress(0, 0)
        total_lost = lost_totals[measure] if hoods else suppress(0, 0)
        result.append(_row(ALL, measure, pairs, total_n, total_lost))
    return result


def _row(hood, measure, pairs, n_cell, lost_cell):
    k = n_cell.k
    if n_cell.suppressed:
        figures = [Cell(None, k)] * 5
    else:
        stats_ = paired_statistics_from_sums(pairs)
        figures = [suppress(round(v, 3), pairs.n) for v in stats_]
    return OutcomeRow(hood, measure, MEASURES[measure], n_cell, *figures, lost_cell)
