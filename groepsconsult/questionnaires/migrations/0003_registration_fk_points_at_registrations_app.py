"""Registration moved to the `registrations` app (ADR 0006): state only, the table is unchanged."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("questionnaires", "0002_load_definitions"),
        ("registrations", "0001_registration_moved_from_consultations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="response",
                    name="registration",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="responses",
                        to="registrations.registration",
                    ),
                ),
            ],
        ),
    ]
