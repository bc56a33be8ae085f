"""On SQLite, an FTS5 trigram index on the folded name (participants.search), so "contains" name
search reads the matching rows, not every participant of the region: the SQLite counterpart of
0008's pg_trgm index. Kept in sync by triggers on search_name; external content, so the names
are not stored twice. Needs SQLite >= 3.34 (the trigram tokenizer): on an older SQLite nothing
is created and search keeps its plain LIKE (participants.search checks the same version)."""

from django.db import migrations

from groepsconsult.participants.search import FTS_TABLE, sqlite_has_trigram

TABLE = "participants_participant"
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


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite" and sqlite_has_trigram():
        for sql in CREATE:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("participants", "0009_participant_duplicate_keys")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
