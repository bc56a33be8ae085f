"""Readers of the panel pre-aggregates (`panels.py`) for the unfiltered views: the same rows
the fact path groups (`process.handovers_by_state`, `process.dropout_reasons`,
`equity._grouped`), from tables whose size follows regions, days and groups, not people.

"Call due" compares each row's exact call date with today, as the fact path does. "Return
due" (first session at least six months ago, or came back) is decided per day: every first
session of a day before the cut-off's local date is due, none after it; only the cut-off day
itself is split by the hour, so its few facts are counted as the fact path counts them (one
query over that one day). The figures are identical (tests/monitoring/test_panels.py).
"""

import datetime as dt

from django.db.models import Q, Sum
from django.utils import timezone

from groepsconsult.monitoring.aggregates import RETURN_DUE_DAYS, Filters, fact_queryset, in_regions
from groepsconsult.monitoring.models import DropoutRollup, EquityRollup, HandoverRollup

SUMMED = ("returned", "dropped_out", "handover_taken_up", "health_answered", "health_good")


def handover_rows(*, region):
    """[{status, domain, n}] as the fact path's GROUP BY: one query."""
    rows = HandoverRollup.objects.filter(in_regions("region", region))
    return rows.values("status", "domain").annotate(n=Sum("people")).order_by()


def dropout_rows(*, region):
    """[{status, reason, n}] as the fact path's GROUP BY: one query."""
    rows = DropoutRollup.objects.filter(in_regions("region", region))
    return rows.values("status", "reason").annotate(n=Sum("people")).order_by()


def _sums(today, cut_off_day):
    due = Q(follow_up_call_due__lte=today)
    sums = {
        "attended": Sum("attended"),
        "call_due": Sum("attended", filter=due),
        "call_reached": Sum("attended_reached", filter=due),
        "return_older": Sum("attended", filter=Q(day__lt=cut_off_day)),
        "return_recent": Sum("returned", filter=Q(day__gt=cut_off_day)),
    } | {name: Sum(name) for name in SUMMED}
    # An alias may not be a field's name: "t_" in the query, the indicator's name out of it.
    return {f"t_{name}": expression for name, expression in sums.items()}


def _indicators(row, names):
    found = {key[2:]: row[key] or 0 for key in row if key.startswith("t_")}
    found["return_due"] = found.pop("return_older") + found.pop("return_recent")
    return {name: found.get(name, 0) for name in names}


def equity_rows(*, region, dimensions, counts, by=()):
    """Per dimension (in the order of `dimensions`, [(key, group expression)]) the rows
    {*by, group, indicator counts} that `equity._grouped` gives for the unfiltered view
    (`counts`: `process.person_indicator_counts()`, the fact path's expressions): one query
    over the rollup and one over the facts of the cut-off day."""
    names = list(counts)
    today = timezone.localdate()
    return_due = timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS)
    cut_off_day = timezone.localdate(return_due)
    order = {key: i for i, (key, _expression) in enumerate(dimensions)}
    result = [[] for _dimension in dimensions]
    rolled = (
        EquityRollup.objects.filter(in_regions("region", region))
        .values(*by, "dimension", "bucket")
        .annotate(**_sums(today, cut_off_day))
        .order_by()
    )
    for row in rolled:
        if row["dimension"] in order:
            group = {name: row[name] for name in by} | {"group": row["bucket"]}
            result[order[row["dimension"]]].append(group | _indicators(row, names))
    _cut_off_day(result, region, dimensions, by, cut_off_day, counts)
    return result


def _cut_off_day(result, region, dimensions, by, day, counts):
    """Add the return-due people of the cut-off day, counted on the facts by the hour."""
    names, due_back = list(counts), counts["return_due"]
    groups = {f"g{i}": expression for i, (_key, expression) in enumerate(dimensions)}
    facts = (
        fact_queryset(region=region, filters=Filters())
        .filter(baseline_date=day)
        .annotate(**groups)
        .values(*by, *groups)
        .annotate(n=due_back)
        .order_by()
    )
    zero = dict.fromkeys(names, 0)
    for row in facts:
        for i in range(len(dimensions)):
            group = {name: row[name] for name in by} | {"group": row[f"g{i}"]}
            result[i].append(group | zero | {"return_due": row["n"]})
