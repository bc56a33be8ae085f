"""Demo follow-up calls through the service: a few reached (one needing more help), one with no
answer and a retry date, so the worklist, the reached rate and the signal list show them; and a
few stories of people who consented to share one, for the funder report."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import participants_with_consent
from groepsconsult.followups.models import FollowUpAttempt, Story
from groepsconsult.followups.services import followup_attempt_record, story_record
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration

CALLS = [
    {"outcome": "reached", "how_was_it": "Leuk, veel geleerd", "goal_progress": "some"},
    {
        "outcome": "reached",
        "goal_progress": "not_started",
        "needs_help": True,
        "note": "Geldzorgen",
    },
    {"outcome": "no_answer"},
]
STORIES = [
    "Ik had nooit gedacht dat ik mijn bloeddruk zelf omlaag kon krijgen. Nu wandel ik drie keer "
    "per week met de groep.",
    "Het fijne was dat iedereen in de groep hetzelfde had. Ik durfde eindelijk vragen te stellen.",
    "Door de diëtist eet ik anders, en mijn kinderen eten gewoon mee.",
]


def seed(*, region, rng):
    if FollowUpAttempt.objects.in_region(region).exists():
        return
    caller = get_user_model().objects.filter(username=f"health-champion.{region.slug}").first()
    if caller is None:
        return
    by = Actor.for_user(caller, role="health_champion", region_slug=region.slug)
    since = timezone.now() - dt.timedelta(days=91)
    people = participants_with_consent(
        Participant.objects.in_region(region), ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION
    )
    registrations = Registration.objects.filter(
        consultation__region=region,
        consultation__kind="first",
        consultation__starts_at__range=(since, timezone.now() - dt.timedelta(weeks=6)),
        participant__in=people,
    ).select_related("participant", "consultation")[: len(CALLS)]
    for registration, values in zip(registrations, CALLS, strict=False):
        values = {**values}
        if values["outcome"] == "no_answer":
            values["retry_on"] = timezone.localdate() + dt.timedelta(days=2)
        followup_attempt_record(registration=registration, values=values, by=by)

    _seed_stories(region=region, by=by)


def _seed_stories(*, region, by):
    if Story.objects.in_region(region).exists():
        return
    people = participants_with_consent(
        Participant.objects.in_region(region), ConsentPurpose.SHARE_STORY
    )[: len(STORIES)]
    for participant, text in zip(people, STORIES, strict=False):
        story_record(participant=participant, text=text, by=by)
