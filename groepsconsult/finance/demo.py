"""Demo money for a region, through the services: the sourced assumptions, a year's budget,
two agreements and the costs of the sessions held. Idempotent (skips a region that already has
budget lines).

The euro amounts of the demo budget are made up for the demo and say so in their description;
hours in kind are valued with the sourced rate assumptions (or stay "to confirm").
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.finance import demo_funding
from groepsconsult.finance.models import Agreement, BudgetLine, CostLine
from groepsconsult.finance.selectors import assumption_list, budget_line_list
from groepsconsult.finance.services import assumptions_seed_defaults, finance_record_save
from groepsconsult.regions.models import Neighbourhood

BY = Actor.system("seed_demo")
K, C = BudgetLine.Kind, BudgetLine.Category
# (party, kind, category, description, amount, hours, rate key)
LINES = [
    (
        "fund",
        K.START_UP,
        C.EXPLORATION,
        "Verkennende gesprekken en kernteam (demo)",
        "6000",
        None,
        None,
    ),
    ("municipality", K.RUNNING, C.COORDINATION, "Coördinatie (demo)", "18000", None, None),
    ("insurer", K.RUNNING, C.PROFESSIONALS, "Uren huisarts en POH (demo)", "12000", None, None),
    ("gp_organisation", K.RUNNING, C.SUPPLIES, "Meetmaterialen (demo)", "2500", None, None),
    ("municipality", K.RUNNING, C.LOCATION, "Locatie en catering (demo)", "3000", None, None),
    ("other", K.RUNNING, C.PROFESSIONALS, "Leefstijlcoach in natura", None, "40", "gli_rate"),
    (
        "sport",
        K.RUNNING,
        C.PROFESSIONALS,
        "Buurtsportcoaches in natura",
        None,
        "60",
        "rate_sport_coach",
    ),
]


# Session cost lines: (category, party, in kind, description, amount). Amounts are made up.
SESSION_LINES = [
    ("location", "municipality", True, "Zaal buurthuis in natura (demo)", "120"),
    ("catering", "municipality", False, "Koffie, thee en fruit (demo)", "75"),
    ("supplies", "gp_organisation", False, "Teststrips en lancetten (demo)", "90"),
    ("experience_experts", "fund", False, "Vergoeding ervaringsdeskundige (demo)", "50"),
]
# Figures the sources do not give, filled for the demo only; they stay tagged "to confirm".
DEMO_FIGURES = {
    "prep_hours": ("0.5", "(demo) agree with the team"),
    "attribution_t2d": ("50", "(demo) agree with the GLI providers"),
}


def seed(*, region, rng):
    assumptions_seed_defaults(region=region, by=BY)
    demo_funding.seed(region=region, by=BY)  # grants, fund routes, checklist, contacts
    year = timezone.localdate().year
    if budget_line_list(region=region, year=year).exists():
        return
    rates = {a.key: a for a in assumption_list(region=region)}
    _demo_figures(rates)
    _session_costs(region)
    hood = Neighbourhood.objects.in_region(region).first()
    for i, (party, kind, category, text, amount, hours, rate) in enumerate(LINES):
        line = BudgetLine(
            year=year,
            neighbourhood=hood if i % 2 else None,
            party=party,
            kind=kind,
            category=category,
            description=text,
            amount=Decimal(amount) if amount else None,
            hours=Decimal(hours) if hours else None,
            rate=rates.get(rate),
        )
        finance_record_save(instance=line, region=region, by=BY)
    today = timezone.localdate()
    for title, partners, days, status in [
        (
            "Samenwerkingsafspraken kernteam",
            "Gemeente, zorgverzekeraar, huisartsenorganisatie",
            20,
            "active",
        ),
        ("Inzet buurtsportcoaches", "Gemeente, sportbedrijf", 200, "active"),
    ]:
        agreement = Agreement(
            title=title,
            partners=partners,
            owner="Coördinator",
            review_on=today + dt.timedelta(days=days),
            status=status,
        )
        finance_record_save(instance=agreement, region=region, by=BY)


def _demo_figures(assumptions):
    for key, (base, source) in DEMO_FIGURES.items():
        item = assumptions.get(key)
        if item is not None and item.base is None:
            item.base, item.source = Decimal(base), source
            finance_record_save(instance=item, region=item.region, by=BY)


def _session_costs(region):
    """Cost lines for the sessions held in the last year (the roster hours come by themselves)."""
    now = timezone.now()
    held = Consultation.objects.in_region(region).filter(
        starts_at__lt=now, starts_at__gte=now - dt.timedelta(days=365)
    )
    for session in held.exclude(status=Consultation.Status.CANCELLED):
        for category, party, in_kind, text, amount in SESSION_LINES:
            line = CostLine(
                consultation=session,
                category=category,
                party=party,
                in_kind=in_kind,
                description=text,
                amount=Decimal(amount),
            )
            finance_record_save(instance=line, region=region, by=BY)
