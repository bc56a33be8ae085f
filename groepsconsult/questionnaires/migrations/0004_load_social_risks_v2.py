"""Load social_risks v2 (adds chronic kidney disease and FH), so every database asks them.

SCORE2 and heart age are withheld for both conditions (clinical.md §3.2), so the welfare table
must ask them. v1 stays as it is (it has answers); v2 becomes the current version. Pinned to the
one file, like 0002, so the migration stays reproducible.
"""

from django.db import migrations


def load(apps, schema_editor):
    from groepsconsult.questionnaires.services.definitions import (
        DEFINITIONS_DIR,
        questionnaire_definitions_load,
    )

    questionnaire_definitions_load(
        paths=[DEFINITIONS_DIR / "social_risks.v2.json"],
        models=(
            apps.get_model("questionnaires", "Questionnaire"),
            apps.get_model("questionnaires", "Question"),
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("questionnaires", "0003_risk_inputs_ckd_and_fh")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
