"""Demo offers per neighbourhood, with a few stale ones so the flag shows. Idempotent."""

import datetime as dt

from django.utils import timezone

from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.regions.models import Neighbourhood, Organisation

# (name, kind, organisation prefix, languages, women only, cost, waiting weeks, how to refer)
OFFERS = [
    (
        "Wandelgroep {n}",
        "sport",
        "Sportbedrijf",
        "nl,tr,ar",
        False,
        "",
        0,
        "Bel of app de buurtsportcoach; meelopen mag meteen.",
    ),
    (
        "Vrouwen in beweging {n}",
        "sport",
        "Sportbedrijf",
        "nl,tr,ar,zgh",
        True,
        "",
        2,
        "Warme overdracht: de coach belt de deelnemer binnen een week.",
    ),
    (
        "Leefstijlcoach (GLI) {n}",
        "lifestyle_coach",
        "Gezondheidscentrum",
        "nl,en",
        False,
        "Vergoed uit de basisverzekering",
        4,
        "Verwijzing door de huisarts nodig.",
    ),
    (
        "Geldloket {n}",
        "money_help",
        "Welzijn",
        "nl,tr,ar,pap",
        False,
        "",
        1,
        "Aanmelden via het formulier of bellen; inloop op dinsdag.",
    ),
    (
        "Maatschappelijk werk {n}",
        "welfare",
        "Welzijn",
        "nl,tr,ar,en",
        False,
        "",
        3,
        "Bellen met de contactpersoon; zij plant een kennismaking.",
    ),
    (
        "Stoppen met roken {n}",
        "quit_smoking",
        "Huisartsenpraktijk",
        "nl,tr",
        False,
        "Vergoed uit de basisverzekering",
        0,
        "Via de praktijkondersteuner.",
    ),
]
CITY_OFFERS = [
    ("Diëtist aan huis", "dietitian", "nl,en,tr", "3 uur per jaar vergoed", 6),
    ("POH-GGZ spreekuur", "mental_health", "nl,en", "", 5),
]
CONTACTS = ["Sanne de Vries", "Mehmet Yilmaz", "Fatima El Idrissi", "Priya Ramdin", "Joost Bakker"]


def _confirmed(rng, today):
    # Roughly one in four entries was last confirmed more than 6 months ago: flagged as stale.
    return today - dt.timedelta(days=rng.choice([20, 45, 90, 150, 210, 400]))


def seed(*, region, rng):
    today = timezone.localdate()
    for n, hood in enumerate(Neighbourhood.objects.in_region(region)):
        for k, (name, kind, org_prefix, langs, women, cost, wait, refer) in enumerate(OFFERS):
            org = (
                Organisation.objects.in_region(region)
                .filter(name__startswith=org_prefix, neighbourhood=hood)
                .first()
            )
            if org is None:
                continue
            offer, created = NeighbourhoodOffer.objects.get_or_create(
                region=region,
                organisation=org,
                name=name.format(n=hood.name),
                defaults=_defaults(rng, today, kind, langs, women, cost, wait, refer, n + k),
            )
            if created:
                offer.neighbourhoods.set([hood])
    city_org = Organisation.objects.in_region(region).filter(kind="health_service").first()
    for k, (name, kind, langs, cost, wait) in enumerate(CITY_OFFERS):
        if city_org:
            NeighbourhoodOffer.objects.get_or_create(
                region=region,
                organisation=city_org,
                name=name,
                defaults=_defaults(rng, today, kind, langs, False, cost, wait, "", k),
            )


def _defaults(rng, today, kind, langs, women, cost, wait, refer, k):
    contact = CONTACTS[k % len(CONTACTS)]
    successor = CONTACTS[(k + 2) % len(CONTACTS)]
    return dict(
        kind=kind,
        description="Laagdrempelig aanbod in de wijk, in kleine groepen.",
        target_group="Volwassenen met een verhoogd risico op diabetes of hart- en vaatziekten",
        languages=langs,
        women_only=women,
        is_free=not cost,
        cost=cost,
        capacity=rng.choice([8, 12, 15, 20]),
        waiting_weeks=wait,
        contact_name=contact,
        contact_phone=f"070 {rng.randint(300, 399)} {rng.randint(1000, 9999)}",
        contact_email=f"{contact.split()[0].lower()}@example.org",
        successor_name=successor,
        successor_email=f"{successor.split()[0].lower()}@example.org",
        how_to_refer=refer or "Bel de contactpersoon; zij maakt de afspraak met de deelnemer.",
        last_confirmed_on=_confirmed(rng, today),
        last_confirmed_by="demo",
    )
