"""Book the interprofessional team onto tables and session roles."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.consultations.models import RosterAssignment, RosterStation
from groepsconsult.consultations.policies import check_can_edit_consultation
from groepsconsult.consultations.services._audit import PURPOSE, audited_delete


@transaction.atomic
def roster_station_add(*, consultation, kind: str, name: str = "", by: Actor) -> RosterStation:
    check_can_edit_consultation(consultation)
    last = consultation.stations.aggregate(m=Max("position"))["m"]
    station = RosterStation(
        consultation=consultation,
        kind=kind,
        name=name.strip(),
        position=0 if last is None else last + 1,
    )
    return audited_save(instance=station, by=by, purpose=PURPOSE)


@transaction.atomic
def roster_station_remove(*, station: RosterStation, by: Actor) -> None:
    """Removes the table and the bookings on it."""
    check_can_edit_consultation(station.consultation)
    audited_delete(instance=station, by=by)


@transaction.atomic
def roster_assign(
    *, consultation, professional, role: str, station: RosterStation | None = None, by: Actor
) -> RosterAssignment:
    check_can_edit_consultation(consultation)
    # Region and ownership are checked here as well as in the form: a service must be safe
    # whoever calls it (a command, the API, a later feature).
    if professional.region_id != consultation.region_id:
        raise ValidationError({"professional": _("Choose a professional from your own region.")})
    if not professional.is_active:
        raise ValidationError({"professional": _("This professional is no longer active.")})
    if station is not None and station.consultation_id != consultation.pk:
        raise ValidationError({"station": _("Choose a table of this session.")})
    if role != RosterAssignment.Role.STATION:
        station = None
    assignment = RosterAssignment(
        consultation=consultation, professional=professional, role=role, station=station
    )
    return audited_save(instance=assignment, by=by, purpose=PURPOSE)


@transaction.atomic
def roster_unassign(*, assignment: RosterAssignment, by: Actor) -> None:
    check_can_edit_consultation(assignment.consultation)
    audited_delete(instance=assignment, by=by)
