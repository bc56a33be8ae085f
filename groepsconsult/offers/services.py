"""Writes to the social map: validated, atomic, audited, with a readable history per offer."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.core.versioning import version_claim
from groepsconsult.offers.models import NeighbourhoodOffer, OfferEvent

PURPOSE = Purpose.SOCIAL_MAP
# Fields compared for the history line; the M2M is compared separately.
TRACKED_FIELDS = [
    f.name
    for f in NeighbourhoodOffer._meta.concrete_fields
    if f.name not in {"id", "public_id", "created_at", "updated_at", "region"}
    and not f.name.startswith("last_confirmed")
]


def _check_same_region(*, offer, neighbourhoods):
    # Forms limit the choices too; this guards every other caller (imports, the API).
    errors = {}
    if offer.organisation_id and offer.organisation.region_id != offer.region_id:
        errors["organisation"] = _("Choose an organisation of this region.")
    if any(n.region_id != offer.region_id for n in neighbourhoods):
        errors["neighbourhoods"] = _("Choose neighbourhoods of this region.")
    if errors:
        raise ValidationError(errors)


def _event(*, offer, by: Actor, action, fields=()):
    # Field names, not labels: the page shows them in the reader's language.
    OfferEvent.objects.create(offer=offer, by=by.username, action=action, fields=",".join(fields))


def offer_create(*, offer: NeighbourhoodOffer, neighbourhoods, region, by: Actor):
    """A new offer counts as confirmed today by its author: they just checked it."""
    offer.region = region
    offer.last_confirmed_on = timezone.localdate()
    offer.last_confirmed_by = by.username
    _check_same_region(offer=offer, neighbourhoods=neighbourhoods)
    with transaction.atomic():
        audited_save(instance=offer, by=by, purpose=PURPOSE)
        offer.neighbourhoods.set(neighbourhoods)
        _event(offer=offer, by=by, action=OfferEvent.Action.CREATED)
    return offer


def offer_update(
    *, offer: NeighbourhoodOffer, neighbourhoods, by: Actor, expected_version: int | None = None
):
    """Save changes; the history lists which fields changed (values stay in the record).
    Refused when someone else saved since the form was opened (core.versioning)."""
    _check_same_region(offer=offer, neighbourhoods=neighbourhoods)
    with transaction.atomic():
        before = NeighbourhoodOffer.objects.select_for_update().get(pk=offer.pk)
        changed = [n for n in TRACKED_FIELDS if getattr(before, n) != getattr(offer, n)]
        version_claim(offer, expected=expected_version)
        old_hoods = set(before.neighbourhoods.values_list("pk", flat=True))
        if old_hoods != {n.pk for n in neighbourhoods}:
            changed.append("neighbourhoods")
        audited_save(instance=offer, by=by, purpose=PURPOSE)
        offer.neighbourhoods.set(neighbourhoods)
        if changed:
            _event(offer=offer, by=by, action=OfferEvent.Action.CHANGED, fields=changed)
    return offer


def offer_confirm(*, offer: NeighbourhoodOffer, by: Actor):
    """One click: the details were checked and are still current."""
    offer.last_confirmed_on = timezone.localdate()
    offer.last_confirmed_by = by.username
    with transaction.atomic():
        audited_save(instance=offer, by=by, purpose=PURPOSE)
        _event(offer=offer, by=by, action=OfferEvent.Action.CONFIRMED)
    return offer
