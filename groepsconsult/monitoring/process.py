"""Process indicators: hand-overs, follow-up calls, return session, drop-out and attendance.

Each indicator is one GROUP BY or aggregate query (never a loop over people) and leaves
through `suppression`: counts below k read "<10", with complementary suppression against the
totals shown beside them. The per-person indicators count the pre-aggregated trajectories
(`fact_queryset`), so they honour the same filters and the anonymous-monitoring refusal as
the outcomes; `person_indicator_counts` is shared with the equity view.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.consultations.models import Consultation
from groepsconsult.handovers.models import Handover
from groepsconsult.monitoring import panels_read, rollup_read
from groepsconsult.monitoring.aggregates import (
    RETURN_DUE_DAYS,
    Filters,
    fact_queryset,
    in_regions,
    not_refused,
    session_fact_queryset,
)
from groepsconsult.monitoring.memo import per_request
from groepsconsult.monitoring.models import HandoverFact
from groepsconsult.monitoring.suppression import Cell, suppress_count, suppress_grid, threshold
from groepsconsult.participants.models import ParticipantBackground
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.models import Trajectory

S = Trajectory.Status
DOMAINS = {"medical": _("Medical domain"), "social": _("Social domain")}
NOT_STARTED = (S.INVITED, S.REGISTERED)
RETURNED = (S.RETURNED, S.COMPLETED)


@dataclass(frozen=True)
class Share:
    """`part` of `whole` as a percentage, only when both counts are shown."""

    part: Cell
    whole: Cell

    @property
    def percent(self):
        if self.part.suppressed or self.whole.suppressed or not self.whole.value:
            return None
        return round(100 * self.part.value / self.whole.value)


def _person_indicators():
    """{indicator: (label, Count)} over trajectories, each a count of people."""
    today = timezone.localdate()
    return_due = timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS)
    started = ~Q(status__in=NOT_STARTED)
    call_due = started & Q(follow_up_call_due__lte=today)
    due_back = started & (Q(baseline_at__lte=return_due) | Q(status__in=RETURNED))
    health = ParticipantBackground.SelfRatedHealth
    good = (health.VERY_GOOD, health.GOOD)
    answered = [c for c in health.values if c != health.DECLINED]
    return {
        "attended": (_("Attended the first session"), Count("pk", filter=started)),
        "call_due": (_("Follow-up call due"), Count("pk", filter=call_due)),
        "call_reached": (
            _("Reached by phone"),
            Count("pk", filter=call_due & Q(call_reached=True)),
        ),
        "return_due": (_("Return session due"), Count("pk", filter=due_back)),
        "returned": (_("Came back after six months"), Count("pk", filter=Q(status__in=RETURNED))),
        "dropped_out": (
            _("Stopped or lost"),
            Count("pk", filter=Q(status__in=(S.STOPPED, S.LOST))),
        ),
        "handover_taken_up": (
            _("Started an offer after a hand-over"),
            Count("pk", filter=Q(handover_taken_up=True)),
        ),
        "health_answered": (
            _("Answered the self-rated health question"),
            Count("pk", filter=Q(self_rated_health__in=answered)),
        ),
        "health_good": (
            _("Rates own health good or very good"),
            Count("pk", filter=Q(self_rated_health__in=good)),
        ),
    }


PERSON_SHARES = {
    "call_reached": "call_due",
    "returned": "return_due",
    "dropped_out": "attended",
    "handover_taken_up": "attended",
    "health_good": "health_answered",
}


def person_indicator_queryset(*, region, filters: Filters):
    """The counted facts in scope: whether the follow-up call reached them and whether they
    started an offer after a hand-over are columns of the fact (see `facts.py`)."""
    return fact_queryset(region=region, filters=filters)


def person_indicator_labels():
    return {key: label for key, (label, _count) in _person_indicators().items()}


def person_indicator_counts():
    return {key: count for key, (_label, count) in _person_indicators().items()}


def person_totals(*, region, filters: Filters):
    """{indicator: n} for everyone in scope: one aggregate query (over the rollup when nothing
    is filtered; several regions: their `person_totals_by_region`, kept per request, added)."""
    if isinstance(region, list | tuple):
        found = list(person_totals_by_region(regions=region, filters=filters).values())
        return {key: sum(totals[key] for totals in found) for key in found[0]}  # same order
    if filters == Filters():
        return rollup_read.person_totals(
            region=region,
            today=timezone.localdate(),
            return_due=timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS),
        )
    return person_totals_from_facts(region=region, filters=filters)


def person_totals_from_facts(*, region, filters: Filters):
    queryset = person_indicator_queryset(region=region, filters=filters)
    return queryset.aggregate(**person_indicator_counts())


@per_request
def person_totals_by_region(*, regions, filters: Filters):
    """{region id: {indicator: n}} as `person_totals` for each region: one GROUP BY query."""
    if filters == Filters():
        return rollup_read.person_totals_by_region(
            regions=regions,
            today=timezone.localdate(),
            return_due=timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS),
        )
    counts = person_indicator_counts()
    rows = (
        person_indicator_queryset(region=regions, filters=filters)
        .values("region_id")
        .annotate(**counts)
        .order_by()
    )
    found = {row.pop("region_id"): row for row in rows}
    return {region.pk: found.get(region.pk, dict.fromkeys(counts, 0)) for region in regions}


# ---- hand-overs by state and domain ------------------------------------------------------


def handovers_by_state(*, region, filters: Filters):
    """Suppressed {state label: {domain: Cell}}, row and column totals: one GROUP BY query.

    A cell counts PEOPLE with at least one hand-over in that state and domain (not hand-over
    rows); the totals add the cells up. All filters apply to the person's trajectory, as for
    the other per-person indicators."""
    grid = {status: dict.fromkeys(DOMAINS, 0) for status in Handover.Status.values}
    for r in handover_rows(region=region, filters=filters):
        grid[r["status"]][r["domain"]] = r["n"]
    cells, row_totals, col_totals, grand = suppress_grid(grid)
    labels = dict(Handover.Status.choices)
    return {
        "rows": [(labels[s], cells[s], row_totals[s]) for s in grid],
        "columns": list(DOMAINS.values()),
        "totals": [col_totals[d] for d in DOMAINS],
        "grand": grand,
    }


def handover_rows(*, region, filters: Filters):
    """[{status, domain, n}]: from the pre-aggregate when nothing is filtered, else one GROUP
    BY over the filtered facts' hand-over cells (and the reference the pre-aggregate is
    tested against)."""
    if filters == Filters():
        return panels_read.handover_rows(region=region)
    return handover_rows_from_facts(region=region, filters=filters)


def handover_rows_from_facts(*, region, filters: Filters):
    people = fact_queryset(region=region, filters=filters)
    return (
        HandoverFact.objects.filter(fact__in=people)
        .values("status", "domain")
        .annotate(n=Count("fact__participant", distinct=True))
        .order_by()
    )


def dropout_rows(*, region, filters: Filters):
    """[{status, reason, n}] of the stopped and lost: as `handover_rows`."""
    if filters == Filters():
        return panels_read.dropout_rows(region=region)
    return dropout_rows_from_facts(region=region, filters=filters)


def dropout_rows_from_facts(*, region, filters: Filters):
    return (
        fact_queryset(region=region, filters=filters)
        .filter(status__in=(S.STOPPED, S.LOST))
        .values("status", reason=F("stop_reason"))
        .annotate(n=Count("pk"))
        .order_by()
    )


# ---- drop-out reasons --------------------------------------------------------------------


def dropout_reasons(*, region, filters: Filters):
    """Suppressed [(reason, {stopped, lost}: Cell)]: one GROUP BY query on the stated reason.

    A reason is free text: it is only named when at least k people gave it (otherwise its
    words could be one person's); the rest is counted together as "other reasons"."""
    k = threshold()
    per_reason: dict = {}
    for r in dropout_rows(region=region, filters=filters):
        counts = per_reason.setdefault(r["reason"], {S.STOPPED: 0, S.LOST: 0})
        counts[r["status"]] += r["n"]
    other = str(_("Other reasons"))
    grid = {other: {S.STOPPED: 0, S.LOST: 0}}
    for reason, counts in per_reason.items():
        if sum(counts.values()) >= k and reason:
            grid[reason.capitalize()] = counts
        else:
            for status, n in counts.items():
                grid[other][status] += n
    cells, row_totals, col_totals, grand = suppress_grid(grid)
    named = sorted((r for r in grid if r != other), key=lambda r: -sum(grid[r].values()))
    return {
        "rows": [(r, cells[r][S.STOPPED], cells[r][S.LOST], row_totals[r]) for r in named]
        + [(other, cells[other][S.STOPPED], cells[other][S.LOST], row_totals[other])],
        "totals": (col_totals[S.STOPPED], col_totals[S.LOST], grand),
    }


# ---- attendance per session kind ----------------------------------------------------------


def _attendance_rows(*, region, filters: Filters):
    """[{kind, registered, present}] over the session facts, or the registrations when a person
    filter is set: one GROUP BY query."""
    facts = session_fact_queryset(region=region, filters=filters)
    if facts is not None:
        return (
            facts.filter(starts_at__lte=timezone.now(), cancelled=False)
            .values("kind")
            .annotate(registered=Sum("registered"), present=Sum("present"))
            .order_by()
        )
    return attendance_rows_from_registrations(region=region, filters=filters)


def attendance_rows_from_registrations(*, region, filters: Filters):
    """As `_attendance_rows`, over every registration (for the person filters; and the
    reference the session facts are tested against)."""
    rows = Registration.objects.filter(
        not_refused("participant"),
        filters.participant_q("participant__", "consultation"),
        in_regions("consultation__region", region),
        status=Registration.Status.REGISTERED,
        consultation__starts_at__lte=timezone.now(),
    ).exclude(consultation__status=Consultation.Status.CANCELLED)
    return rows.values(kind=F("consultation__kind")).annotate(
        registered=Count("pk"),
        present=Count("pk", filter=Q(attendance=Registration.Attendance.PRESENT)),
    )


def attendance_by_kind(*, region, filters: Filters):
    """Registered and present per kind of session that has taken place: one GROUP BY query."""
    grid = {kind: {"registered": 0, "present": 0} for kind in Consultation.Kind.values}
    for r in _attendance_rows(region=region, filters=filters):
        grid[r["kind"]] = {"registered": r["registered"], "present": r["present"]}
    cells, _rows, totals, _grand = suppress_grid(grid, rows_add_up=False)
    labels = dict(Consultation.Kind.choices)
    return [
        (labels[kind], Share(cells[kind]["present"], cells[kind]["registered"])) for kind in grid
    ] + [(_("All sessions"), Share(totals["present"], totals["registered"]))]


def process_context(*, region, filters: Filters):
    totals = person_totals(region=region, filters=filters)
    shown = {key: suppress_count(n) for key, n in totals.items()}
    labels = person_indicator_labels()
    return {
        "people": [
            (labels[key], shown[key], Share(shown[key], shown[PERSON_SHARES[key]]))
            if key in PERSON_SHARES
            else (labels[key], shown[key], None)
            for key in labels
        ],
        "handovers": handovers_by_state(region=region, filters=filters),
        "dropout": dropout_reasons(region=region, filters=filters),
        "attendance": attendance_by_kind(region=region, filters=filters),
    }
