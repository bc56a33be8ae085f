"""A lean bulk INSERT for large writes (the GP import, and the access-log rows it causes):
50,000 people must import in seconds, not minutes.

Django's bulk_create builds a model instance per row and prepares every value through several
layers per field, which costs more than the database itself (about 4 s per 50,000 rows per table
on SQLite). Here each field's conversion is chosen once, most values (text, numbers, foreign-key
ids) pass straight through, and rows go to the driver with executemany. Values must already be
valid: callers validate first (the GP import runs the model's own field validators on every row).
"""

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
    "ForeignKey",
}
CHUNK = 5000


def insert_rows(model, rows: list[dict], *, chunk=CHUNK) -> None:
    """INSERT one row per dict (keys are attnames, e.g. "participant_id"); the rest get the
    field's default, timestamps get now. Primary keys are left to the database."""
    if not rows:
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    getters = [_getter(field, now) for field in fields]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  (names from model meta; values bound)
        quote(meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(
                sql, [tuple(get(row) for get in getters) for row in rows[start : start + chunk]]
            )


def _getter(field, now):
    """row -> database value for one field, with the conversion decided once per import."""
    name = field.attname
    convert = _converter(field)
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        stamp = convert(now)
        return lambda row: stamp
    if field.has_default() and callable(field.default):
        make = field.default  # e.g. uuid4: a fresh value per row
        return lambda row: convert(row[name] if name in row else make())
    default = convert(field.get_default())  # None, or "" for text: what Django would insert
    return lambda row: convert(row[name]) if name in row else default


def _converter(field):
    kind = field.get_internal_type()
    if kind in PASS_THROUGH:
        return _same
    if kind == "UUIDField" and not connection.features.has_native_uuid_field:
        return lambda value: None if value is None else value.hex
    if kind == "DateField":
        return connection.ops.adapt_datefield_value
    return lambda value: field.get_db_prep_save(value, connection)


def _same(value):
    return value
