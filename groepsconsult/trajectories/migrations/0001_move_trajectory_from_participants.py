"""Trajectory moves from `participants` to its owner app without touching the data.

State only: the table `participants_trajectory` stays where it is (Meta.db_table keeps its name),
so no row is copied and no foreign key is rebuilt. `participants/0003` removes the model from
that app's state; `goals/0003` points Goal.trajectory at the new label.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("consultations", "0004_roster_unique_without_nulls_distinct"),
        ("participants", "0002_gp_import"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Trajectory",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ("status", models.CharField(choices=[("invited", "Invited"), ("registered", "Registered"), ("baseline_done", "Attended first session"), ("follow_up", "In follow-up"), ("returned", "Attended 6-month session"), ("completed", "Completed"), ("stopped", "Stopped")], default="registered", max_length=16, verbose_name="status")),
                        ("started_on", models.DateField(verbose_name="started on")),
                        ("follow_up_call_due", models.DateField(blank=True, null=True, verbose_name="follow-up call due")),
                        ("ended_on", models.DateField(blank=True, null=True, verbose_name="ended on")),
                        ("stop_reason", models.CharField(blank=True, max_length=200, verbose_name="reason for stopping")),
                        ("baseline_consultation", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="baseline_trajectories", to="consultations.consultation", verbose_name="first session")),
                        ("participant", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="trajectories", to="participants.participant")),
                        ("return_consultation", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="return_trajectories", to="consultations.consultation", verbose_name="6-month session")),
                    ],
                    options={
                        "ordering": ["-started_on"],
                        "db_table": "participants_trajectory",
                        "indexes": [models.Index(fields=["status", "follow_up_call_due"], name="participant_status_49cf13_idx")],
                        "constraints": [
                            models.CheckConstraint(condition=models.Q(("ended_on__isnull", True), ("ended_on__gte", models.F("started_on")), _connector="OR"), name="trajectory_ends_after_start"),
                            models.CheckConstraint(condition=models.Q(models.Q(("status", "stopped"), _negated=True), models.Q(("stop_reason", ""), _negated=True), _connector="OR"), name="trajectory_stopped_has_reason"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
