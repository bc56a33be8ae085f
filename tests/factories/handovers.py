"""Hand-over factories: through the services, so every row has its trail and audit."""

import datetime as dt
from importlib import import_module

from groepsconsult.audit.services import Actor
from groepsconsult.consent.models import ConsentText
from groepsconsult.handovers.services import handover_propose
from tests.factories.backbone import make_organisation, make_participant, make_user
from tests.factories.consent import give
from tests.factories.offers import make_offer

_texts = import_module("groepsconsult.consent.migrations.0004_share_with_offer_text")


def ensure_offer_consent_text():
    return ConsentText.objects.get_or_create(
        purpose="share_with_offer",
        version=_texts.VERSION,
        defaults={"valid_from": _texts.VALID_FROM, **_texts.TEXTS},
    )[0]


def consent_to_offer(participant, user):
    ensure_offer_consent_text()
    return give(participant, "share_with_offer", user)


def actor_of(user, role="coordinator", region_slug="alpha"):
    return Actor.for_user(user, role=role, region_slug=region_slug)


def make_handover(
    region, *, participant=None, offer=None, referrer=None, consent=True, request=True, now=None
):
    referrer = referrer or make_user("coordinator", region)
    participant = participant or make_participant(region)
    offer = offer or make_offer(region, organisation=make_organisation(region, kind="sport"))
    if consent:
        consent_to_offer(participant, referrer)
    return handover_propose(
        participant=participant,
        offer=offer,
        handed_over_by="Saida (buurtteam)",
        request_now=request,
        by=actor_of(referrer, region_slug=region.slug),
        now=now or dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC),
    )


def make_partner(region, offer, **kw):
    """An offer-partner user of the offer's organisation."""
    return make_user("offer_partner", region, organisation=offer.organisation, **kw)
