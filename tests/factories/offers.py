"""Factories for the social map and reminders. Each saves a valid record; override any field."""

import datetime as dt
import itertools

from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_organisation

_seq = itertools.count(1)


def make_offer(region, *, neighbourhoods=(), organisation=None, **kw):
    defaults = {
        "name": f"Aanbod {next(_seq)}",
        "kind": "sport",
        "languages": "nl",
        "contact_name": "Sanne de Vries",
        "last_confirmed_on": dt.date.today(),
        "last_confirmed_by": "test",
    }
    offer = NeighbourhoodOffer.objects.create(
        **{
            "region": region,
            "organisation": organisation or make_organisation(region),
            **defaults,
            **kw,
        }
    )
    offer.neighbourhoods.set(neighbourhoods)
    return offer


def make_registration(consultation, participant, **kw):
    return Registration.objects.create(
        consultation=consultation, participant=participant, channel="self", **kw
    )
