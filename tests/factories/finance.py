"""Factories for the money pages: the sourced assumptions, a budget line, an agreement."""

import datetime as dt
from decimal import Decimal

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.finance.models import (
    Agreement,
    BudgetLine,
    CostLine,
    FundRoute,
    Grant,
    PartnerContact,
    SustainabilityItem,
)
from groepsconsult.finance.services import assumptions_seed_defaults
from tests.factories.backbone import make_organisation

BY = Actor.system("test")


def seed_assumptions(region):
    assumptions_seed_defaults(region=region, by=BY)


def make_budget_line(region, **kw):
    defaults = {
        "year": dt.date.today().year,
        "party": "municipality",
        "kind": "running",
        "category": "coordination",
        "description": "Coördinatie",
        "amount": Decimal("1000"),
    }
    return BudgetLine.objects.create(region=region, **{**defaults, **kw})


def make_agreement(region, **kw):
    defaults = {
        "title": "Afspraken kernteam",
        "partners": "Gemeente, verzekeraar",
        "owner": "Coördinator",
        "review_on": dt.date.today() + dt.timedelta(days=10),
        "status": "active",
    }
    return Agreement.objects.create(region=region, **{**defaults, **kw})


def make_region_objects(region):
    """One budget line, assumption and agreement in `region`, for the URL walk."""
    seed_assumptions(region)
    make_budget_line(region)
    make_agreement(region)
    session = Consultation.objects.filter(region=region).first()
    if session is not None:  # a cost line for the session cost pages
        CostLine.objects.create(
            region=region,
            consultation=session,
            category="location",
            party="municipality",
            description="Zaalhuur",
            amount=Decimal("100"),
        )
    make_grant(region)
    make_fund_route(region)
    make_checklist_item(region)
    make_partner_contact(region)


def make_grant(region, **kw):
    today = dt.date.today()
    defaults = {
        "title": "Implementatievoucher",
        "party": "fund",
        "funder": "Coalitie Leefstijl in de Zorg",
        "domain": "care",
        "amount": Decimal("25000"),
        "spent": Decimal("5000"),
        "starts_on": today - dt.timedelta(days=200),
        "ends_on": today + dt.timedelta(days=400),
    }
    return Grant.objects.create(region=region, **{**defaults, **kw})


def make_fund_route(region, **kw):
    defaults = {"name": "Fonds 1818", "kind": "foundation", "status": "to_explore"}
    return FundRoute.objects.create(region=region, **{**defaults, **kw})


def make_checklist_item(region, **kw):
    defaults = {"group": "finance", "question": "Is er een begroting?", "status": "not_started"}
    return SustainabilityItem.objects.create(region=region, **{**defaults, **kw})


def make_partner_contact(region, **kw):
    defaults = {
        "organisation": kw.pop("organisation", None) or make_organisation(region),
        "role": "Contractmanager",
        "name": "J. de Vries",
        "successor": "A. Bakker",
        "review_on": dt.date.today() + dt.timedelta(days=300),
    }
    return PartnerContact.objects.create(region=region, **{**defaults, **kw})
