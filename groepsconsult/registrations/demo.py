"""Demo registrations: every route, partly filled upcoming sessions, a tallied past one.

Idempotent: a session that already has registrations is left alone. Runs after the backbone
(participants and three sessions per neighbourhood exist) and after consultations' own seed.
"""

from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.participants.models import Participant
from groepsconsult.regions.models import Professional
from groepsconsult.registrations.models import Registration

REASONS = [
    "Prediabetes bij laatste controle, wil meer bewegen",
    "Overgewicht en stress door schulden",
    "Hoge bloeddruk, weinig contact met de huisarts",
]
COMMUNITY = [
    "Moedergroep basisschool De Regenboog",
    "Moskee Mevlana",
    "Buurtkamer",
    "Sleutelpersoon Fatma",
]
CHANNELS = ["self", "self", "professional", "community", "gp_selection"]


def _fits(consultation, participant):
    audience = getattr(consultation, "audience", "mixed")
    return not (
        (audience == "women" and participant.sex == Participant.Sex.MALE)
        or (audience == "men" and participant.sex == Participant.Sex.FEMALE)
    )


def _registration(consultation, participant, channel, rng, professionals):
    registration = Registration(consultation=consultation, participant=participant, channel=channel)
    if channel == "professional" and professionals:
        registration.referred_by = rng.choice(professionals)
        registration.referral_reason = rng.choice(REASONS)
    elif channel == "community":
        registration.community_contact = rng.choice(COMMUNITY)
    return registration


def _tally(registrations, rng, starts_at):
    """A past session: most came (numbered in order of arrival), a few did not."""
    number = 0
    for registration in registrations:
        if rng.random() < 0.8:
            number += 1
            registration.attendance = Registration.Attendance.PRESENT
            registration.day_number = number
            registration.checked_in_at = starts_at
        else:
            registration.attendance = Registration.Attendance.ABSENT


def seed(*, region, rng):
    professionals = list(Professional.objects.filter(region=region))
    participants = list(Participant.objects.filter(region=region).order_by("pk"))
    if not participants:
        return
    now = timezone.now()
    sessions = Consultation.objects.filter(region=region).exclude(
        status=Consultation.Status.CANCELLED
    )
    for consultation in sessions.order_by("starts_at"):
        if consultation.registrations.exists():
            continue
        fitting = [p for p in participants if _fits(consultation, p)]
        size = (
            min(consultation.capacity - 2, len(fitting))
            if consultation.starts_at > now
            else (min(consultation.capacity, len(fitting)))
        )
        chosen = rng.sample(fitting, max(size - rng.randint(0, 5), 0))
        registrations = [
            _registration(consultation, p, rng.choice(CHANNELS), rng, professionals) for p in chosen
        ]
        if consultation.starts_at <= now:
            _tally(registrations, rng, consultation.starts_at)
        Registration.objects.bulk_create(registrations)
