"""Readers of the rollup (`FactRollup`, see `rollup.py`) for the unfiltered dashboard: the
same dictionaries the fact path returns, from a table of one row per first session. The
time-dependent figures (call due, return due, lost) filter the rows on their exact start and
call date at read time, as the fact path filters the facts."""

from django.db.models import Q, Sum

from groepsconsult.monitoring.models import FactRollup

PAIRS = ("n", "sum_base", "sum_return", "sum_change", "sum_change_sq", "based")


def rollup_queryset(region):
    if isinstance(region, list | tuple):
        return FactRollup.objects.filter(region__in=region)
    return FactRollup.objects.filter(region=region)


def region_key(by_region):
    """The extra GROUP BY column when one query reads several regions at once."""
    return ("region_id",) if by_region else ()


def _zero(found):
    return {key: value or 0 for key, value in found.items()}


def _person_sums(today, return_due):
    due = Q(follow_up_call_due__lte=today)
    recent = Q(baseline_at__gt=return_due)
    sums = {
        "attended": Sum("attended"),
        "call_due": Sum("attended", filter=due),
        "call_reached": Sum("attended_reached", filter=due),
        "return_older": Sum("attended", filter=~recent),
        "return_recent": Sum("returned", filter=recent),
    }
    for name in ("returned", "dropped_out", "handover_taken_up", "health_answered", "health_good"):
        sums[name] = Sum(name)
    # An alias may not be a field's name: "t_" in the query, the indicator's name out of it.
    return {f"t_{k}": v for k, v in sums.items()}


def _person_found(found):
    found = {key[2:]: value or 0 for key, value in found.items()}
    found["return_due"] = found.pop("return_older") + found.pop("return_recent")
    return found


def person_totals(*, region, today, return_due, within=None):
    """{indicator: n} as `process.person_totals` for the unfiltered view (or the first
    sessions `within`, a Q on the rollup: the targets' year): one query."""
    rows = rollup_queryset(region)
    if within is not None:
        rows = rows.filter(within)
    return _person_found(rows.aggregate(**_person_sums(today, return_due)))


def person_totals_by_region(*, regions, today, return_due):
    """{region id: {indicator: n}} as `person_totals` per region, every region: one query."""
    sums = _person_sums(today, return_due)
    rows = rollup_queryset(regions).values("region_id").annotate(**sums).order_by()
    found = {row.pop("region_id"): _person_found(row) for row in rows}
    empty = _person_found(dict.fromkeys(sums))
    return {region.pk: found.get(region.pk, empty) for region in regions}


def people_by_region(*, regions):
    """{region id: counted people} (the trajectories with a first session there that may be
    counted): one query."""
    rows = rollup_queryset(regions).values("region_id").annotate(n=Sum("people")).order_by()
    return {row["region_id"]: row["n"] for row in rows}


def pair_rows(*, region, measures, due_before, by_region=False):
    """Rows as `aggregates.collect_pairs` groups the facts, per neighbourhood (and region):
    one query."""
    sums, measured = {}, Q()
    for m in measures:
        sums |= {f"{m}__{name}": Sum(f"{m}_{name}") for name in PAIRS}
        sums[f"{m}__lost"] = Sum(f"{m}_lost", filter=Q(baseline_at__lte=due_before))
        measured |= Q(**{f"{m}_based__gt": 0})
    return (
        rollup_queryset(region)
        .filter(measured)
        .values(*region_key(by_region), "neighbourhood__cbs_code", "neighbourhood__name")
        .annotate(**sums)
        .order_by()
    )


def colour_counts(*, region, measures):
    """{measure: (n, better)} as `colours.colour_counts`: one query."""
    sums = {}
    for m in measures:
        sums |= {f"{m}__n": Sum(f"{m}_colour_n"), f"{m}__better": Sum(f"{m}_colour_better")}
    found = _zero(rollup_queryset(region).aggregate(**sums))
    return {m: (found[f"{m}__n"], found[f"{m}__better"]) for m in measures}
