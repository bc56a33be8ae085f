"""Reads of the money pages: budget per party, cost per participant, business case and SROI.

Fixed query counts: one query for the lines (with their rate), one for the assumptions, one
COUNT of participants, whatever the number of lines.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone

from groepsconsult.accounts.permissions import Permission
from groepsconsult.finance.funding import grant_warning_list
from groepsconsult.finance.models import Agreement, Assumption, BudgetLine, FinanceEvent, Party
from groepsconsult.finance.sources import OUTCOMES
from groepsconsult.registrations.selectors import attended_participant_count

REVIEW_WARNING_DAYS = 30  # an agreement shows on the reminders list this long before review


def finance_object_get(*, model, region, public_id):
    """A budget line, assumption or agreement of the region, or 404."""
    return get_object_or_404(model.objects.in_region(region), public_id=public_id)


def budget_line_list(*, region, year=None):
    lines = BudgetLine.objects.in_region(region).select_related("neighbourhood", "rate")
    return lines.filter(year=year) if year else lines


def budget_years(*, region):
    return sorted(
        set(BudgetLine.objects.in_region(region).values_list("year", flat=True)), reverse=True
    )


def assumption_list(*, region):
    return Assumption.objects.in_region(region)


def hourly_rate_list(*, region):
    """The hourly-rate assumptions in-kind hours can be valued with."""
    return Assumption.objects.in_region(region).filter(unit="EUR/h")


def agreement_list(*, region):
    return Agreement.objects.in_region(region)


def agreement_review_due_list(*, region, today=None):
    """Agreements in force or in draft whose review date is near or passed: the reminders."""
    today = today or timezone.localdate()
    return Agreement.objects.in_region(region).filter(
        review_on__lte=today + dt.timedelta(days=REVIEW_WARNING_DAYS),
        status__in=[Agreement.Status.ACTIVE, Agreement.Status.DRAFT],
    )


def finance_dashboard_panel(request):
    """Dashboard panel: agreements due for review and grants ending soon or overspent (two
    queries), for roles that see money."""
    membership = request.membership
    if not membership.has_permission(Permission.FINANCE_VIEW):
        return None
    due = list(agreement_review_due_list(region=membership.region))
    grants = grant_warning_list(region=membership.region)  # deadlines, contacts: on /finance/
    return {"template": "finance/_dashboard_panel.html", "due": due, "grants": grants}


def finance_event_list(*, region, subject):
    return FinanceEvent.objects.filter(region=region, subject_id=subject.public_id)


def line_value(line, scenario="base"):
    """Euros of a line: the amount, or hours x the rate assumption; None when the rate is
    still "to confirm" (no figure for that scenario)."""
    if line.amount is not None:
        return line.amount
    rate = getattr(line.rate, scenario)
    return None if rate is None else (line.hours * rate).quantize(Decimal("0.01"))


@dataclass
class PartyRow:
    party: str
    label: str
    money: Decimal = Decimal(0)
    in_kind: Decimal = Decimal(0)
    in_kind_to_confirm: int = 0
    benefits: Decimal | None = Decimal(0)
    outcomes: list = field(default_factory=list)

    @property
    def inputs(self):
        return self.money + self.in_kind

    @property
    def ratio(self):
        if not self.inputs or self.benefits is None:
            return None
        return (self.benefits / self.inputs).quantize(Decimal("0.01"))


def _factor(assumption, scenario):
    value = getattr(assumption, scenario) if assumption else None
    if value is None and assumption is not None and scenario != "base":
        value = assumption.base  # a one-sided range: the other side is the base
    if value is None:
        return None
    return value / 100 if assumption.unit.startswith("%") else value


def outcome_values(assumptions: dict, participants, overrides=None):
    """[(party, label, euros or None, factor keys)] for one scenario per assumption key."""
    overrides = overrides or {}
    rows = []
    for party, label, keys in OUTCOMES:
        value = Decimal(participants)
        for key in keys:
            factor = _factor(assumptions.get(key), overrides.get(key, "base"))
            value = None if factor is None or value is None else value * factor
        rows.append((party, label, None if value is None else value.quantize(Decimal(1)), keys))
    return rows


def _party_rows(lines, assumptions, participants):
    rows = {p: PartyRow(party=p, label=Party(p).label) for p in Party.values}
    for line in lines:
        value = line_value(line)
        row = rows[line.party]
        if not line.in_kind:
            row.money += value
        elif value is None:
            row.in_kind_to_confirm += 1
        else:
            row.in_kind += value
    for party, label, value, keys in outcome_values(assumptions, participants):
        rows[party].outcomes.append((label, value, keys))
        if value is None:
            rows[party].benefits = None
        elif rows[party].benefits is not None:
            rows[party].benefits += value
    return list(rows.values())


def _total_benefit(assumptions, participants, overrides):
    values = [v for _p, _l, v, _k in outcome_values(assumptions, participants, overrides)]
    return sum(v for v in values if v is not None)


def sensitivity(assumptions: dict, participants):
    """One-way sensitivity: total benefit with each used assumption at low and at high."""
    keys = list(dict.fromkeys(k for _p, _l, keys in OUTCOMES for k in keys))
    base = _total_benefit(assumptions, participants, {})
    rows = [
        {
            "assumption": assumptions.get(key),
            "key": key,
            "low": _total_benefit(assumptions, participants, {key: "low"}),
            "high": _total_benefit(assumptions, participants, {key: "high"}),
        }
        for key in keys
    ]
    return base, rows


def business_case(*, region, year):
    """Per party: what it pays (money, in kind) and what it gets; cost per participant; SROI."""
    lines = list(budget_line_list(region=region, year=year))
    assumptions = {a.key: a for a in assumption_list(region=region)}
    participants = attended_participant_count(region=region, year=year)
    parties = _party_rows(lines, assumptions, participants)
    inputs = sum(row.inputs for row in parties)
    benefits = sum(row.benefits or 0 for row in parties)
    base, rows = sensitivity(assumptions, participants)
    return {
        "year": year,
        "participants": participants,
        "parties": [r for r in parties if r.inputs or r.outcomes or r.in_kind_to_confirm],
        "inputs": inputs,
        "benefits": benefits,
        "sroi": (benefits / inputs).quantize(Decimal("0.01")) if inputs else None,
        "cost_per_participant": (inputs / participants).quantize(Decimal(1))
        if participants
        else None,
        "to_confirm": sum(1 for a in assumptions.values() if a.to_confirm),
        "sensitivity": rows,
        "lines_by_neighbourhood": _by_neighbourhood(lines),
    }


def _by_neighbourhood(lines):
    totals: dict = {}
    for line in lines:
        name = line.neighbourhood.name if line.neighbourhood else ""
        totals[name] = totals.get(name, Decimal(0)) + (line_value(line) or 0)
    return sorted(totals.items())
