"""Reads of the social map, always scoped to one region.

`offer_list_for_region` is the entry point for other features (the warm hand-over picks an
offer from it); the list page adds search and the stale filter on top.
"""

from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from groepsconsult.accounts.permissions import Permission
from groepsconsult.offers.models import (
    LANGUAGE_CODES,
    NeighbourhoodOffer,
    OfferEvent,
    stale_cutoff,
)

Through = NeighbourhoodOffer.neighbourhoods.through


def offer_list_for_region(
    *, region, neighbourhood=None, kind=None, language=None, women_only=None, active_only=True
):
    """Offers of `region`, optionally for one neighbourhood, kind, language or audience.

    `neighbourhood` is a Neighbourhood or its public_id. An offer without neighbourhoods serves
    the whole region, so it shows under every neighbourhood. `women_only=False` means offers open
    to men too; None means no filter. Unknown language codes match nothing rather than all.
    """
    qs = (
        NeighbourhoodOffer.objects.in_region(region)
        .select_related("organisation")
        .prefetch_related("neighbourhoods")
    )
    if active_only:
        qs = qs.filter(is_active=True)
    if neighbourhood:
        key = "neighbourhood__public_id" if not hasattr(neighbourhood, "pk") else "neighbourhood"
        linked = Through.objects.filter(neighbourhoodoffer=OuterRef("pk"), **{key: neighbourhood})
        anywhere = Through.objects.filter(neighbourhoodoffer=OuterRef("pk"))
        qs = qs.filter(Exists(linked) | ~Exists(anywhere))
    if kind:
        qs = qs.filter(kind=kind)
    if language:
        if language not in LANGUAGE_CODES:
            return qs.none()
        # Codes are validated against a fixed list, so the pattern needs no escaping.
        qs = qs.filter(languages__regex=rf"(^|,){language}(,|$)")
    if women_only is not None:
        qs = qs.filter(women_only=women_only)
    return qs


def offer_search(*, region, q="", stale=False, today=None, **filters):
    """The list page: `offer_list_for_region` plus free-text search and the stale filter."""
    qs = offer_list_for_region(region=region, active_only=False, **filters)
    if q:
        qs = qs.filter(
            Q(name__icontains=q) | Q(description__icontains=q) | Q(organisation__name__icontains=q)
        )
    if stale:
        qs = qs.filter(last_confirmed_on__lt=stale_cutoff(today or timezone.localdate()))
    return qs


def offer_get(*, region, public_id):
    """One offer of `region`: a 404 for anything outside it."""
    return get_object_or_404(
        NeighbourhoodOffer.objects.in_region(region)
        .select_related("organisation")
        .prefetch_related("neighbourhoods"),
        public_id=public_id,
    )


def offer_event_list(*, offer, limit=50):
    return OfferEvent.objects.filter(offer=offer)[:limit]


def offer_stale_count(*, region, today=None):
    cutoff = stale_cutoff(today or timezone.localdate())
    return (
        NeighbourhoodOffer.objects.in_region(region)
        .filter(is_active=True, last_confirmed_on__lt=cutoff)
        .count()
    )


def offers_dashboard_panel(request):
    """Dashboard panel: how many active offers need confirming (one COUNT)."""
    membership = request.membership
    if not membership.has_permission(Permission.OFFER_VIEW):
        return None
    stale = offer_stale_count(region=membership.region)
    return {"template": "offers/_dashboard_panel.html", "stale": stale}
