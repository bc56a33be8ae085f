"""Fast bulk writes for synthetic data: executemany on SQLite, COPY on PostgreSQL.

Rows carry their primary keys (handed out by `IdBlock`), so related rows can point at them without
reading anything back. No model instances, no signals, no audit events: this is only for
generated data (generate_synthetic, benchmarks), never for a person's real record.
"""

import contextlib
import functools
import json
import operator
import threading
import uuid
from datetime import UTC

from django.db import IntegrityError, connection, models

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
    """How one value travels to SQLite (only where the driver needs help)."""
    if isinstance(field, models.UUIDField):
        return lambda v: v.hex if isinstance(v, uuid.UUID) else v
    if isinstance(field, models.DateTimeField):
        return _sqlite_datetime
    if isinstance(field, models.JSONField):
        return json.dumps
    return None


# COPY's text format: tab between columns, \N for NULL, and these characters escaped.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_formatter(model):
    """A function turning rows (dicts) into COPY text: tab between columns, \\N for NULL, text
    escaped. Only the columns that need it are touched in Python; str() does the rest (ints,
    dates, aware datetimes, decimals, UUIDs and booleans print as PostgreSQL reads them)."""
    fields = list(model._meta.concrete_fields)
    defaults = {f.attname: f.get_default() for f in fields}
    pick = operator.itemgetter(*defaults)
    texts, nullable, special = [], [], []
    for i, f in enumerate(fields):
        if isinstance(f, models.JSONField):
            special.append((i, _json_text))
        elif isinstance(f, (models.CharField, models.TextField)) and f.null:
            special.append((i, _null_text))
        elif isinstance(f, (models.CharField, models.TextField)):
            texts.append(i)
        elif f.null:
            nullable.append(i)

    def lines(rows) -> str:
        out = []
        for row in rows:
            values = list(pick(defaults | row))
            for i in texts:
                values[i] = str(values[i]).translate(_COPY_ESCAPES)
            for i in nullable:
                if values[i] is None:
                    values[i] = "\\N"
            for i, fix in special:
                values[i] = fix(values[i])
            out.append("\t".join(map(str, values)))
        out.append("")
        return "\n".join(out)

    return lines


def _null_text(value):
    return "\\N" if value is None else str(value).translate(_COPY_ESCAPES)


def _json_text(value):
    return "\\N" if value is None else json.dumps(value).translate(_COPY_ESCAPES)


def bulk_insert(model, rows: list[dict]) -> int:
    """Insert `rows` (dicts by attname, e.g. "region_id") into `model`; missing fields get the
    field's default ("" for text, None for nullable)."""
    if not rows:
        return 0
    fields = list(model._meta.concrete_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        _copy(connection.connection, model, rows)
        return len(rows)
    defaults = {f.attname: f.get_default() for f in fields}
    pick = operator.itemgetter(*defaults)
    convert = [(i, c) for i, c in enumerate(map(_converter, fields)) if c]
    marks = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model, never from input.
    sql = f"INSERT INTO {table} ({quoted}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            values = [list(pick(defaults | row)) for row in rows[start : start + BATCH]]
            for row in values:
                for i, fn in convert:
                    row[i] = fn(row[i])
            cursor.executemany(sql, values)
    return len(rows)


def _copy(raw, model, rows):
    """COPY FROM STDIN in text format on the driver's connection `raw`, written in large chunks
    (psycopg's per-row write_row cost more than generating the row)."""
    fields = list(model._meta.concrete_fields)
    lines = _copy_formatter(model)
    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for start in range(0, len(rows), BATCH):
            copy.write(lines(rows[start : start + BATCH]))


class Writer:
    """Writes batches of rows. On PostgreSQL the COPY of one batch runs in a thread, on the same
    connection and transaction, while the caller makes the next batch: the server parses and
    indexes on one core while Python generates on the other. The caller must not use the
    database until `wait()` returns. On SQLite (in-process) it writes in line."""

    def __init__(self):
        self._thread = None
        self._error = None

    def write(self, jobs) -> None:
        """`jobs`: [(model, rows)], written in that order."""
        self.wait()
        if connection.vendor != "postgresql":
            for model, rows in jobs:
                bulk_insert(model, rows)
            return
        connection.ensure_connection()
        raw = connection.connection
        self._thread = threading.Thread(target=self._run, args=(raw, jobs), daemon=True)
        self._thread.start()

    def _run(self, raw, jobs):
        try:
            for model, rows in jobs:
                if rows:
                    _copy(raw, model, rows)
        except BaseException as exc:  # raised again in the caller's thread by wait()
            self._error = exc

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error


@functools.lru_cache(maxsize=4096)
def _sqlite_datetime(value):
    """As Django stores an aware datetime in SQLite: naive UTC text. Cached: a visit's rows share
    their timestamps."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ") if value else None


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


_VERSION_4 = ~((0xC000 << 48) | (0xF000 << 64)) & (1 << 128) - 1


def uuid_hex(rng) -> str:
    """The same UUID as `uuid_from` as 32 hex digits, for bulk rows (SQLite stores UUIDs so,
    PostgreSQL reads them so), without building a UUID object per row."""
    return "%032x" % (rng.getrandbits(128) & _VERSION_4 | (0x8000 << 48) | (4 << 76))


@contextlib.contextmanager
def foreign_keys_checked_after(first_ids: dict):
    """PostgreSQL: check the foreign keys of the rows written inside this block once, set-based,
    at its end, instead of one deferred look-up per row and key at commit (26 million look-ups
    and a queue of them in server memory for 1,000,000 synthetic participants).

    `first_ids` maps each bulk-written model to the first id handed out in this run (rows with
    ids from there on are checked). Only a superuser may switch the per-row checks off
    (`session_replication_role = replica`, for this transaction only); otherwise, and on SQLite
    (whose deferred check is a counter), this does nothing and the database checks as usual.
    A dangling key raises IntegrityError, so the whole run rolls back. The block must not update
    or delete anything: replica mode also silences the access log's append-only trigger.
    """
    if not _may_switch_off_row_checks():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    yield  # on an error the transaction rolls back, and the setting with it
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = origin")
    with connection.cursor() as cursor:
        # The new rows are not analysed yet: the planner would take the tables for empty and
        # loop over one for each row of the other. A hash anti-join reads each table once.
        cursor.execute("SET LOCAL enable_nestloop = off")
    for model, first_id in first_ids.items():
        _check_foreign_keys(model, first_id)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_nestloop = DEFAULT")


def _may_switch_off_row_checks() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
    return bool(row and row[0])


def _check_foreign_keys(model, first_id):
    """One anti-join per foreign key over the new rows of `model` (ids >= first_id)."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    for field in model._meta.concrete_fields:
        if not (field.is_relation and (field.many_to_one or field.one_to_one)):
            continue
        target = field.target_field
        column = quote(field.column)
        # Names come from the model's meta; the id is bound.
        sql = (
            f"SELECT c.{pk} FROM {table} c WHERE"  # noqa: S608
            f" c.{pk} >= %s AND c.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
            f"{quote(target.model._meta.db_table)} p WHERE p.{quote(target.column)} = c.{column}) "
            "LIMIT 1"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [first_id])
            dangling = cursor.fetchone()
        if dangling:
            raise IntegrityError(
                f"{model._meta.db_table}.{field.column} of row {dangling[0]} points at nothing"
            )
