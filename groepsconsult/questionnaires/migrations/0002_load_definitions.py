"""Load the first versions of the questionnaire definitions, so every database has them.

The file list is pinned: a definition version never changes once shipped (a new wording is a
new file and version, loaded by `manage.py load_questionnaires`), so this migration stays
reproducible. It uses the historical models and writes no audit row.
"""

from django.db import migrations

FILES = [
    "positive_health.v1.json",
    "lifestyle_wheel.v1.json",
    "social_risks.v1.json",
    "findrisc.v1.json",
    "experience.v1.json",
    "work_check.v1.json",
]


def load(apps, schema_editor):
    from groepsconsult.questionnaires.services.definitions import (
        DEFINITIONS_DIR,
        questionnaire_definitions_load,
    )

    questionnaire_definitions_load(
        paths=[DEFINITIONS_DIR / name for name in FILES],
        models=(apps.get_model("questionnaires", "Questionnaire"), apps.get_model("questionnaires", "Question")),
    )


class Migration(migrations.Migration):
    dependencies = [("questionnaires", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
