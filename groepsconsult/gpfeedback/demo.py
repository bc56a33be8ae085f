"""Demo GP feedback: prepared through the service for every consenting, measured participant of
the region's held sessions, so the practice portal and `export_gp_feedback` have something.
Idempotent (one feedback per participant, session and step)."""

from django.core.exceptions import ValidationError

from groepsconsult.audit.services import Actor
from groepsconsult.gpfeedback.models import GpFeedback
from groepsconsult.gpfeedback.selectors import registrations_with_results
from groepsconsult.gpfeedback.services import gp_feedback_prepare

ACTOR = Actor.system("seed_demo")


def seed(*, region, rng):
    if GpFeedback.objects.in_region(region).exists():
        return
    registrations = registrations_with_results().filter(
        consultation__region=region, participant__gp_practice__isnull=False
    )
    for registration in registrations[:60]:
        try:
            gp_feedback_prepare(registration=registration, by=ACTOR)
        except ValidationError:
            continue  # no consent to share with the GP: nothing is prepared
