"""A lean bulk INSERT for large writes (the GP import, and the access-log rows it causes):
50,000 people must import in seconds, not minutes.

Django's bulk_create builds a model instance per row and prepares every value through several
layers per field, which costs more than the database itself (about 4 s per 50,000 rows per table
on SQLite). Here each field's conversion is chosen once, most values (text, numbers, foreign-key
ids) pass straight through, and rows go to the driver with executemany. Values must already be
valid: callers validate first (the GP import runs the model's own field validators on every row).
"""

import datetime as dt
import functools
import operator
import os
import uuid

from django.db import connection
from django.utils import timezone

# Field types whose Python value is already what the database driver takes.
PASS_THROUGH = {
    "CharField",
    "TextField",
    "SlugField",
    "EmailField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
    "BooleanField",
    "FloatField",  # callers pass floats or None
    "ForeignKey",
    "OneToOneField",
    "AutoField",
    "BigAutoField",
}
CHUNK = 5000


def insert_rows(model, rows: list[dict], *, chunk=CHUNK, upsert_on=None) -> None:
    """INSERT one row per dict (keys are attnames, e.g. "participant_id"); the rest get the
    field's default, timestamps get now. Primary keys are left to the database unless the rows
    carry them (see `reserve_ids`). With `upsert_on` (a unique column), a row whose key exists
    overwrites it (`ON CONFLICT ... DO UPDATE`, SQLite and PostgreSQL)."""
    if not rows:
        return
    meta = model._meta
    keys = rows[0].keys()
    fields = [f for f in meta.concrete_fields if not f.primary_key or f.attname in keys]
    if all(row.keys() == keys for row in rows):
        fields, make_tuple = _same_keys_plan(fields, keys, timezone.now())
    else:
        getters = [_getter(field, timezone.now()) for field in fields]
        make_tuple = lambda row: tuple(get(row) for get in getters)  # noqa: E731
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  (names from model meta; values bound)
        quote(meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    if upsert_on:
        sql += " ON CONFLICT ({}) DO UPDATE SET {}".format(
            quote(upsert_on),
            ", ".join(
                f"{quote(f.column)} = excluded.{quote(f.column)}"
                for f in fields
                if f.column != upsert_on
            ),
        )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(sql, [make_tuple(row) for row in rows[start : start + chunk]])


def _same_keys_plan(fields, keys, now):
    """(fields in column order, row -> tuple) when every row has the same keys: the values
    that pass through are picked by one itemgetter, the constant ones are made once."""
    plain = [f for f in fields if f.attname in keys and _converter(f) is _same]
    converted = [f for f in fields if f.attname in keys and _converter(f) is not _same]
    rest = [f for f in fields if f.attname not in keys]
    pick = operator.itemgetter(*[f.attname for f in plain]) if plain else (lambda row: ())
    if len(plain) == 1:
        single = pick
        pick = lambda row: (single(row),)  # noqa: E731
    conversions = [(f.attname, _converter(f)) for f in converted]
    made = [f for f in rest if f.has_default() and callable(f.default) and not _stamped(f)]
    constant = [f for f in rest if f not in made]
    makers = [_maker(f) for f in made]
    constants = tuple(_getter(f, now)({}) for f in constant)

    def make_tuple(row):
        values = pick(row)
        if conversions:
            values += tuple(convert(row[name]) for name, convert in conversions)
        if makers:
            values += tuple(make() for make in makers)
        return values + constants

    return plain + converted + made + constant, make_tuple


def _stamped(field) -> bool:
    """Set to the moment of the insert: auto_now(_add), or a default of timezone.now (one
    value for every row of the insert, as they are written at the same moment)."""
    auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    return auto or field.default is timezone.now


def _maker(field):
    """() -> a fresh database value of a field with a callable default (e.g. a public id)."""
    if field.default is uuid.uuid4 and not connection.features.has_native_uuid_field:
        return uuid4_hex  # what SQLite stores, without a UUID object per row
    convert, make = _converter(field), field.default
    return lambda: convert(make())


_VERSION_4 = ~((0xC000 << 48) | (0xF000 << 64)) & (1 << 128) - 1


def uuid4_hex() -> str:
    """A random version-4 UUID as 32 hex digits (as uuid.uuid4().hex, from os.urandom): what
    SQLite stores for a UUIDField, and what PostgreSQL reads as a uuid."""
    number = int.from_bytes(os.urandom(16), "big")
    return "%032x" % (number & _VERSION_4 | (0x8000 << 48) | (4 << 76))


def uuid_text(hex32: str) -> str:
    """32 hex digits as str(uuid.UUID(...)) writes them (8-4-4-4-12), without the object."""
    h = hex32
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _getter(field, now):
    """row -> database value for one field, with the conversion decided once per import."""
    name = field.attname
    convert = _converter(field)
    if _stamped(field):
        stamp = convert(now)
        if field.default is timezone.now:  # only a default: a row may bring its own
            return lambda row: convert(row[name]) if name in row else stamp
        return lambda row: stamp
    if field.has_default() and callable(field.default):
        make = _maker(field)  # e.g. uuid4: a fresh value per row
        return lambda row: convert(row[name]) if name in row else make()
    default = convert(field.get_default())  # None, or "" for text: what Django would insert
    return lambda row: convert(row[name]) if name in row else default


def _converter(field):
    kind = field.get_internal_type()
    if kind in PASS_THROUGH:
        return _same
    if kind == "UUIDField" and not connection.features.has_native_uuid_field:
        return lambda value: value if value is None or isinstance(value, str) else value.hex
    if kind == "DateField":
        return connection.ops.adapt_datefield_value
    if kind == "DateTimeField" and connection.vendor == "sqlite":
        return _sqlite_datetime
    if kind == "GenericIPAddressField":
        return connection.ops.adapt_ipaddressfield_value
    return lambda value: field.get_db_prep_save(value, connection)


def _same(value):
    return value


@functools.lru_cache(maxsize=4096)
def _sqlite_datetime(value):
    """What Django's SQLite backend stores for a datetime (naive UTC text), without its layers.
    Cached: rows of one write often share their moments (a session's start)."""
    if value is None or value.tzinfo is None:
        return None if value is None else str(value)
    return str(value.astimezone(dt.UTC).replace(tzinfo=None))


def reserve_ids(model, count: int) -> list[int]:
    """`count` primary keys for rows the caller will insert with `insert_rows` (rows carrying
    "id"), so related rows can point at them without reading the new rows back.

    PostgreSQL: drawn from the table's sequence (safe alongside other writers). SQLite: the ones
    after the highest id ever handed out; call it inside the transaction that inserts them, which
    holds SQLite's one write lock (IMMEDIATE), so nobody else can take them meanwhile.
    """
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, model._meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        if connection.vendor != "sqlite" or not connection.in_atomic_block:
            raise RuntimeError("reserve_ids: inside a transaction, on SQLite or PostgreSQL")
        cursor.execute(f"SELECT coalesce(max({model._meta.pk.column}), 0) FROM {table}")  # noqa: S608
        (top,) = cursor.fetchone()
        cursor.execute("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = %s", [table])
        top = max(top, cursor.fetchone()[0])
    return list(range(top + 1, top + 1 + count))
