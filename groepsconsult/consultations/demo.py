"""Demo data for planning: rooms, tables, a team and a run sheet for the backbone's sessions.

Idempotent: every step only fills what is still empty, so running seed_demo twice changes
nothing. Registrations are left to the registrations app's seeder.
"""

import datetime as dt

from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import (
    Consultation,
    RosterAssignment,
    RosterStation,
    RunSheetBlock,
)
from groepsconsult.consultations.services import runsheet_template_default
from groepsconsult.consultations.services.consultation import FIXED_STATIONS
from groepsconsult.regions.models import Professional

BY = Actor.system("seed_demo")
STATION_OF = {
    "practice_nurse": "care",
    "pharmacist": "care",
    "medical_assistant": "measurement",
    "sport_coach": "movement",
    "social_worker": "welfare",
    "money_help": "welfare",
}
ROLE_OF = {"gp": "lead", "host": "host", "experience_expert": "experience_expert"}


def seed(*, region, rng):
    template = runsheet_template_default(region=region, by=BY)
    blocks = list(template.blocks.all())
    coordinator, _ = Professional.objects.get_or_create(
        region=region,
        name=f"Coördinator {region.name}",
        defaults={
            "discipline": "coordinator",
            "email": f"coordinator.{region.slug}@example.org",
            "vog_date": timezone.localdate() - dt.timedelta(days=200),
        },
    )
    sessions = Consultation.objects.in_region(region).select_related("location", "neighbourhood")
    for n, consultation in enumerate(sessions.order_by("neighbourhood__name", "starts_at")):
        _plan(consultation, n)
        _tables(consultation)
        if not consultation.runsheet_blocks.exists():
            RunSheetBlock.objects.bulk_create(
                RunSheetBlock(
                    consultation=consultation,
                    position=b.position,
                    title=b.title,
                    minutes=b.minutes,
                    who=b.who,
                    notes=b.notes,
                )
                for b in blocks
            )
        # Every other session gets a full team; the rest stay half-planned so the
        # coordinator's overview has something to show.
        if not consultation.assignments.exists():
            _team(consultation, coordinator, full=n % 2 == 0)


def _plan(consultation, n):
    changed = False
    if not consultation.room and consultation.location.room_list:
        consultation.room = consultation.location.room_list[0]
        changed = True
    if not consultation.languages:
        consultation.languages = ["nl"]
        if n % 4 == 1:  # the example: a women-only session in Turkish and Dutch
            consultation.audience = Consultation.Audience.WOMEN
            consultation.languages = ["tr", "nl"]
            consultation.interpreter_needed = True
            consultation.interpreter_language = "tr"
            consultation.theme = "Diabetes en voeding"
        changed = True
    if changed:
        consultation.full_clean()
        consultation.save()


def _tables(consultation):
    existing = set(consultation.stations.values_list("kind", flat=True))
    RosterStation.objects.bulk_create(
        RosterStation(consultation=consultation, kind=kind, position=i)
        for i, kind in enumerate(FIXED_STATIONS)
        if kind not in existing
    )


def _team(consultation, coordinator, *, full):
    stations = {s.kind: s for s in consultation.stations.all()}
    people = Professional.objects.filter(
        region=consultation.region, organisation__neighbourhood=consultation.neighbourhood
    )
    bookings = [
        RosterAssignment(consultation=consultation, professional=coordinator, role="coordinator")
    ]
    for prof in people:
        if prof.discipline in ROLE_OF and (full or prof.discipline != "experience_expert"):
            bookings.append(
                RosterAssignment(
                    consultation=consultation, professional=prof, role=ROLE_OF[prof.discipline]
                )
            )
        elif prof.discipline in STATION_OF and (full or prof.discipline != "sport_coach"):
            bookings.append(
                RosterAssignment(
                    consultation=consultation,
                    professional=prof,
                    role="station",
                    station=stations[STATION_OF[prof.discipline]],
                )
            )
    RosterAssignment.objects.bulk_create(bookings)
