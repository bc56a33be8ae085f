"""Registration moved to the `registrations` app (ADR 0006): state only, the table is unchanged."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0004_roster_unique_without_nulls_distinct"),
        # Every foreign key must point at the new owner before the old state is dropped.
        ("registrations", "0001_registration_moved_from_consultations"),
        ("measurements", "0003_registration_fk_points_at_registrations_app"),
        ("notifications", "0002_registration_fk_points_at_registrations_app"),
        ("questionnaires", "0003_registration_fk_points_at_registrations_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(
                    name="Registration",
                ),
            ],
        ),
    ]
