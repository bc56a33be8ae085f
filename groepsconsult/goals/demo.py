"""Demo goals for participants of held sessions who have a trajectory. Idempotent."""

from django.contrib.auth import get_user_model

from groepsconsult.audit.services import Actor
from groepsconsult.goals.models import Goal, LearningStage, Pillar
from groepsconsult.goals.services import goal_record
from groepsconsult.regions.models import Professional
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.selectors import trajectory_for_registration

GOALS = [
    (Pillar.EXERCISE, "Ik wil elke dag een half uur wandelen met de buurvrouw.", "Maandag starten"),
    (Pillar.NUTRITION, "Minder suiker in de thee, en 's avonds groente erbij.", "Vanaf morgen"),
    (Pillar.SLEEP, "Voor elf uur naar bed, telefoon uit de slaapkamer.", "Deze week"),
    (Pillar.SOCIAL, "Weer naar de koffieochtend in het buurthuis.", "Donderdag"),
    (Pillar.SUBSTANCES, "Stoppen met roken voor de zomer.", "Afspraak bij de POH"),
]


def seed(*, region, rng):
    user = get_user_model().objects.filter(username=f"professional.{region.slug}").first()
    professionals = list(Professional.objects.in_region(region)[:10])
    if user is None or not professionals:
        return
    registrations = Registration.objects.filter(
        consultation__region=region, consultation__status="held", status="registered"
    ).select_related("participant", "consultation")[:40]
    for registration in registrations:
        trajectory = trajectory_for_registration(registration=registration)
        if trajectory is None or Goal.objects.filter(trajectory=trajectory).exists():
            continue
        pillar, text, step = rng.choice(GOALS)
        goal_record(
            trajectory=trajectory,
            consultation=registration.consultation,
            values={
                "pillar": pillar,
                "goal_text": text,
                "first_step": step,
                "learning_stage": rng.choice(LearningStage.values),
                "professional": rng.choice(professionals),
            },
            previous=None,
            by=Actor.for_user(user, role="professional", region_slug=region.slug),
        )
