"""Demo funding for a region, through the services: grants (one ending soon, amounts invented
and marked "(demo)"), the known fund routes (one with a deadline near), our default
sustainability checklist with some progress, and partner contacts (one without a successor).
Idempotent: skips a region that already has grants.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.finance.funding import fund_route_list, grant_list, sustainability_item_list
from groepsconsult.finance.models import Grant, PartnerContact
from groepsconsult.finance.services import finance_record_save
from groepsconsult.finance.services_funding import (
    fund_routes_seed_defaults,
    sustainability_seed_defaults,
)
from groepsconsult.regions.selectors import neighbourhood_list, organisation_list

# (title, party, funder, domain, amount, spent, days since start, days to end, per neighbourhood)
GRANTS = [
    (
        "Implementatievoucher (demo)",
        "fund",
        "Coalitie Leefstijl in de Zorg",
        "care",
        "25000",
        "19500",
        300,
        45,
        False,
    ),
    (
        "Preventiebudget gemeente (demo)",
        "municipality",
        "",
        "social",
        "40000",
        "12000",
        60,
        400,
        False,
    ),
    ("Buurtsportcoaches (demo)", "municipality", "", "sport", "15000", "4000", 30, 600, True),
]
# (checklist key, status, evidence, owner)
PROGRESS = [
    ("local-design", "done", "Lokaal ontwerp v1 (demo)", "Coördinator"),
    ("minimum-requirements", "done", "Draaiboek groepsconsult (demo)", "Coördinator"),
    ("agreements", "in_progress", "Samenwerkingsafspraken kernteam (concept)", "Coördinator"),
    ("budget", "done", "Begroting op de pagina Budget", "Coördinator"),
    ("structural", "in_progress", "", "Projectleider"),
]
CONTACTS = [
    ("Contactpersoon samenwerking", "M. Jansen (demo)", "S. de Boer (demo)", 200),
    ("Contractmanager", "R. Visser (demo)", "", 20),
]


def seed(*, region, by: Actor):
    if grant_list(region=region).exists():
        return
    today = timezone.localdate()
    _grants(region=region, by=by, today=today)
    fund_routes_seed_defaults(region=region, by=by)
    route = fund_route_list(region=region).get(key="implementatievoucher")
    route.status, route.deadline = "applying", today + dt.timedelta(days=25)
    route.contact = "Coalitie Leefstijl in de Zorg (demo)"
    finance_record_save(instance=route, region=region, by=by)
    sustainability_seed_defaults(region=region, by=by)
    items = {i.key: i for i in sustainability_item_list(region=region)}
    for key, status, evidence, owner in PROGRESS:
        item = items[key]
        item.status, item.evidence, item.owner = status, evidence, owner
        finance_record_save(instance=item, region=region, by=by)
    _contacts(region=region, by=by, today=today)


def _grants(*, region, by, today):
    hood = neighbourhood_list(region=region).first()
    for title, party, funder, domain, amount, spent, since, until, local in GRANTS:
        grant = Grant(
            title=title,
            party=party,
            funder=funder,
            domain=domain,
            amount=Decimal(amount),
            spent=Decimal(spent),
            starts_on=today - dt.timedelta(days=since),
            ends_on=today + dt.timedelta(days=until),
            neighbourhood=hood if local else None,
        )
        finance_record_save(instance=grant, region=region, by=by)


def _contacts(*, region, by, today):
    organisations = list(organisation_list(region=region)[: len(CONTACTS)])
    for organisation, (role, name, successor, days) in zip(organisations, CONTACTS, strict=False):
        contact = PartnerContact(
            organisation=organisation,
            role=role,
            name=name,
            successor=successor,
            review_on=today + dt.timedelta(days=days),
        )
        finance_record_save(instance=contact, region=region, by=by)
