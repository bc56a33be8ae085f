"""Fast bulk writes for synthetic data: executemany on SQLite, COPY on PostgreSQL.

Rows carry their primary keys (handed out by `IdBlock`), so related rows can point at them without
reading anything back. No model instances, no signals, no audit events: this is only for
generated data (generate_synthetic, benchmarks), never for a person's real record.
"""

import functools
import json
import operator
import uuid
from datetime import UTC

from django.db import connection, models

BATCH = 5000


class IdBlock:
    """Hands out primary keys after the table's current maximum."""

    def __init__(self, model):
        found = model.objects.aggregate(top=models.Max("pk"))["top"] or 0
        self.next = found + 1

    def take(self) -> int:
        value = self.next
        self.next += 1
        return value


def _converter(field):
    """How one value travels to the database (only where the driver needs help)."""
    sqlite = connection.vendor == "sqlite"
    if isinstance(field, models.UUIDField):
        return (lambda v: v.hex if v is not None else None) if sqlite else None
    if isinstance(field, models.DateTimeField) and sqlite:
        return _sqlite_datetime
    if isinstance(field, models.JSONField):
        return json.dumps
    return None


def bulk_insert(model, rows: list[dict]) -> int:
    """Insert `rows` (dicts by attname, e.g. "region_id") into `model`; missing fields get the
    field's default ("" for text, None for nullable)."""
    fields = list(model._meta.concrete_fields)
    defaults = {f.attname: f.get_default() for f in fields}
    pick = operator.itemgetter(*defaults)
    values = [pick({**defaults, **row}) for row in rows]
    convert = [(i, c) for i, c in enumerate(map(_converter, fields)) if c]
    if convert:
        values = [_convert(row, convert) for row in values]
    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(fields))
            # Table and column names come from the model, never from input.
            sql = f"INSERT INTO {table} ({quoted}) VALUES ({marks})"  # noqa: S608
            for start in range(0, len(values), BATCH):
                cursor.executemany(sql, values[start : start + BATCH])
    return len(values)


@functools.lru_cache(maxsize=4096)
def _sqlite_datetime(value):
    """As Django stores an aware datetime in SQLite: naive UTC text. Cached: a visit's rows share
    their timestamps."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ") if value else None


def _convert(row, convert):
    row = list(row)
    for i, fn in convert:
        row[i] = fn(row[i])
    return row


def reset_sequences(*models_):
    """After inserting explicit ids on PostgreSQL, move the id sequences past them."""
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models_)):
            cursor.execute(sql)


def refresh_statistics():
    """ANALYZE after a bulk load, so the query planner knows the new sizes. Without it SQLite
    read a million measurements through the wrong index (2 s for one station page instead of
    13 ms); PostgreSQL's autovacuum would catch up later, this makes it immediate."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def uuid_from(rng) -> uuid.UUID:
    """A version-4 UUID drawn from `rng`, so a seed gives the same public ids every time."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)
