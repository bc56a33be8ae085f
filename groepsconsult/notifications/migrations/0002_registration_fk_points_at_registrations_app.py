"""Registration moved to the `registrations` app (ADR 0006): state only, the table is unchanged."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("registrations", "0001_registration_moved_from_consultations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="outboundmessage",
                    name="registration",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="messages",
                        to="registrations.registration",
                    ),
                ),
            ],
        ),
    ]
