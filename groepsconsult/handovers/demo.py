"""Demo hand-overs through the services: a few at every step, one stalled, one stopped, and
the offer-partner login tied to the organisation of the women's walking group. Idempotent."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from groepsconsult.accounts.models import Membership
from groepsconsult.audit.services import Actor
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import participants_with_consent
from groepsconsult.handovers.models import Handover
from groepsconsult.handovers.services import (
    handover_advance,
    handover_propose,
    signals_detect_handovers,
)
from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.participants.models import Participant

S = Handover.Status
# (steps after the request, days ago the request was made)
PATHS = [
    ([S.ACCEPTED, S.CONTACTED, S.APPOINTMENT_PLANNED, S.STARTED, S.COMPLETED], 70),
    ([S.ACCEPTED, S.CONTACTED, S.APPOINTMENT_PLANNED, S.STARTED], 30),
    ([S.ACCEPTED, S.CONTACTED], 12),
    ([S.ACCEPTED, S.STOPPED], 40),
    ([], 14),  # nobody answered: a stall signal
    ([], 1),  # just requested: waits in the partner's inbox
]


def seed(*, region, rng):
    if Handover.objects.in_region(region).exists():
        return
    referrer = get_user_model().objects.filter(username=f"professional.{region.slug}").first()
    offer = (
        NeighbourhoodOffer.objects.in_region(region)
        .filter(is_active=True, women_only=True)
        .order_by("name")
        .first()
    )
    if referrer is None or offer is None:
        return
    Membership.objects.filter(region=region, role="offer_partner").update(
        organisation=offer.organisation
    )
    people = participants_with_consent(
        Participant.objects.in_region(region).filter(sex="female"),
        ConsentPurpose.SHARE_WITH_OFFER,
    ).order_by("pk")[: len(PATHS)]
    membership = Membership.objects.filter(user=referrer, region=region).first()
    for person, (steps, days_ago) in zip(people, PATHS, strict=False):
        _walk(person, offer, steps, days_ago, referrer, membership)
    signals_detect_handovers(region=region)


def _walk(person, offer, steps, days_ago, referrer, membership):
    start = timezone.now() - dt.timedelta(days=days_ago)
    by = Actor.for_user(
        referrer, role="professional", region_slug=person.region.slug, membership=membership
    )
    handover = handover_propose(
        participant=person,
        offer=offer,
        handed_over_by="Saida (buurtteam)",
        request_now=True,
        by=by,
        now=start,
    )
    for n, status in enumerate(steps, start=1):
        handover_advance(
            handover=handover,
            to_status=status,
            membership=membership,
            by=by,
            reason="Knieklachten, wil eerst naar de fysio" if status == S.STOPPED else "",
            first_appointment_on=(start + dt.timedelta(days=n + 3)).date()
            if status == S.APPOINTMENT_PLANNED
            else None,
            now=start + dt.timedelta(days=n),
        )
