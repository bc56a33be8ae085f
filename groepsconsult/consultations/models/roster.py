"""The interprofessional team (IPT) of one session: stations and who staffs them, plus the roles.

A professional is either booked onto a station of the measurement circuit or into a session
role (lead physician, host, experience expert, coordinator). Warnings (VOG, BIG) are computed
by `consultations.roster_warnings`, not enforced here: a roster may be incomplete while it is planned.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel


class StationKind(models.TextChoices):
    # The four fixed values mirror groepsconsult.measurements.models.Station (a test pins this);
    # they are repeated rather than imported so measurements may build on consultations without
    # an import cycle between the two apps.
    CARE = "care", _("Care table (blood pressure)")
    MEASUREMENT = "measurement", _("Measurement table (glucose, cholesterol)")
    MOVEMENT = "movement", _("Movement table (body composition, waist)")
    WELFARE = "welfare", _("Welfare table (questionnaires)")
    THEMED = "themed", _("Themed table")


class RosterStation(PublicModel):
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="stations"
    )
    kind = models.CharField(_("kind of table"), max_length=16, choices=StationKind.choices)
    name = models.CharField(
        _("name"), max_length=100, blank=True, help_text=_("For a themed table, e.g. quit smoking.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "kind"],
                condition=~Q(kind="themed"),
                name="roster_station_fixed_kind_once",
                violation_error_message=_("This table is already on the roster."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="themed") | ~Q(name=""),
                name="roster_station_themed_has_name",
                violation_error_message=_("A themed table needs a name."),
            ),
        ]

    def __str__(self):
        return self.name if self.kind == StationKind.THEMED else self.get_kind_display()


class RosterAssignment(PublicModel):
    class Role(models.TextChoices):
        STATION = "station", _("At a table")
        LEAD = "lead", _("Lead physician (BIG)")
        HOST = "host", _("Host")
        EXPERIENCE_EXPERT = "experience_expert", _("Experience expert")
        COORDINATOR = "coordinator", _("Coordinator")

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="assignments"
    )
    professional = models.ForeignKey(
        "regions.Professional",
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("professional"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    station = models.ForeignKey(
        RosterStation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("table"),
    )

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            # Paired fields: a station assignment names its table; a session role has none.
            models.CheckConstraint(
                condition=(Q(role="station") & Q(station__isnull=False))
                | (~Q(role="station") & Q(station__isnull=True)),
                name="roster_assignment_station_iff_station_role",
                violation_error_message=_("Choose the table for this professional."),
            ),
            models.UniqueConstraint(
                fields=["consultation"],
                condition=Q(role="lead"),
                name="roster_one_lead_per_session",
                violation_error_message=_("This session already has a lead physician."),
            ),
            # Two partial constraints rather than nulls_distinct=False, which SQLite lacks.
            models.UniqueConstraint(
                fields=["consultation", "professional", "station"],
                condition=Q(station__isnull=False),
                name="roster_assignment_once_per_table",
                violation_error_message=_("This professional already has this place."),
            ),
            models.UniqueConstraint(
                fields=["consultation", "professional", "role"],
                condition=Q(station__isnull=True),
                name="roster_assignment_once_per_role",
                violation_error_message=_("This professional already has this place."),
            ),
        ]

    def __str__(self):
        return f"{self.professional} · {self.station or self.get_role_display()}"
