"""Registration moves from `consultations` to this app (ADR 0006): state only, same table."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep admin permissions and log entries: the content type follows the model to its app."""
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label="registrations", model="registration").exists():
        content_type.objects.filter(app_label="consultations", model="registration").update(
            app_label="registrations"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("consultations", "0004_roster_unique_without_nulls_distinct"),
        ("participants", "0001_initial"),
        ("regions", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Registration",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "public_id",
                            models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("self", "Self-registration (online)"),
                                    ("professional", "Referred by a professional"),
                                    ("gp_selection", "GP practice selection"),
                                    ("community", "Community route (key person or group)"),
                                    ("walk_in", "Walk-in on the day"),
                                ],
                                max_length=16,
                                verbose_name="channel",
                            ),
                        ),
                        (
                            "referral_reason",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="reason for referral"
                            ),
                        ),
                        (
                            "community_contact",
                            models.CharField(
                                blank=True,
                                help_text="For the community route: the key person or group that brought them.",
                                max_length=150,
                                verbose_name="key person or group",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("registered", "Registered"), ("cancelled", "Cancelled")],
                                default="registered",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "attendance",
                            models.CharField(
                                choices=[
                                    ("unknown", "Not yet known"),
                                    ("present", "Present"),
                                    ("absent", "Absent"),
                                ],
                                default="unknown",
                                max_length=8,
                                verbose_name="attendance",
                            ),
                        ),
                        (
                            "day_number",
                            models.PositiveSmallIntegerField(
                                blank=True, null=True, verbose_name="number for the day"
                            ),
                        ),
                        (
                            "checked_in_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="checked in at"
                            ),
                        ),
                        (
                            "consultation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="registrations",
                                to="consultations.consultation",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="registrations",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "referred_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="referrals",
                                to="regions.professional",
                                verbose_name="referred by",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "consultations_registration",
                        "ordering": ["day_number", "created_at"],
                        "indexes": [
                            models.Index(
                                fields=["consultation", "status", "attendance"],
                                name="consultatio_consult_27f816_idx",
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("consultation", "participant"),
                                name="registration_once_per_session",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("day_number__isnull", False)),
                                fields=("consultation", "day_number"),
                                name="registration_unique_day_number",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("attendance", "present"), _negated=True),
                                    ("checked_in_at__isnull", False),
                                    _connector="OR",
                                ),
                                name="registration_present_has_check_in_time",
                            ),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
