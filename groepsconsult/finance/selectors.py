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
from groepsconsult.consultations.selectors import consultation_list_for_region
from groepsconsult.finance import sroi
from groepsconsult.finance.costs import region_costs, session_costs
from groepsconsult.finance.funding import grant_warning_list
from groepsconsult.finance.models import (
    Agreement,
    Assumption,
    BudgetLine,
    FinanceEvent,
    Party,
    SessionPreparation,
)
from groepsconsult.registrations.selectors import attended_participant_count
from groepsconsult.trajectories.selectors import trajectory_completed_count

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


def session_preparation_get(*, consultation):
    """The session's own preparation hours, or None (the region's assumption applies)."""
    return SessionPreparation.objects.filter(consultation=consultation).first()


def finance_event_list(*, region, subject):
    return FinanceEvent.objects.filter(region=region, subject_id=subject.public_id)


def line_value(line, scenario="base"):
    """Euros of a budget line (MoneyOrHours.value); None when the rate is still to confirm."""
    return line.value(scenario)


@dataclass
class PartyRow:
    party: str
    label: str
    money: Decimal = Decimal(0)
    in_kind: Decimal = Decimal(0)
    in_kind_to_confirm: int = 0
    benefits: Decimal | None = None  # present value it gets; None = to confirm or nothing
    outcomes: list = field(default_factory=list)

    @property
    def inputs(self):
        return self.money + self.in_kind

    @property
    def ratio(self):
        return sroi.ratio(self.benefits, self.inputs)


def _party_rows(lines, assumptions, values):
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
    for row in rows.values():
        row.outcomes, row.benefits = sroi.party_benefits(values, assumptions, row.party)
    return list(rows.values())


def business_case(*, region, year):
    """Per party: what it pays (money, in kind) and the present value of what it gets; the
    SROI with its sensitivity and break-even; actual costs per participant and trajectory."""
    lines = list(budget_line_list(region=region, year=year))
    assumptions = {a.key: a for a in assumption_list(region=region)}
    participants = attended_participant_count(region=region, year=year)
    values = sroi.outcome_values(assumptions, participants)
    parties = _party_rows(lines, assumptions, values)
    inputs = sum(row.inputs for row in parties)
    valued = [v.pv for v in values if v.pv is not None]
    benefits = sum(valued, Decimal(0)) if valued else None  # nothing valued: to confirm
    rows, cases = sroi.sensitivity(assumptions, participants, inputs)
    return {
        "year": year,
        "participants": participants,
        "parties": [r for r in parties if r.inputs or r.outcomes or r.in_kind_to_confirm],
        "inputs": inputs,
        "outcomes": values,
        "benefits": benefits,
        "sroi": sroi.ratio(benefits, inputs),
        "cost_per_participant": (inputs / participants).quantize(Decimal(1))
        if participants
        else None,
        "to_confirm": sroi.to_confirm_count(assumptions),
        "horizon": assumptions.get("horizon_years"),
        "discount": assumptions.get("discount"),
        "sensitivity": rows,
        "cases": cases,
        "break_even": sroi.break_even(values, assumptions, inputs),
        "lines_by_neighbourhood": _by_neighbourhood(lines),
        "costs": region_cost_summary(
            region=region, year=year, assumptions=assumptions, participants=participants
        ),
    }


def _by_neighbourhood(lines):
    totals: dict = {}
    for line in lines:
        name = line.neighbourhood.name if line.neighbourhood else ""
        totals[name] = totals.get(name, Decimal(0)) + (line_value(line) or 0)
    return sorted(totals.items())


def consultation_cost_list(*, region, year, neighbourhood=None):
    """The region's sessions of `year` (optionally one neighbourhood), latest first."""
    sessions = consultation_list_for_region(
        region=region, neighbourhood=neighbourhood.public_id if neighbourhood else None
    )
    return sessions.filter(starts_at__year=year).order_by("-starts_at")


def region_cost_summary(*, region, year, neighbourhood=None, assumptions=None, participants=None):
    """Actual costs of the year's sessions by category and party, per participant and per
    completed trajectory (a fixed number of queries)."""
    if assumptions is None:
        assumptions = {a.key: a for a in assumption_list(region=region)}
    if participants is None:
        participants = attended_participant_count(
            region=region, year=year, neighbourhood=neighbourhood
        )
    sessions = list(consultation_cost_list(region=region, year=year, neighbourhood=neighbourhood))
    costs = session_costs(consultations=sessions, assumptions=assumptions)
    completed = trajectory_completed_count(region=region, year=year, neighbourhood=neighbourhood)
    return region_costs(
        sessions=list(costs.values()), participants=participants, completed=completed
    )
