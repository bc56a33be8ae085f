"""Demo: the optional background answers of people who came to a first session, and this
year's targets, so the equity view and the target bars show something. Idempotent: people
who already answered, and a region that already has targets, are left alone.
"""

from django.utils import timezone

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor
from groepsconsult.monitoring import services
from groepsconsult.monitoring.models import Target
from groepsconsult.participants.models import ParticipantBackground
from groepsconsult.participants.services import participant_background_save
from groepsconsult.trajectories.models import Trajectory

# Answers weighted towards the neighbourhoods' reality: mostly low education, many who need
# help reading; some skip a question or would rather not say.
EDUCATION = ["11"] * 3 + ["12"] * 4 + ["211"] * 3 + ["212", "213", "31", "foreign", "declined", ""]
HELP_READING = ["1"] * 4 + ["2"] * 3 + ["3"] * 3 + ["4"] * 2 + ["5", "declined", ""]
HEALTH = ["1", "2", "2", "2", "3", "3", "3", "4", "5", "declined"]
TARGETS = {
    Target.Indicator.SESSIONS: 40,
    Target.Indicator.PER_SESSION: 8,
    Target.Indicator.REACHED: 300,
    Target.Indicator.GP_PRACTICES: 5,
    Target.Indicator.CALL_REACHED: 80,
    Target.Indicator.RETURNED: 60,
}


def seed(*, region, rng):
    by = Actor.system("seed_demo")
    _answers(region, rng, by)
    _targets(region, by)


def _answers(region, rng, by):
    started = (
        Trajectory.objects.filter(participant__region=region, participant__background__isnull=True)
        .exclude(status__in=(Trajectory.Status.INVITED, Trajectory.Status.REGISTERED))
        .select_related("participant")
    )
    people = {t.participant_id: t.participant for t in started}
    for participant in people.values():
        participant_background_save(
            background=ParticipantBackground(
                participant=participant,
                education=rng.choice(EDUCATION),
                help_reading=rng.choice(HELP_READING),
                self_rated_health=rng.choice(HEALTH),
            ),
            by=by,
            purpose=Purpose.CARE,
        )


def _targets(region, by):
    if Target.objects.in_region(region).exists():
        return
    year = timezone.localdate().year
    for indicator, value in TARGETS.items():
        services.target_save(
            target=Target(year=year, indicator=indicator, value=value), region=region, by=by
        )
