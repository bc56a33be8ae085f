"""Measurements of the circuit: one row per value, so parallel stations never overwrite each other.

A correction never edits a row: it adds a new row and points the old one at it (`superseded_by`),
with who and why, so the history stays complete. "Current" rows are those not superseded.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel


class Measure(models.TextChoices):
    SYSTOLIC = "systolic", _("Systolic blood pressure")
    DIASTOLIC = "diastolic", _("Diastolic blood pressure")
    PULSE = "pulse", _("Pulse")
    GLUCOSE = "glucose", _("Glucose (finger prick)")
    HBA1C = "hba1c", _("HbA1c")
    TOTAL_CHOLESTEROL = "total_cholesterol", _("Total cholesterol")
    HDL = "hdl", _("HDL cholesterol")
    LDL = "ldl", _("LDL cholesterol")
    WEIGHT = "weight", _("Weight")
    HEIGHT = "height", _("Height")
    BMI = "bmi", _("BMI")
    WAIST = "waist", _("Waist circumference")
    FAT_PERCENT = "fat_percent", _("Body fat percentage")
    VISCERAL_FAT_LEVEL = "visceral_fat_level", _("Visceral fat level")
    MUSCLE_MASS = "muscle_mass", _("Skeletal muscle mass")


class Station(models.TextChoices):
    CARE = "care", _("Care table (blood pressure)")
    MEASUREMENT = "measurement", _("Measurement table (glucose, cholesterol)")
    MOVEMENT = "movement", _("Movement table (body composition, waist)")
    WELFARE = "welfare", _("Welfare table (questionnaires)")


class MeasurementQuerySet(models.QuerySet):
    def current(self):
        """The current row per participant, session and measure: written once, used by all.

        A row is current when no correction superseded it and no later current row of the same
        registration and measure exists (a station that saved twice: the latest wins, by
        measured_at then id; a correction keeps measured_at and gets a higher id).
        """
        later = Measurement.objects.filter(
            registration=OuterRef("registration"),
            measure=OuterRef("measure"),
            superseded_by__isnull=True,
        ).filter(
            Q(measured_at__gt=OuterRef("measured_at"))
            | Q(measured_at=OuterRef("measured_at"), id__gt=OuterRef("id"))
        )
        return self.filter(superseded_by__isnull=True).exclude(Exists(later))


class Measurement(PublicModel):
    class Method(models.TextChoices):
        SELF = "self", _("Measured by the participant")
        PROFESSIONAL = "professional", _("Measured by a professional")
        IMPORT = "import", _("Imported from a device file")

    registration = models.ForeignKey(
        "registrations.Registration", on_delete=models.CASCADE, related_name="measurements"
    )
    measure = models.CharField(_("measure"), max_length=24, choices=Measure.choices)
    value = models.DecimalField(_("value"), max_digits=7, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=16)
    station = models.CharField(_("station"), max_length=16, choices=Station.choices, blank=True)
    method = models.CharField(
        _("method"), max_length=16, choices=Method.choices, default=Method.PROFESSIONAL
    )
    device = models.CharField(_("device"), max_length=100, blank=True)
    fasting = models.BooleanField(_("fasting (8 hours or more)"), null=True, blank=True)
    measured_at = models.DateTimeField(_("measured at"))
    measured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The traffic light as classified when saved, with the rule-set version that produced it.
    colour = models.CharField(_("traffic light"), max_length=8, blank=True)
    ruleset_version = models.CharField(_("rule set"), max_length=32, blank=True)
    superseded_by = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supersedes"
    )
    # Set on the row that replaces an earlier one: why it was corrected (who: entered_by).
    correction_reason = models.CharField(_("reason for correction"), max_length=200, blank=True)
    # Who typed the row in (may differ from measured_by, e.g. self-measured blood pressure).
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Idempotency key derived from the tablet's submission UUID: a retried save after a lost
    # response finds its rows instead of creating duplicates.
    client_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        ordering = ["measured_at", "id"]
        indexes = [
            models.Index(
                fields=["registration", "measure"],
                condition=Q(superseded_by__isnull=True),
                name="measurement_current_idx",
            ),
        ]

    @property
    def display_value(self):
        """The value without trailing zeros (83.30 -> 83.3, 170.00 -> 170), for display."""
        if self.value == self.value.to_integral_value():
            return self.value.quantize(Decimal(1))
        return self.value.normalize()


class Alert(PublicModel):
    """An alarm value for the lead physician, listed until acknowledged."""

    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="alerts")
    reason = models.CharField(_("reason"), max_length=40)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True, acknowledged_by__isnull=True)
                | Q(acknowledged_at__isnull=False, acknowledged_by__isnull=False),
                name="alert_acknowledged_pair",
            ),
        ]
