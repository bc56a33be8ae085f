"""On SQLite, an FTS5 trigram index on the folded name (participants.search), so "contains" name
search reads the matching rows, not every participant of the region: the SQLite counterpart of
0008's pg_trgm index. Kept in sync by triggers on search_name; external content, so the names
are not stored twice. Needs SQLite >= 3.34 (the trigram tokenizer): on an older SQLite nothing
is created and search keeps its plain LIKE (participants.search checks the same version)."""

from django.db import migrations

from groepsconsult.participants.search import CREATE, DROP, sqlite_has_trigram

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
