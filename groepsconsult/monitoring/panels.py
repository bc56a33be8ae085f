"""Pre-aggregates of the panels that counted people from the facts at request time: the equity
groups (`EquityRollup`), the hand-overs by state and domain (`HandoverRollup`) and the drop-out
reasons (`DropoutRollup`). The unfiltered dashboard, the equity view and the combined-regions
guard read these instead of every fact (`panels_read`); a filtered view still reads the facts.

Like the rollup (`rollup.py`), rows are recomputed from the facts for the keys a refresh
touched (never +/- deltas), in the same transaction as the facts: `panels_state` reads, before
`facts.py` rewrites a batch, what these tables depend on in its facts; `panels_refresh` reads
it again afterwards and recomputes only the keys whose facts changed. A station save that only
changes measured values changes none of it and costs the two small reads. `panels_rebuild`
(called by `rollup_rebuild`, so by `rebuild_monitoring`) recomputes a region from scratch.
"""

import functools

from django.db import transaction
from django.db.models import Count, Q

from groepsconsult.core.bulk import insert_rows
from groepsconsult.monitoring.equity_groups import group_expressions
from groepsconsult.monitoring.models import (
    DropoutRollup,
    EquityRollup,
    HandoverFact,
    HandoverRollup,
    TrajectoryFact,
)
from groepsconsult.monitoring.rollup import KEYS_PER_QUERY, _key_q, _lock, _sums
from groepsconsult.trajectories.models import Trajectory

S = Trajectory.Status
DROPPED = (S.STOPPED, S.LOST)
EQUITY_KEY = ("region_id", "baseline_date", "follow_up_call_due")
EQUITY_FIELDS = ("region_id", "day", "follow_up_call_due")
HANDOVER_KEY = ("fact__region_id", "status", "domain")  # on HandoverFact
DROPOUT_KEY = ("region_id", "status", "stop_reason")  # on TrajectoryFact
# The time-independent people counts; "call due" and "return due" are decided at read time.
COUNTS = (
    "attended",
    "attended_reached",
    "returned",
    "dropped_out",
    "handover_taken_up",
    "health_answered",
    "health_good",
)
# Every fact column an equity group or count depends on (and the key).
STATE = (
    "pk",
    *EQUITY_KEY,
    "counted",
    "status",
    "stop_reason",
    "call_reached",
    "handover_taken_up",
    "self_rated_health",
    "ses_quintile",
    "education",
    "help_reading",
    "sex",
    "age_band",
    "language",
    "handovers__status",
    "handovers__domain",
)


@functools.cache
def _dimensions():
    """[(dimension key, group expression)] in the equity tables' order."""
    return group_expressions()


def panels_state(trajectory_ids) -> tuple:
    """(ids, {one tuple per fact and hand-over cell}) of these trajectories: one query."""
    ids = list(trajectory_ids)
    found = TrajectoryFact.objects.filter(pk__in=ids).values_list(*STATE).order_by()
    return ids, set(found)


def _keys(changed):
    """The equity, hand-over and drop-out keys of the changed state tuples."""
    names = {name: i for i, name in enumerate(STATE)}
    equity, handovers, dropout = set(), set(), set()
    for row in changed:
        region = row[names["region_id"]]
        equity.add(tuple(row[names[name]] for name in EQUITY_KEY))
        if row[names["status"]] in DROPPED:
            dropout.add((region, row[names["status"]], row[names["stop_reason"]]))
        if row[names["handovers__status"]] is not None:
            handovers.add(
                (region, row[names["handovers__status"]], row[names["handovers__domain"]])
            )
    return equity, handovers, dropout


def panels_refresh(before) -> None:
    """Recompute the panel rows whose facts changed since `before` (from `panels_state`)."""
    ids, old = before
    _ids, new = panels_state(ids)
    if old == new:
        return
    equity, handovers, dropout = _keys(old ^ new)
    _refresh(EquityRollup, EQUITY_FIELDS, equity, _equity_rows, EQUITY_KEY)
    cells = ("region_id", "status")
    _refresh(HandoverRollup, (*cells, "domain"), handovers, _handover_rows, HANDOVER_KEY)
    _refresh(DropoutRollup, (*cells, "reason"), dropout, _dropout_rows, DROPOUT_KEY)


def _refresh(model, fields, keys, rows, source_fields=None):
    """Delete and recompute `model`'s rows of these keys, under the rollup's per-key lock (two
    refreshes of one key at once would each insert their own)."""
    keys = sorted(keys, key=str)
    for i in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[i : i + KEYS_PER_QUERY]
        with transaction.atomic():
            _lock([(model._meta.model_name, *key) for key in chunk])
            model.objects.filter(_key_q(chunk, fields)).delete()
            insert_rows(model, rows(_key_q(chunk, source_fields or fields)))


# ---- from the facts -------------------------------------------------------------------------


@functools.cache
def _equity_grouped():
    """ONE GROUP BY over the counted facts per key and every dimension's group at once."""
    sums = {f"c_{name}": _sums()[name] for name in COUNTS}
    groups = {f"g{i}": expression for i, (_key, expression) in enumerate(_dimensions())}
    return (
        TrajectoryFact.objects.filter(counted=True)
        .annotate(**groups)
        .values(*EQUITY_KEY, *groups)
        .annotate(**sums)
        .order_by()
    )


def _equity_rows(q=None):
    """The `EquityRollup` rows of the facts matching `q`: the groups of each dimension added
    up from the one pass over every combination."""
    query = _equity_grouped().filter(q) if q is not None else _equity_grouped().all()
    found: dict = {}
    for row in query:
        key = tuple(row[name] for name in EQUITY_KEY)
        for i, (dimension, _expression) in enumerate(_dimensions()):
            sums = found.setdefault((*key, dimension, row[f"g{i}"]), dict.fromkeys(COUNTS, 0))
            for name in COUNTS:
                sums[name] += row[f"c_{name}"] or 0
    return [
        dict(zip(EQUITY_FIELDS, key[:3], strict=True))
        | {"dimension": key[3], "bucket": key[4]}
        | sums
        for key, sums in found.items()
    ]


def _handover_rows(q=None):
    """People (distinct) per region, state and domain among the counted facts."""
    query = HandoverFact.objects.filter(fact__counted=True)
    if q is not None:
        query = query.filter(q)
    grouped = (
        query.values("fact__region_id", "status", "domain")
        .annotate(people=Count("fact__participant", distinct=True))
        .order_by()
    )
    return [
        {"region_id": r["fact__region_id"], "status": r["status"], "domain": r["domain"]}
        | {"people": r["people"]}
        for r in grouped
    ]


def _dropout_rows(q=None):
    """Counted trajectories per region, status (stopped, lost) and reason."""
    query = TrajectoryFact.objects.filter(counted=True, status__in=DROPPED)
    if q is not None:
        query = query.filter(q)
    grouped = query.values("region_id", "status", "stop_reason").annotate(n=Count("pk")).order_by()
    return [
        {"region_id": r["region_id"], "status": r["status"], "reason": r["stop_reason"]}
        | {"people": r["n"]}
        for r in grouped
    ]


def panels_rebuild(*, region=None) -> None:
    """Recompute every panel row of one region (or all) from the facts: one query per table."""
    with transaction.atomic():
        for model, rows, where in (
            (EquityRollup, _equity_rows, "region"),
            (HandoverRollup, _handover_rows, "fact__region"),
            (DropoutRollup, _dropout_rows, "region"),
        ):
            existing, q = model.objects.all(), None
            if region is not None:
                existing, q = existing.filter(region=region), Q(**{where: region})
            existing.delete()
            insert_rows(model, rows(q))
