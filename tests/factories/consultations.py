"""Factories for sessions with a team, a run sheet and registrations."""

import datetime as dt

from django.utils import timezone

from groepsconsult.consultations.models import (
    RosterAssignment,
    RosterStation,
    RunSheetBlock,
)
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import (
    make_consultation,
    make_location,
    make_participant,
    make_professional,
)

ROOMS = "Grote zaal (40 personen)\nKeuken"


def future(days=30, hour=10):
    moment = timezone.localtime() + dt.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def make_planned_consultation(region, **kw):
    """A draft in the future at a location with rooms, the room chosen, four fixed tables."""
    location = kw.pop("location", None) or make_location(region, rooms=ROOMS)
    consultation = make_consultation(
        region,
        location=location,
        room=kw.pop("room", "Grote zaal (40 personen)"),
        starts_at=kw.pop("starts_at", future()),
        **kw,
    )
    for i, kind in enumerate(["care", "measurement", "movement", "welfare"]):
        RosterStation.objects.create(consultation=consultation, kind=kind, position=i)
    return consultation


def station(consultation, kind):
    return consultation.stations.get(kind=kind)


def make_assignment(
    consultation, *, role="station", discipline="social_worker", station_kind=None, **prof
):
    professional = prof.pop("professional", None) or make_professional(
        consultation.region, discipline=discipline, **prof
    )
    table = None
    if role == "station":
        table = station(consultation, station_kind or "welfare")
    return RosterAssignment.objects.create(
        consultation=consultation, professional=professional, role=role, station=table
    )


def make_full_team(consultation):
    """Care, welfare and sport, a BIG lead, an experience expert and a coordinator."""
    make_assignment(consultation, role="lead", discipline="gp", big_number="12345678901")
    make_assignment(consultation, discipline="practice_nurse", station_kind="care")
    make_assignment(consultation, discipline="social_worker", station_kind="welfare")
    make_assignment(consultation, discipline="sport_coach", station_kind="movement")
    make_assignment(consultation, role="experience_expert", discipline="experience_expert")
    make_assignment(consultation, role="coordinator", discipline="coordinator")


def make_registration(consultation, **kw):
    participant = kw.pop("participant", None) or make_participant(consultation.region)
    return Registration.objects.create(
        consultation=consultation, participant=participant, channel=kw.pop("channel", "self"), **kw
    )


def make_registrations(consultation, n):
    return [make_registration(consultation) for _ in range(n)]


def make_ready_consultation(region, **kw):
    consultation = make_planned_consultation(region, **kw)
    make_full_team(consultation)
    make_registrations(consultation, 8)
    return consultation


def make_block(consultation, **kw):
    defaults = {"title": "Welkom", "minutes": 10, "who": "Gastvrouw"}
    last = consultation.runsheet_blocks.count()
    return RunSheetBlock.objects.create(
        consultation=consultation, position=last, **{**defaults, **kw}
    )
