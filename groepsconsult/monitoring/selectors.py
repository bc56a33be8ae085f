"""The anonymous group summary for the GP's plenary talk: counts per colour per measure.

No names, day numbers or single values leave this module: only counts. The colours are the
ones the station stored, read through `measurements.interpretation.interpret` like the
booklets, so the room sees what the booklets say. Fixed query count: one COUNT and one query
for all current measurements of the session.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.accounts.permissions import Permission, role_has_permission
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_refused_exists
from groepsconsult.measurements.interpretation import KIND_LABELS, interpret
from groepsconsult.measurements.models import Measurement
from groepsconsult.measurements.selectors import measurement_current_list_for_consultation
from groepsconsult.monitoring.models import Target
from groepsconsult.registrations.models import Registration

# The measures with a traffic light that a plenary talk is about; optional ones (HbA1c, LDL)
# only appear when someone in the room had them measured.
CORE = ("bp", "glucose", "total_cholesterol", "hdl", "bmi", "waist", "visceral_fat_level")
OPTIONAL = ("hba1c", "ldl")
# The booklet speaks to one person ("your organs"); the room is addressed as a group.
GROUP_LABELS = {"visceral_fat_level": _("Belly fat around the organs")}
COLOURS = ("green", "orange", "red")


@dataclass
class MeasureSummary:
    key: str
    label: str
    counts: dict  # colour -> number of people; plus "none" (no colour) and "missing"
    total: int

    @property
    def segments(self):
        """(kind, count, x %, width %) for the stacked bar; widths add up to 100."""
        x, parts = 0.0, []
        for kind in (*COLOURS, "none", "missing"):
            count = self.counts.get(kind, 0)
            if count:
                width = 100.0 * count / self.total
                parts.append((kind, count, round(x, 2), round(width, 2)))
                x += width
        return parts

    @property
    def not_measured(self):
        return self.counts.get("missing", 0) + self.counts.get("none", 0)


def _present(consultation):
    """Who was in the room: ticked present, or measured (a measurement proves presence even
    when the door list was not ticked); never a cancelled registration, and never someone who
    said no to anonymous monitoring (ADR 0010: the plenary is not small-cell suppressed, so it
    honours that refusal instead)."""
    measured = Measurement.objects.filter(registration=OuterRef("pk"), superseded_by__isnull=True)
    refused = consent_refused_exists(
        ConsentPurpose.ANONYMOUS_MONITORING, participant_ref="participant"
    )
    return (
        Registration.objects.filter(consultation=consultation)
        .exclude(status=Registration.Status.CANCELLED)
        .filter(Q(attendance=Registration.Attendance.PRESENT) | Exists(measured))
        .exclude(refused)
    )


def plenary_summary(*, consultation):
    """{"participants": n, "measured": m, "measures": [MeasureSummary], "attention": k}."""
    present = _present(consultation)
    participants = present.count()
    people: dict[int, list] = {}
    for row in measurement_current_list_for_consultation(registrations=present.values("pk")):
        people.setdefault(row.registration_id, []).append(row)
    colours: dict[str, list[str]] = {}
    attention = 0
    for rows in people.values():
        lines = interpret(rows).values()
        if any(line.colour in ("orange", "red") for line in lines):
            attention += 1
        for line in lines:
            colours.setdefault(line.kind, []).append(line.colour)
    return {
        "participants": participants,
        "measured": len(people),
        "attention": attention,
        "measures": _summaries(colours, participants),
    }


def _summaries(colours, participants):
    labels = KIND_LABELS | GROUP_LABELS
    summaries = []
    for key in (*CORE, *OPTIONAL):
        found = colours.get(key, [])
        if key in OPTIONAL and not found:
            continue
        counts = {c: found.count(c) for c in (*COLOURS, "none")}
        counts["missing"] = max(participants - len(found), 0)
        summaries.append(
            MeasureSummary(key=key, label=labels[key], counts=counts, total=max(participants, 1))
        )
    return summaries


def aggregate_regions_for_user(*, user):
    """Regions where `user` holds an active role that sees anonymous group figures."""
    return [
        m.region
        for m in user.memberships.select_related("region").filter(is_active=True)
        if role_has_permission(m.role, Permission.AGGREGATE_VIEW)
    ]


def target_page(*, region, page_number):
    """The region's targets, newest year first, 25 a page."""
    return Paginator(Target.objects.in_region(region), 25).get_page(page_number)
