"""A narrow index of the name columns by id, so a name search sorts its matches without reading
every matching row (participants.selectors.participant_page_for_user); see docs/benchmarks.md."""

from django.db import migrations, models


def analyze(apps, schema_editor):
    """SQLite's planner only prefers the new index once it has statistics for it: gather them
    where the database had any (an analysed production file), as migration 0009 does."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("ANALYZE participants_participant")


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0010_search_name_fts5_on_sqlite"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="participant",
            index=models.Index(
                fields=["id", "region", "family_name", "given_name"],
                name="participant_sort_by_id_idx",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=False),
    ]
