"""The GP import's duplicate keys as indexed columns (family_key with date of birth, phone_key),
filled for existing participants here and by Participant.save() / derived_columns afterwards."""

from django.db import migrations, models

from groepsconsult.core.text import fold_name, normalise_phone


def fill(apps, schema_editor):
    Participant = apps.get_model("participants", "Participant")
    rows = Participant.objects.order_by("pk").only("pk", "family_name", "phone")
    batch = []
    for person in rows.iterator(chunk_size=2000):
        person.family_key = fold_name(person.family_name)[:100]
        person.phone_key = normalise_phone(person.phone)[:20]
        batch.append(person)
        if len(batch) == 2000:
            Participant.objects.bulk_update(batch, ["family_key", "phone_key"])
            batch = []
    Participant.objects.bulk_update(batch, ["family_key", "phone_key"])


def analyze(apps, schema_editor):
    """SQLite rebuilt the table to add the columns, which drops its planner statistics: gather
    them again where the database had any (an analysed production file), so plans stay good
    until the nightly analyze_database."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("ANALYZE participants_participant")


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0008_search_name_trigram_index_on_postgresql"),
        ("regions", "0005_professional_languages_and_region_phone"),
    ]

    operations = [
        migrations.AddField(
            model_name="participant",
            name="family_key",
            field=models.CharField(blank=True, editable=False, max_length=100),
        ),
        migrations.AddField(
            model_name="participant",
            name="phone_key",
            field=models.CharField(blank=True, editable=False, max_length=20),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
        migrations.AddIndex(
            model_name="participant",
            index=models.Index(
                fields=["region", "family_key", "date_of_birth"],
                name="participant_region__38c1f3_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="participant",
            index=models.Index(
                fields=["region", "phone_key"], name="participant_region__3e344f_idx"
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=False),
    ]
