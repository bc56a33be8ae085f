"""Reads of the funding pages: grants, fund register, sustainability checklist, partner contacts,
and the warnings shown on the overview and the home dashboard.

Each list is one query (plus a capped COUNT when paginated); the warnings are one query per kind,
whatever the number of rows. Nothing here is personal data.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, Value, When
from django.utils import timezone

from groepsconsult.finance.models import FundRoute, Grant, PartnerContact, SustainabilityItem

CONTACT_REVIEW_WARNING_DAYS = 30  # like agreements: a contact is reviewed this long ahead
MAX_WARN_MONTHS = 24  # Grant.warn_months is at most this (model validator)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clipped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


# Grants


def grant_state(grant, today):
    """ "ended", "ending" (within its warning months of the end), "running" or "not_started"."""
    if grant.ends_on < today:
        return "ended"
    if add_months(grant.ends_on, -grant.warn_months) <= today:
        return "ending"
    return "not_started" if grant.starts_on > today else "running"


def grant_list(*, region, domain=None, current=None, today=None):
    """The region's grants; `current` True keeps those not ended, False the ended ones."""
    today = today or timezone.localdate()
    grants = Grant.objects.in_region(region).select_related("neighbourhood")
    if domain:
        grants = grants.filter(domain=domain)
    if current is not None:
        grants = grants.filter(ends_on__gte=today) if current else grants.filter(ends_on__lt=today)
    return grants


def grant_warning_list(*, region, today=None):
    """[(grant, ending, overspent)] of grants not ended that end soon or are overspent."""
    today = today or timezone.localdate()
    horizon = add_months(today, MAX_WARN_MONTHS)
    candidates = Grant.objects.in_region(region).filter(
        Q(ends_on__lte=horizon) | Q(spent__gt=F("amount")), ends_on__gte=today
    )
    rows = []
    for grant in candidates:
        ending = grant_state(grant, today) == "ending"
        if ending or grant.overspent:
            rows.append((grant, ending, grant.overspent))
    return rows


# Fund register


def fund_route_list(*, region, status=None, kind=None):
    routes = FundRoute.objects.in_region(region)
    if status:
        routes = routes.filter(status=status)
    if kind:
        routes = routes.filter(kind=kind)
    return routes


def route_deadline_state(route, today):
    """ "due" (open, deadline within its warning weeks), "passed" (open, deadline gone) or ""."""
    if not route.is_open or route.deadline is None:
        return ""
    if route.deadline < today:
        return "passed"
    due_from = route.deadline - dt.timedelta(weeks=route.warn_weeks)
    return "due" if due_from <= today else ""


def fund_route_due_list(*, region, today=None):
    """Routes still to explore or being applied for whose deadline is near (not passed)."""
    today = today or timezone.localdate()
    candidates = FundRoute.objects.in_region(region).filter(
        status__in=[FundRoute.Status.TO_EXPLORE, FundRoute.Status.APPLYING],
        deadline__gte=today,
        deadline__lte=today + dt.timedelta(weeks=52),
    )
    return [r for r in candidates if route_deadline_state(r, today) == "due"]


# Sustainability checklist


def sustainability_item_list(*, region, group=None):
    """Items in the groups' own order (content, organisation, finance), then by position."""
    groups = SustainabilityItem.Group.values
    rank = Case(*(When(group=g, then=Value(i)) for i, g in enumerate(groups)))
    items = SustainabilityItem.objects.in_region(region).order_by(rank, "position", "id")
    return items.filter(group=group) if group else items


@dataclass
class GroupProgress:
    group: str
    label: str
    done: int
    applicable: int

    @property
    def percent(self):
        return round(100 * self.done / self.applicable) if self.applicable else None


def sustainability_progress(*, region):
    """Per group: items done out of the applicable ones (not-applicable items left out)."""
    S = SustainabilityItem.Status
    counts = {
        row["group"]: row
        for row in SustainabilityItem.objects.in_region(region)
        .values("group")
        .annotate(
            done=Count("id", filter=Q(status=S.DONE)),
            applicable=Count("id", filter=~Q(status=S.NOT_APPLICABLE)),
        )
        .order_by()
    }
    return [
        GroupProgress(
            group=value,
            label=label,
            done=counts.get(value, {}).get("done", 0),
            applicable=counts.get(value, {}).get("applicable", 0),
        )
        for value, label in SustainabilityItem.Group.choices
    ]


# Partner contacts


def partner_contact_list(*, region, organisation=None):
    contacts = PartnerContact.objects.in_region(region).select_related("organisation")
    return contacts.filter(organisation__public_id=organisation) if organisation else contacts


def contact_review_due(contact, today):
    return contact.review_on <= today + dt.timedelta(days=CONTACT_REVIEW_WARNING_DAYS)


def partner_contact_warning_list(*, region, today=None):
    """Contacts without a successor or whose review date is near or passed."""
    today = today or timezone.localdate()
    due = today + dt.timedelta(days=CONTACT_REVIEW_WARNING_DAYS)
    return list(partner_contact_list(region=region).filter(Q(successor="") | Q(review_on__lte=due)))


def funding_warnings(*, region, today=None):
    """Everything that needs attention, for the overview block and the dashboard panel."""
    today = today or timezone.localdate()
    grants = grant_warning_list(region=region, today=today)
    routes = fund_route_due_list(region=region, today=today)
    contacts = partner_contact_warning_list(region=region, today=today)
    return {
        "grants": grants,
        "routes": routes,
        "contacts": contacts,
        "today": today,
        "contact_due_by": today + dt.timedelta(days=CONTACT_REVIEW_WARNING_DAYS),
        "count": len(grants) + len(routes) + len(contacts),
    }
