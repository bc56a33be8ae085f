"""Writes for the regional backbone. Each is atomic, validated and audited (via audited_save)."""

from django.db import transaction

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Professional

PURPOSE = Purpose.REGIONAL_SETUP


def _save_in_region(*, instance, region, by: Actor):
    instance.region = region
    return audited_save(instance=instance, by=by, purpose=PURPOSE)


def neighbourhood_save(*, neighbourhood: Neighbourhood, region, by: Actor) -> Neighbourhood:
    """Save a neighbourhood; its status score and name are dimensions of the monitoring."""
    with transaction.atomic():
        saved = _save_in_region(instance=neighbourhood, region=region, by=by)
        send_facts_changed(Neighbourhood, neighbourhood_ids=[saved.pk], sessions_changed=False)
    return saved


def location_save(*, location: Location, region, by: Actor) -> Location:
    return _save_in_region(instance=location, region=region, by=by)


def organisation_save(*, organisation: Organisation, region, by: Actor) -> Organisation:
    return _save_in_region(instance=organisation, region=region, by=by)


def professional_save(*, professional: Professional, region, by: Actor) -> Professional:
    return _save_in_region(instance=professional, region=region, by=by)
