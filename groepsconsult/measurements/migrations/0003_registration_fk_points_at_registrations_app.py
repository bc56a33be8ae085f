"""Registration moved to the `registrations` app (ADR 0006): state only, the table is unchanged."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("measurements", "0002_entered_by_client_token"),
        ("registrations", "0001_registration_moved_from_consultations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="measurement",
                    name="registration",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="measurements",
                        to="registrations.registration",
                    ),
                ),
            ],
        ),
    ]
