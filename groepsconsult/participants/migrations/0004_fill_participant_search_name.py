"""Fill Participant.search_name for the people who were already there (folded names)."""

from django.db import migrations

from groepsconsult.core.text import fold_name


def fill(apps, schema_editor):
    participant = apps.get_model("participants", "Participant")
    batch = []
    for person in participant.objects.only("pk", "given_name", "family_name").iterator(
        chunk_size=2000
    ):
        person.search_name = fold_name(f"{person.given_name} {person.family_name}")
        batch.append(person)
        if len(batch) >= 2000:
            participant.objects.bulk_update(batch, ["search_name"])
            batch = []
    participant.objects.bulk_update(batch, ["search_name"])


class Migration(migrations.Migration):
    dependencies = [("participants", "0003_participant_search_name")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
