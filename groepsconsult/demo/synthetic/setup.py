"""What a synthetic region needs before its participants: the user who "recorded" the rows, the
offers of its social map, the consent texts and questionnaires in force, and its costs.

These are few rows per region, so they go through the ORM (and finance through its service);
only the per-participant rows use the bulk path.
"""

import datetime as dt
from collections import Counter
from decimal import Decimal

from django.contrib.auth import get_user_model

from groepsconsult.audit.services import Actor
from groepsconsult.consent.selectors import consent_text_current_map
from groepsconsult.demo.bulk import uuid_from
from groepsconsult.finance.models import BudgetLine
from groepsconsult.finance.services import finance_record_save
from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.questionnaires.models import Questionnaire
from groepsconsult.regions.models import Neighbourhood, Organisation

USERNAME = "synthetic-generator"
RECEIVER_USERNAME = "synthetic-offer-contact"  # takes the offers' steps of hand-overs
BY = Actor.system("generate_synthetic")
K = NeighbourhoodOffer.Kind
# Per neighbourhood: (name, kind, organisation: "gp" = the hood's first GP practice, else a kind)
HOOD_OFFERS = [
    ("Wandelgroep {n}", K.SPORT, "sport"),
    ("Geldloket {n}", K.MONEY_HELP, "welfare"),
    ("Maatschappelijk werk {n}", K.WELFARE, "welfare"),
    ("Leefstijlcoach (GLI) {n}", K.LIFESTYLE_COACH, "gp"),
    ("Stoppen met roken {n}", K.QUIT_SMOKING, "gp"),
]
REGION_OFFERS = [("Diëtist (synthetisch)", K.DIETITIAN), ("POH-GGZ spreekuur", K.MENTAL_HEALTH)]
CONTACTS = ["Sanne de Vries", "Mehmet Yilmaz", "Fatima El Idrissi", "Priya Ramdin", "Joost Bakker"]
QUESTIONNAIRES = ("positive_health", "social_risks", "experience")

# Synthetic euro amounts per held session (and once per region), NOT real costs: they only give
# the finance pages something to show. Real figures live in finance assumptions with sources.
C = BudgetLine.Category
PER_SESSION = [
    ("municipality", C.COORDINATION, "Coördinatie", (300, 500)),
    ("insurer", C.PROFESSIONALS, "Uren huisarts en POH", (250, 450)),
    ("municipality", C.LOCATION, "Locatie en catering", (80, 160)),
    ("gp_organisation", C.SUPPLIES, "Meetmaterialen", (60, 120)),
    ("other", C.MATERIALS, "Boekjes en flyers", (20, 60)),
]
START_UP = ("fund", C.EXPLORATION, "Verkennende gesprekken en kernteam", (4000, 9000))
SYNTHETIC_MARK = "(synthetic data, not a real amount)"


def synthetic_user(username=USERNAME):
    """The account generated rows name as recorder: no password, no region."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": "Synthetic", "last_name": "data"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def consent_texts() -> dict:
    """{purpose: text id} of the texts in force (loaded by the consent migration)."""
    return {purpose: text.pk for purpose, text in consent_text_current_map().items()}


def questionnaire_forms() -> dict:
    """{code: (questionnaire id, [(question id, code, kind, option values, required)])}."""
    forms = {}
    for form in Questionnaire.objects.filter(code__in=QUESTIONNAIRES, is_current=True):
        questions = [
            (q.pk, q.code, q.kind, [str(o["value"]) for o in q.options], q.required)
            for q in form.questions.order_by("order")
        ]
        forms[form.code] = (form.pk, questions)
    return forms


def region_offers(region, rng, today) -> dict:
    """{neighbourhood id: [(offer id, kind)]} of active offers (region-wide ones in every
    list); creates a social map first when the region has no offers."""
    if not NeighbourhoodOffer.objects.filter(region=region, is_active=True).exists():
        _make_offers(region, rng, today)
    hoods = list(Neighbourhood.objects.filter(region=region).values_list("pk", flat=True))
    offers = {pk: [] for pk in hoods}
    everywhere = []
    active = NeighbourhoodOffer.objects.filter(region=region, is_active=True).order_by("pk")
    for offer in active.prefetch_related("neighbourhoods"):
        linked = [h.pk for h in offer.neighbourhoods.all()]
        for pk in linked:
            offers.setdefault(pk, []).append((offer.pk, offer.kind))
        if not linked:
            everywhere.append((offer.pk, offer.kind))
    return {pk: mine + everywhere for pk, mine in offers.items()}


def _organisation(region, kind, name, rng):
    org, _ = Organisation.objects.get_or_create(
        region=region, name=name, defaults={"kind": kind, "public_id": uuid_from(rng)}
    )
    return org


def _make_offers(region, rng, today):
    welfare = _organisation(region, "welfare", f"Welzijn {region.name}", rng)
    sport = _organisation(region, "sport", f"Sportbedrijf {region.name}", rng)
    gps = {}
    for org in Organisation.objects.filter(region=region, kind="gp_practice").order_by("pk"):
        gps.setdefault(org.neighbourhood_id, org)
    for n, hood in enumerate(Neighbourhood.objects.filter(region=region).order_by("pk")):
        for k, (name, kind, owner) in enumerate(HOOD_OFFERS):
            org = {"welfare": welfare, "sport": sport}.get(owner) or gps.get(hood.pk, welfare)
            offer = _offer(region, org, name.format(n=hood.name), kind, rng, today, n + k)
            offer.neighbourhoods.set([hood])
    for k, (name, kind) in enumerate(REGION_OFFERS):
        _offer(region, welfare, name, kind, rng, today, k)


def _offer(region, org, name, kind, rng, today, k):
    contact = CONTACTS[k % len(CONTACTS)]
    offer = NeighbourhoodOffer(
        region=region,
        organisation=org,
        name=name,
        kind=kind,
        public_id=uuid_from(rng),
        description="Synthetisch aanbod voor proefdata.",
        languages="nl,tr,ar",
        capacity=rng.choice([8, 12, 15, 20]),
        waiting_weeks=rng.randint(0, 6),
        contact_name=contact,
        contact_email=f"{contact.split()[0].lower()}@example.org",
        response_days=5,
        last_confirmed_on=today - dt.timedelta(days=rng.randint(10, 300)),
        last_confirmed_by=USERNAME,
    )
    offer.full_clean()
    offer.save()
    return offer


def region_costs(region, held_days, rng) -> int:
    """Budget lines per year with held sessions, through the finance service (with history).
    Amounts scale with the sessions held that year and are marked synthetic. Returns how many."""
    per_year = Counter(day.year for day in held_days)
    made = 0
    for i, year in enumerate(sorted(per_year)):
        lines = [(*START_UP, 1, BudgetLine.Kind.START_UP)] if i == 0 else []
        lines += [(*line, per_year[year], BudgetLine.Kind.RUNNING) for line in PER_SESSION]
        for party, category, text, (low, high), times, kind in lines:
            amount = Decimal(sum(rng.randint(low, high) for _ in range(min(times, 50))))
            amount = amount * times / min(times, 50)
            line = BudgetLine(
                year=year,
                party=party,
                kind=kind,
                category=category,
                description=f"{text} {SYNTHETIC_MARK}",
                amount=amount.quantize(Decimal("1")),
            )
            finance_record_save(instance=line, region=region, by=BY)
            made += 1
    return made
