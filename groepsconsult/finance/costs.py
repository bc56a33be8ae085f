"""Actual costs per session: the roster's hours by discipline x the discipline's rate, plus the
entered cost lines; region totals by category and party, per participant and per trajectory.

Hours per professional = the session's duration + preparation (the session's own figure, else
the region's `prep_hours` assumption). A part without a figure (a rate or the preparation still
to confirm) is counted in `to_confirm` and left out of the totals, never summed as zero.
Query counts are fixed: sessions, roster rows, cost lines and preparations, one query each.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.consultations.selectors import roster_disciplines_for_sessions
from groepsconsult.finance.models import CostCategory, CostLine, Party, SessionPreparation
from groepsconsult.finance.sources import DISCIPLINE_RATES
from groepsconsult.regions.models import Professional

CENT = Decimal("0.01")
# Who carries a professional's hours, by the kind of their organisation (in kind); the rest is
# "other partner". Welfare and the GGD are municipal in the seeds' regions (docs/finance.md).
ORGANISATION_PARTY = {
    "gp_practice": Party.GP_ORGANISATION,
    "gp_organisation": Party.GP_ORGANISATION,
    "municipality": Party.MUNICIPALITY,
    "health_service": Party.MUNICIPALITY,
    "welfare": Party.MUNICIPALITY,
    "sport": Party.SPORT,
    "insurer": Party.INSURER,
}
# A session with a cost line of this category pays that role by the line: its roster hours
# are not valued a second time.
COVERED_BY_LINE = {
    "experience_expert": CostCategory.EXPERIENCE_EXPERTS,
    "coordinator": CostCategory.COORDINATION,
}
DISCIPLINE_LABELS = dict(Professional.Discipline.choices)


@dataclass
class DisciplineRow:
    discipline: str
    party: str
    people: int = 0
    hours: Decimal | None = Decimal(0)
    rate: object = None  # the Assumption
    value: Decimal | None = None
    covered: bool = False  # paid through a cost line instead

    @property
    def label(self):
        return DISCIPLINE_LABELS.get(self.discipline, self.discipline)

    @property
    def party_label(self):
        return Party(self.party).label


@dataclass
class SessionCost:
    consultation: Consultation
    prep_hours: Decimal | None
    prep_own: bool  # the session's own preparation figure, not the region's assumption
    professionals: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # (CostLine, euros or None)
    total: Decimal = Decimal(0)
    to_confirm: int = 0
    by_category: dict = field(default_factory=lambda: defaultdict(Decimal))
    by_party: dict = field(default_factory=dict)  # party -> {"money": .., "in_kind": ..}

    def add(self, *, category, party, in_kind, value):
        if value is None:
            self.to_confirm += 1
            return
        self.total += value
        self.by_category[category] += value
        pocket = self.by_party.setdefault(party, {"money": Decimal(0), "in_kind": Decimal(0)})
        pocket["in_kind" if in_kind else "money"] += value


def _counts_roster(consultation, now):
    """Roster hours count for sessions that took place: started and not cancelled."""
    return consultation.status != Consultation.Status.CANCELLED and consultation.starts_at <= now


def _professional_rows(session, roster, assumptions, now):
    covered = {line.category for line, _value in session.lines}
    people = {}
    for professional_id, discipline, organisation_kind in roster:
        people[professional_id] = (discipline, ORGANISATION_PARTY.get(organisation_kind, "other"))
    rows: dict = {}
    for discipline, party in people.values():
        row = rows.setdefault(
            (discipline, party),
            DisciplineRow(
                discipline, party, rate=assumptions.get(DISCIPLINE_RATES.get(discipline, ""))
            ),
        )
        row.people += 1
        row.covered = COVERED_BY_LINE.get(discipline) in covered
    consultation = session.consultation
    for row in rows.values():
        prep = session.prep_hours
        row.hours = None if prep is None else (consultation.duration_minutes / Decimal(60) + prep)
        rate = row.rate.base if row.rate is not None else None
        if row.hours is not None and rate is not None:
            row.value = (row.people * row.hours * rate).quantize(CENT)
        if not row.covered and _counts_roster(consultation, now):
            session.add(
                category=CostCategory.PROFESSIONALS, party=row.party, in_kind=True, value=row.value
            )
    return sorted(rows.values(), key=lambda r: (str(r.label), r.party))


def session_costs(*, consultations, assumptions, now=None):
    """{consultation id: SessionCost} for these sessions (three queries, whatever their size)."""
    now = now or timezone.now()
    ids = [c.pk for c in consultations]
    roster = defaultdict(list)
    for consultation_id, *rest in roster_disciplines_for_sessions(consultation_ids=ids):
        roster[consultation_id].append(rest)
    lines = defaultdict(list)
    for line in CostLine.objects.filter(consultation_id__in=ids).select_related("rate"):
        lines[line.consultation_id].append(line)
    own = dict(
        SessionPreparation.objects.filter(consultation_id__in=ids).values_list(
            "consultation_id", "hours"
        )
    )
    region_prep = assumptions.get("prep_hours")
    default_prep = region_prep.base if region_prep is not None else None
    result = {}
    for consultation in consultations:
        session = SessionCost(
            consultation,
            prep_hours=own.get(consultation.pk, default_prep),
            prep_own=consultation.pk in own,
        )
        for line in lines[consultation.pk]:
            value = line.value()
            session.lines.append((line, value))
            session.add(category=line.category, party=line.party, in_kind=line.in_kind, value=value)
        session.professionals = _professional_rows(
            session, roster[consultation.pk], assumptions, now
        )
        result[consultation.pk] = session
    return result


@dataclass
class RegionCosts:
    sessions: int = 0
    total: Decimal = Decimal(0)
    to_confirm: int = 0
    by_category: dict = field(default_factory=lambda: defaultdict(Decimal))
    by_party: dict = field(default_factory=dict)
    participants: int = 0
    completed: int = 0

    @property
    def per_participant(self):
        return (self.total / self.participants).quantize(Decimal(1)) if self.participants else None

    @property
    def per_completed(self):
        return (self.total / self.completed).quantize(Decimal(1)) if self.completed else None

    @property
    def categories(self):
        labels = dict(CostCategory.choices)
        return [(labels[key], value) for key, value in sorted(self.by_category.items())]

    @property
    def parties(self):
        return [(Party(p).label, pocket) for p, pocket in sorted(self.by_party.items())]


def region_costs(*, sessions, participants, completed):
    """Sum of the sessions' costs by category and party, with the denominators given."""
    totals = RegionCosts(sessions=len(sessions), participants=participants, completed=completed)
    for session in sessions:
        totals.total += session.total
        totals.to_confirm += session.to_confirm
        for category, value in session.by_category.items():
            totals.by_category[category] += value
        for party, pocket in session.by_party.items():
            mine = totals.by_party.setdefault(party, {"money": Decimal(0), "in_kind": Decimal(0)})
            mine["money"] += pocket["money"]
            mine["in_kind"] += pocket["in_kind"]
    return totals
