"""Name search through an index on both databases: pg_trgm on PostgreSQL (migration 0008), an
FTS5 trigram table on SQLite (migration 0010). Both answer "the folded name contains this term"
with the same rows as a plain `search_name LIKE '%term%'`, without reading the whole region.
"""

# ruff: noqa: S608 (the SQL below is built from the two constant table names only)
import contextlib
import sqlite3

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

FTS_TABLE = "participants_participant_fts"
TRIGRAM = 3  # the trigram index finds terms of three characters or more
TABLE = "participants_participant"
# Schema of the SQLite index (migration 0010 and fts_ensure): external content, triggers.
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"search_name, content='{TABLE}', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, search_name) VALUES (new.id, new.search_name); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_name) "
    f"VALUES ('delete', old.id, old.search_name); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF search_name ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_name) "
    f"VALUES ('delete', old.id, old.search_name); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_name) VALUES (new.id, new.search_name); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def sqlite_has_trigram() -> bool:
    return sqlite3.sqlite_version_info >= (3, 34, 0)


def name_contains_q(folded: str, *, via: str = "") -> Q:
    """Rows whose folded name contains `folded` (already folded by core.text.fold_name)."""
    if connection.vendor == "sqlite" and sqlite_has_trigram() and len(folded) >= TRIGRAM:
        phrase = '"' + folded.replace('"', '""') + '"'  # one FTS5 string: no query syntax
        # The table name is a constant; the term is a bound parameter.
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        matching = RawSQL(sql, [phrase])  # noqa: S611
        return Q(**{f"{via}pk__in": matching})
    return Q(**{f"{via}search_name__contains": folded})


def fts_ensure(*, using="default", **_kwargs) -> None:
    """After every `migrate` (post_migrate): on SQLite, when a later migration rebuilt the
    participants table (SQLite copies it to add a column), its triggers went with the old table;
    create them again and rebuild the index, so search never reads a stale index."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite" or not sqlite_has_trigram():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            [f"{FTS_TABLE}_a_"],
        )
        (triggers,) = cursor.fetchone()
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        if triggers == 3 or cursor.fetchone() is None:  # in sync, or before migration 0010
            return
        for sql in CREATE:
            cursor.execute(sql)


@contextlib.contextmanager
def fts_bulk_load():
    """Fill the SQLite name index once after a bulk insert of participants instead of row by row.

    The insert trigger tokenises each new name on its own (about 50 us a row; filling the index
    with one INSERT ... SELECT afterwards costs a tenth). Inside the caller's transaction, which
    holds SQLite's write lock (IMMEDIATE), the trigger is dropped, the rows above the table's
    largest id at the start are indexed at the end, and the trigger is created again: a rollback
    restores the trigger with everything else, and no other writer can add rows in between.
    Elsewhere (PostgreSQL, an older SQLite, no index yet) it does nothing.
    """
    if not _fts_in_use():
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("fts_bulk_load() must run inside transaction.atomic()")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {TABLE}")
        (top,) = cursor.fetchone()
        cursor.execute(DROP[0])
    yield
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, search_name) "
            f"SELECT id, search_name FROM {TABLE} WHERE id > %s",
            [top],
        )
        cursor.execute(CREATE[1])


def _fts_in_use() -> bool:
    if connection.vendor != "sqlite" or not sqlite_has_trigram():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [f"{FTS_TABLE}_ai"])
        return cursor.fetchone() is not None
