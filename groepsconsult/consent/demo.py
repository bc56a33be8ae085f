"""Demo consent: most participants consent to most purposes, some refuse, a few withdrew.

So the GP-practice and health-champion demo logins see a realistic, consent-narrowed list.
Idempotent: does nothing once the region has consent rows.
"""

import datetime as dt

from django.utils import timezone

from groepsconsult.accounts.models import Membership
from groepsconsult.consent.models import Consent, ConsentPurpose
from groepsconsult.consent.selectors import consent_text_current_map

# Chance that a participant gives consent for each purpose (the rest refuse or were not asked).
GIVE_RATE = {
    ConsentPurpose.SHARE_WITH_GP: 0.85,
    ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION: 0.6,
    ConsentPurpose.ANONYMOUS_MONITORING: 0.9,
    ConsentPurpose.PSEUDONYMISED_RESEARCH: 0.5,
    ConsentPurpose.PHOTOS: 0.3,
    ConsentPurpose.SHARE_WITH_OFFER: 0.7,
    ConsentPurpose.SHARE_STORY: 0.4,
}
WITHDRAW_RATE = 0.04
REASONS = ["Wil niet meer gebeld worden", "Verhuisd naar andere huisarts", "Geen reden opgegeven"]


def seed(*, region, rng):
    if Consent.objects.filter(participant__region=region).exists():
        return
    recorder = (
        Membership.objects.filter(region=region, role="coordinator").select_related("user").first()
    )
    texts = consent_text_current_map()
    if recorder is None or len(texts) < len(ConsentPurpose.values):
        return
    participant_model = Consent._meta.get_field("participant").related_model
    now = timezone.now()
    rows = []
    for participant in participant_model.objects.in_region(region).only("pk"):
        recorded_at = now - dt.timedelta(days=rng.randint(14, 200), minutes=rng.randint(0, 600))
        how = rng.choice([Consent.How.PAPER, Consent.How.PAPER, Consent.How.DIGITAL])
        for purpose, rate in GIVE_RATE.items():
            roll = rng.random()
            if roll > rate + 0.08:  # not asked yet
                continue
            given = roll <= rate
            consent = Consent(
                participant=participant,
                purpose=purpose,
                text=texts[purpose],
                decision=Consent.Decision.GIVEN if given else Consent.Decision.REFUSED,
                recorded_how=how,
                recorded_by=recorder.user,
                recorded_at=recorded_at,
            )
            if given and rng.random() < WITHDRAW_RATE:
                consent.withdrawn_at = recorded_at + dt.timedelta(days=rng.randint(1, 10))
                consent.withdrawn_by = recorder.user
                consent.withdrawal_reason = rng.choice(REASONS)
            rows.append(consent)
    Consent.objects.bulk_create(rows, batch_size=500)
