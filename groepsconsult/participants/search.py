"""Name search through an index on both databases: pg_trgm on PostgreSQL (migration 0008), an
FTS5 trigram table on SQLite (migration 0010). Both answer "the folded name contains this term"
with the same rows as a plain `search_name LIKE '%term%'`, without reading the whole region.
"""

import sqlite3

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

FTS_TABLE = "participants_participant_fts"
TRIGRAM = 3  # the trigram index finds terms of three characters or more


def sqlite_has_trigram() -> bool:
    return sqlite3.sqlite_version_info >= (3, 34, 0)


def name_contains_q(folded: str, *, via: str = "") -> Q:
    """Rows whose folded name contains `folded` (already folded by core.text.fold_name)."""
    if connection.vendor == "sqlite" and sqlite_has_trigram() and len(folded) >= TRIGRAM:
        phrase = '"' + folded.replace('"', '""') + '"'  # one FTS5 string: no query syntax
        # The table name is a constant; the term is a bound parameter.
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
        matching = RawSQL(sql, [phrase])  # noqa: S611
        return Q(**{f"{via}pk__in": matching})
    return Q(**{f"{via}search_name__contains": folded})
