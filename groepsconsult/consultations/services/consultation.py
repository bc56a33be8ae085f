"""Plan, change, copy and move a consultation through its statuses."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.consultations.models import (
    Consultation,
    RosterAssignment,
    RosterStation,
    RunSheetBlock,
    StationKind,
)
from groepsconsult.consultations.policies import (
    check_can_edit_consultation,
    check_can_record_earlier,
    check_can_set_status,
)
from groepsconsult.consultations.services._audit import PURPOSE
from groepsconsult.consultations.services.runsheet import runsheet_reset_from_template
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.core.versioning import version_claim

PLANNED_FIELDS = (
    "neighbourhood",
    "location",
    "room",
    "title",
    "starts_at",
    "duration_minutes",
    "capacity",
    "kind",
    "theme",
    "audience",
    "languages",
    "interpreter_needed",
    "interpreter_language",
    "notes",
)
FIXED_STATIONS = [
    StationKind.CARE,
    StationKind.MEASUREMENT,
    StationKind.MOVEMENT,
    StationKind.WELFARE,
]


def _check_same_region(consultation):
    # Errors are keyed on "location": the form derives the neighbourhood from it.
    for name in ("neighbourhood", "location"):
        related = getattr(consultation, name)
        if related.region_id != consultation.region_id:
            raise ValidationError({"location": _("Choose one from your own region.")})
    if consultation.location.neighbourhood_id != consultation.neighbourhood_id:
        raise ValidationError({"location": _("This location is not in the chosen neighbourhood.")})


@transaction.atomic
def consultation_create(*, region, by: Actor, **fields) -> Consultation:
    """A new draft with the four fixed tables of the circuit and the region's run sheet."""
    unknown = set(fields) - set(PLANNED_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    consultation = Consultation(region=region, status=Consultation.Status.DRAFT, **fields)
    _check_same_region(consultation)
    audited_save(instance=consultation, by=by, purpose=PURPOSE)
    RosterStation.objects.bulk_create(
        RosterStation(consultation=consultation, kind=kind, position=i)
        for i, kind in enumerate(FIXED_STATIONS)
    )
    runsheet_reset_from_template(consultation=consultation, by=by)
    return consultation


@transaction.atomic
def consultation_record_earlier(*, region, location, starts_at, by: Actor) -> Consultation:
    """A session held before this software was used, recreated to carry imported results
    (the earlier-results import): held from the start, never planned or opened, and marked
    `imported`. One per location and start time, so a re-import reuses it."""
    check_can_record_earlier(starts_at)
    existing = Consultation.objects.filter(
        region=region, location=location, starts_at=starts_at, imported=True
    ).first()
    if existing is not None:
        return existing
    consultation = Consultation(
        region=region,
        neighbourhood=location.neighbourhood,
        location=location,
        starts_at=starts_at,
        status=Consultation.Status.HELD,
        imported=True,
        title=_("Earlier session (imported) %(neighbourhood)s")
        % {"neighbourhood": location.neighbourhood.name},
    )
    _check_same_region(consultation)
    return audited_save(instance=consultation, by=by, purpose=PURPOSE)


@transaction.atomic
def consultation_update(
    *, consultation: Consultation, by: Actor, expected_version: int | None = None, **fields
) -> Consultation:
    """Change the plan; refused when someone else saved since the form was opened."""
    check_can_edit_consultation(consultation)
    unknown = set(fields) - set(PLANNED_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(consultation, name, value)
    _check_same_region(consultation)
    version_claim(consultation, expected=expected_version)
    audited_save(instance=consultation, by=by, purpose=PURPOSE)
    send_facts_changed(Consultation, edited_session_ids=[consultation.pk])
    return consultation


@transaction.atomic
def consultation_set_status(*, consultation: Consultation, status: str, by: Actor, now=None):
    check_can_set_status(consultation, status, now=now)
    consultation.status = status
    audited_save(instance=consultation, by=by, purpose=PURPOSE)
    send_facts_changed(Consultation, consultation_ids=[consultation.pk], sessions_changed=True)
    return consultation


@transaction.atomic
def consultation_copy(
    *,
    consultation: Consultation,
    by: Actor,
    starts_at,
    location=None,
    with_roster: bool = True,
    with_runsheet: bool = True,
) -> Consultation:
    """A new draft like `consultation` on a new date and/or at a location in another neighbourhood.

    Copies the plan, and (by default) the roster and the adapted run sheet: "copy a whole set-up".
    Registrations are never copied: people sign up for one dated session.
    """
    location = location or consultation.location
    copy = Consultation(
        region=consultation.region,
        status=Consultation.Status.DRAFT,
        copied_from=consultation,
        starts_at=starts_at,
        location=location,
        neighbourhood=location.neighbourhood,
        # The room only carries over when the new location has a room with that name.
        room=consultation.room if consultation.room in location.room_list else "",
        **{
            name: getattr(consultation, name)
            for name in PLANNED_FIELDS
            if name not in ("neighbourhood", "location", "room", "starts_at")
        },
    )
    _check_same_region(copy)
    audited_save(instance=copy, by=by, purpose=PURPOSE)
    stations = {}
    for station in consultation.stations.all():
        stations[station.pk] = RosterStation.objects.create(
            consultation=copy, kind=station.kind, name=station.name, position=station.position
        )
    if with_roster:
        RosterAssignment.objects.bulk_create(
            RosterAssignment(
                consultation=copy,
                professional_id=a.professional_id,
                role=a.role,
                station=stations.get(a.station_id),
            )
            for a in consultation.assignments.all()
        )
    if with_runsheet:
        RunSheetBlock.objects.bulk_create(
            RunSheetBlock(
                consultation=copy,
                position=b.position,
                title=b.title,
                minutes=b.minutes,
                who=b.who,
                notes=b.notes,
            )
            for b in consultation.runsheet_blocks.all()
        )
    else:
        runsheet_reset_from_template(consultation=copy, by=by)
    return copy
