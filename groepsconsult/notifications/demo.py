"""Demo contact preferences: a few participants opted out of SMS or e-mail. Idempotent."""

from groepsconsult.notifications.models import ContactPreference
from groepsconsult.participants.models import Participant


def seed(*, region, rng):
    if ContactPreference.objects.filter(participant__region=region).exists():
        return
    people = list(Participant.objects.in_region(region).order_by("pk")[:200])
    for participant in rng.sample(people, k=min(6, len(people))):
        sms = rng.random() < 0.5
        ContactPreference.objects.create(
            participant=participant, sms_opt_out=sms, email_opt_out=not sms, changed_by="demo"
        )
