"""Reads of consultations, always scoped to one region (the public list is the one exception).

Consultations hold no personal data, so reading them writes no access-log row; the registrations
of a session are personal data and are read through their own selectors (registrations app).
Readiness facts are annotated with one correlated COUNT per requirement, so a list of any length
costs the same number of queries.
"""

import datetime as dt
import functools

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format

from groepsconsult.accounts.permissions import Permission
from groepsconsult.consultations.models import (
    Consultation,
    RosterAssignment,
    RosterStation,
    RunSheetBlock,
)
from groepsconsult.consultations.readiness import (
    DOMAINS,
    MIN_PARTICIPANTS,
    facts_from_annotations,
    readiness_check,
)
from groepsconsult.regions.models import Professional

OPEN_STATUSES = (Consultation.Status.DRAFT, Consultation.Status.OPEN, Consultation.Status.FULL)
PANEL_LIMIT = 8  # not-ready sessions on the dashboard; the list page has the rest


def _count(queryset):
    """A correlated COUNT over rows pointing at the outer consultation; 0 when there are none."""
    counted = (
        queryset.filter(consultation=OuterRef("pk"))
        .order_by()
        .values("consultation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_readiness_facts(queryset):
    """Annotate what `readiness.facts_from_annotations` needs (and the registered count)."""
    assignments = RosterAssignment.objects.all()
    # Registration is owned by `registrations`, which imports this app; reach its model through
    # the reverse relation so the apps stay acyclic (ADR 0006).
    registration = Consultation._meta.get_field("registrations").related_model
    domains = {
        f"{domain}_count": _count(assignments.filter(professional__discipline__in=disciplines))
        for domain, disciplines in Professional.DOMAINS.items()
    }
    return queryset.annotate(
        registered_count=_count(registration.objects.filter(status=registration.Status.REGISTERED)),
        big_lead_count=_count(
            assignments.filter(role=RosterAssignment.Role.LEAD).exclude(professional__big_number="")
        ),
        expert_count=_count(
            assignments.filter(
                Q(role=RosterAssignment.Role.EXPERIENCE_EXPERT)
                | Q(professional__discipline=Professional.Discipline.EXPERIENCE_EXPERT)
            )
        ),
        coordinator_count=_count(assignments.filter(role=RosterAssignment.Role.COORDINATOR)),
        **domains,
    )


@functools.cache
def _annotated_consultations():
    """Built once per process and cloned per call (as a class-based view clones its
    `queryset`): building the nine correlated counts cost 3-4 ms of Python per request, more
    than the database takes to answer them. Never evaluated itself."""
    return with_readiness_facts(Consultation.objects.select_related("neighbourhood", "location"))


def consultation_queryset(*, region):
    return _annotated_consultations().in_region(region)


@functools.cache
def _plain_consultations():
    return Consultation.objects.select_related("neighbourhood", "location")


def consultation_get_for_user(*, membership, public_id, readiness=True):
    """THE way to fetch one session: of the membership's region, or 404 (ADR 0006).

    Annotated with `registered_count` and the readiness facts, with its neighbourhood and
    location; every app (station, tables, door, booklets) uses this one.
    `readiness=False` leaves the nine counts out, for pages about the session's people that
    show neither (booklets, progress grid, plenary): Django compiling those subqueries was
    2-3 ms of such a page, more than everything else it asks the database.
    """
    if readiness:
        sessions = consultation_queryset(region=membership.region)
    else:
        sessions = _plain_consultations().in_region(membership.region)
    return get_object_or_404(sessions, public_id=public_id)


def consultation_recent_list(*, region, limit=60):
    """Sessions of the region for the booklet and plenary index pages (no personal data), in
    the order of every session picker: today's first, then coming, then past ones."""
    return consultation_session_choices(region=region).sessions[:limit]


def consultation_list_for_region(
    *, region, when="", neighbourhood=None, status="", month=None, now=None
):
    """The region's sessions, annotated like `consultation_get_for_user`.

    when: "upcoming" (not yet ended: from today on, soonest first), "past" (latest first) or "".
    neighbourhood: a Neighbourhood public_id; month: a date in the wanted month.
    """
    qs = consultation_queryset(region=region)
    today_start = timezone.localtime(now or timezone.now()).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    if when == "upcoming":
        qs = qs.filter(starts_at__gte=today_start).order_by("starts_at")
    elif when == "past":
        qs = qs.filter(starts_at__lt=today_start).order_by("-starts_at")
    if neighbourhood:
        qs = qs.filter(neighbourhood__public_id=neighbourhood)
    if status:
        qs = qs.filter(status=status)
    if month:
        start, end = month_bounds(month)
        qs = qs.filter(starts_at__gte=start, starts_at__lt=end)
    return qs


def consultation_upcoming_open_list(*, now=None):
    """Public: sessions open for registration that have not started, in every region.

    Left unannotated on purpose: the registrations app adds its own counts on top of it.

    For the residents' self-registration page: no readiness, no team, no counts of people.
    """
    return (
        Consultation.objects.filter(
            status=Consultation.Status.OPEN, starts_at__gt=now or timezone.now()
        )
        .select_related("region", "neighbourhood", "location")
        .order_by("starts_at")
    )


class SessionChoices:
    """The sessions of a picker in picking order, and today's session (preselected)."""

    def __init__(self, sessions):
        self.sessions = sessions  # a queryset, so a ModelChoiceField can validate against it
        self._rows = None

    @property
    def rows(self):
        if self._rows is None:
            self._rows = list(self.sessions)
        return self._rows

    @property
    def today(self):
        first = self.rows[0] if self.rows else None
        return first if first is not None and first.picker_group == 0 else None

    def options(self, selected=None):
        """(public_id, label, selected) for a <select>; today's session when none is chosen."""
        chosen = selected or self.today
        return [(c.public_id, session_label(c), c == chosen) for c in self.rows]


def session_label(consultation) -> str:
    """Date, time and neighbourhood (and title): sessions with the same title stay apart."""
    start = date_format(timezone.localtime(consultation.starts_at), "D j M Y H:i")
    parts = [start, consultation.neighbourhood.name, consultation.title]
    return " · ".join(part for part in parts if part)


def consultation_session_choices(*, region, now=None) -> SessionChoices:
    """The one helper behind every session picker: today's sessions first, then the coming
    ones (soonest first), then past ones (latest first); cancelled sessions left out."""
    day_start = timezone.localtime(now or timezone.now()).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    day_end = day_start + dt.timedelta(days=1)
    sessions = (
        Consultation.objects.in_region(region)
        .exclude(status=Consultation.Status.CANCELLED)
        .select_related("neighbourhood", "location")
        .annotate(
            picker_group=Case(
                When(starts_at__gte=day_start, starts_at__lt=day_end, then=Value(0)),
                When(starts_at__gte=day_end, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
            upcoming_start=Case(When(starts_at__gte=day_start, then=F("starts_at"))),
        )
        .order_by("picker_group", F("upcoming_start").asc(nulls_last=True), "-starts_at")
    )
    return SessionChoices(sessions)


def day_bounds(day=None):
    """Aware datetimes of the first moment of `day` (default: today, local time) and of the next."""
    day = day or timezone.localdate()
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    return start, start + dt.timedelta(days=1)


def consultation_today_list(*, region, day=None):
    """The region's sessions taking place today (cancelled ones left out), earliest first.

    The "Today" landing page of each role builds on this; sessions hold no personal data.
    """
    start, end = day_bounds(day)
    return (
        Consultation.objects.in_region(region)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(status=Consultation.Status.CANCELLED)
        .select_related("neighbourhood", "location")
        .order_by("starts_at")
    )


def _not_ready_q():
    """`readiness_check` in SQL on the annotations of `with_readiness_facts`: a session misses
    at least one requirement. Lets the overview ask the database for the first few not-ready
    sessions instead of checking every session of the month in Python (tests pin the two
    together)."""
    missing_domain = Q()
    for domain in DOMAINS:
        missing_domain |= Q(**{f"{domain}_count": 0})
    return (
        Q(capacity__lt=MIN_PARTICIPANTS)
        | Q(location__isnull=True)
        | Q(room="")
        | missing_domain
        | Q(big_lead_count=0)
        | Q(expert_count=0)
        | Q(coordinator_count=0)
        | Q(registered_count__lt=MIN_PARTICIPANTS)
    )


def consultation_planning_queryset(*, region, start, end):
    """Sessions still being planned between start and end, soonest first, with readiness facts."""
    return (
        consultation_queryset(region=region)
        .filter(starts_at__gte=start, starts_at__lt=end, status__in=OPEN_STATUSES)
        .order_by("starts_at", "pk")
    )


def consultation_not_ready_list(*, region, start, end, limit):
    """The first `limit` sessions between start and end that miss a requirement."""
    planning = consultation_planning_queryset(region=region, start=start, end=end)
    return list(planning.filter(_not_ready_q())[:limit])


def month_bounds(day):
    """Aware datetimes of the first moment of `day`'s month and of the next month."""
    first = dt.date(day.year, day.month, 1)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(first, dt.time.min, tzinfo=tz),
        dt.datetime.combine(following, dt.time.min, tzinfo=tz),
    )


def roster_for_consultation(*, consultation):
    """The tables with their bookings, and the session roles: three queries in all."""
    stations = list(
        RosterStation.objects.filter(consultation=consultation).prefetch_related(
            Prefetch(
                "assignments",
                queryset=RosterAssignment.objects.select_related("professional"),
            )
        )
    )
    roles = list(
        RosterAssignment.objects.filter(consultation=consultation, station__isnull=True)
        .select_related("professional")
        .order_by("role", "professional__name")
    )
    everyone = roles + [a for s in stations for a in s.assignments.all()]
    return stations, roles, everyone


def runsheet_rows(*, blocks, starts_at):
    """Each block with its start and end time, counted from the session start."""
    rows, at = [], timezone.localtime(starts_at)
    for block in blocks:
        end = at + dt.timedelta(minutes=block.minutes)
        rows.append((block, at, end))
        at = end
    return rows


def runsheet_blocks_for_consultation(*, consultation):
    return list(RunSheetBlock.objects.filter(consultation=consultation))


def runsheet_block_get(*, region, public_id):
    """A block of a session or template of `region`, or 404."""
    return get_object_or_404(
        RunSheetBlock.objects.select_related("consultation", "template").filter(
            Q(consultation__region=region) | Q(template__region=region)
        ),
        public_id=public_id,
    )


def roster_item_get(*, model, consultation, public_id):
    """A station or assignment of this consultation, or 404."""
    return get_object_or_404(
        model.objects.filter(consultation=consultation).select_related("consultation"),
        public_id=public_id,
    )


def readiness_dashboard_panel(request):
    """Coordinator's overview: the soonest sessions of the coming month that are not ready.

    Bounded whatever the number of sessions: at most PANEL_LIMIT shown (one more fetched to
    know there are more), and an EXISTS for "anything planned at all"."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.has_permission(Permission.CONSULTATION_MANAGE):
        return None
    now = timezone.now()
    window = {"region": membership.region, "start": now, "end": now + dt.timedelta(days=31)}
    not_ready = consultation_not_ready_list(**window, limit=PANEL_LIMIT + 1)
    return {
        "template": "consultations/_dashboard_panel.html",
        "any_planned": bool(not_ready) or consultation_planning_queryset(**window).exists(),
        "not_ready": [
            (c, readiness_check(facts_from_annotations(c)).missing) for c in not_ready[:PANEL_LIMIT]
        ],
        "more_not_ready": len(not_ready) > PANEL_LIMIT,
    }


def roster_disciplines_for_sessions(*, consultation_ids):
    """Who staffed these sessions, as (session, professional, discipline, organisation kind)
    rows without names (one query): what the money pages value in hours."""
    return RosterAssignment.objects.filter(consultation_id__in=consultation_ids).values_list(
        "consultation_id",
        "professional_id",
        "professional__discipline",
        "professional__organisation__kind",
    )
