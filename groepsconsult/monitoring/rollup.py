"""The rollup of the facts (`FactRollup`): per first session, the counts and sums the
unfiltered dashboard (one region, or every region combined) reads instead of every fact.

`rollup_refresh(keys)` recomputes the rows of these keys from the facts (never +/- deltas): a
delete, one GROUP BY over the facts of the keys and an insert per batch of keys. `facts.py`
calls it in the same transaction as the facts it rewrites, with the keys the trajectories had
before and have after; `facts_rebuild` ends with `rollup_rebuild`. The counts reuse the very
expressions the fact path counts with (`process`, `aggregates`, `colours`), so both paths
give the same figures (tests/monitoring/test_rollup.py).
"""

import datetime as dt
import functools
import hashlib

from django.db import connection, transaction
from django.db.models import Count, Q

from groepsconsult.core.bulk import insert_rows
from groepsconsult.monitoring.aggregates import MEASURES, _pair_sums
from groepsconsult.monitoring.colours import _counts as colour_counts
from groepsconsult.monitoring.models import FactRollup, TrajectoryFact
from groepsconsult.monitoring.prepared import Prepared
from groepsconsult.monitoring.process import NOT_STARTED, person_indicator_counts

KEY = ("region_id", "neighbourhood_id", "baseline_at", "follow_up_call_due")
# Every baseline without a return counts as "lost" here; the reader keeps those that are due.
ALWAYS_DUE = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)
KEYS_PER_QUERY = 200
PEOPLE = ("attended", "returned", "dropped_out", "handover_taken_up")
PEOPLE += ("health_answered", "health_good")


@functools.cache
def _sums():
    """{rollup field: aggregate over the facts}."""
    counts = person_indicator_counts()
    sums = {"people": Count("pk")} | {name: counts[name] for name in PEOPLE}
    sums["attended_reached"] = Count("pk", filter=~Q(status__in=NOT_STARTED) & Q(call_reached=True))
    for measure in MEASURES:
        for name, expression in _pair_sums(measure, ALWAYS_DUE).items():
            sums[name.replace("__", "_")] = expression
        for name, expression in colour_counts(measure).items():
            sums[name.replace("__", "_colour_")] = expression
    return sums


def _key_q(keys, names=KEY):
    """Q matching any of these keys (tuples of the values of `names`, in turn)."""
    q = Q()
    for key in keys:
        q |= Q(**dict(zip(names, key, strict=True)))
    return q


@functools.cache
def _grouped():
    """The GROUP BY over the counted facts, built once per process: building its 60 aggregates
    was a fifth of a station save (issue 12). Callers filter a copy (a WHERE on key fields)."""
    sums = {f"r_{name}": expression for name, expression in _sums().items()}
    return TrajectoryFact.objects.filter(counted=True).values(*KEY).annotate(**sums).order_by()


def _by_keys(*values):
    """The GROUP BY for the keys whose fields are `values` (len(KEY) per key, in turn)."""
    keys = zip(*[iter(values)] * len(KEY), strict=True)
    return _grouped().filter(_key_q(keys))


# Compiling those 60 aggregates was again most of a refresh of one session's row: the SQL is
# made once per shape of keys and run with each refresh's key values.
_BY_KEYS = Prepared(_by_keys)


def _as_rollup(row):
    return {name: row[name] for name in KEY} | {name: row[f"r_{name}"] or 0 for name in _sums()}


def _rows(q=None):
    grouped = _grouped().filter(q) if q is not None else _grouped().all()
    return [_as_rollup(row) for row in grouped]


def _rows_of(keys):
    return [_as_rollup(row) for row in _BY_KEYS.dicts(*(v for key in keys for v in key))]


def _insert(rows) -> int:
    """Django's bulk_create prepared each of these 50 columns field by field: insert_rows passes
    the counts and sums through."""
    insert_rows(FactRollup, rows)
    return len(rows)


def _lock_id(key):
    """A signed 64-bit number per key, the same in every process (times in UTC)."""
    text = "|".join(
        v.astimezone(dt.UTC).isoformat() if isinstance(v, dt.datetime) else str(v) for v in key
    )
    return int.from_bytes(
        hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True
    )


def _lock(keys):
    """Two refreshes of one key at once (two tablets in one session) would each delete the
    rows they see and insert their own: on PostgreSQL the second waits for the first (a lock
    per key until the transaction ends; SQLite writes one at a time). Sorted: no deadlock."""
    if connection.vendor != "postgresql":
        return
    ids = sorted(_lock_id(key) for key in keys)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(k)) FROM "
            "(SELECT k FROM unnest(%s::bigint[]) AS k ORDER BY k) AS keys",
            [ids],
        )


def rollup_refresh(keys) -> int:
    """Recompute the rollup rows of these keys from the facts."""
    keys, written = sorted(set(keys), key=str), 0
    for i in range(0, len(keys), KEYS_PER_QUERY):
        q = _key_q(keys[i : i + KEYS_PER_QUERY])
        with transaction.atomic(savepoint=False):  # no savepoint inside the facts' transaction
            _lock(keys[i : i + KEYS_PER_QUERY])
            FactRollup.objects.filter(q).delete()
            written += _insert(_rows_of(keys[i : i + KEYS_PER_QUERY]))
    return written


def rollup_rebuild(*, region=None) -> int:
    """Recompute every rollup row of one region (or all) in one GROUP BY."""
    rows, q = FactRollup.objects.all(), None
    if region is not None:
        rows, q = rows.filter(region=region), Q(region=region)
    with transaction.atomic():
        rows.delete()
        return _insert(_rows(q))
