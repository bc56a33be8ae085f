"""On PostgreSQL, a trigram index on the folded name, so "contains" name search uses an index
instead of reading every participant of the region (pg_trgm is a trusted extension since
PostgreSQL 13). SQLite has no such index: there the search reads the region's rows, which is
fine for the neighbourhood-sized installs SQLite is meant for."""

from django.db import migrations

INDEX = "participants_participant_search_name_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON participants_participant "
        "USING gin (search_name gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("participants", "0007_participant_background")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
