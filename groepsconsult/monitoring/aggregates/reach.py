"""Reach per recruitment channel: from the session facts, or from the registrations."""

from django.db.models import (
    Count,
    Q,
    Sum,
)

from groepsconsult.consultations.models import Consultation
from groepsconsult.monitoring.aggregates.filters import (
    Filters,
    _hood,
    in_regions,
    not_refused,
)
from groepsconsult.monitoring.memo import per_request
from groepsconsult.monitoring.models import SessionFact
from groepsconsult.monitoring.suppression import suppress_grid
from groepsconsult.registrations.models import Registration


def session_fact_queryset(*, region, filters: Filters):
    """The session facts (counted places per session and channel) in `region` matching the
    period, neighbourhood and audience filters; None when a person filter (sex, language,
    age) is set: those are not on a session's row, so the caller reads the registrations."""
    if filters.has_person_filter():
        return None
    return SessionFact.objects.filter(in_regions("region", region), filters.session_row_q())


def _reach_from_sessions(facts, filters, by_region):
    if filters.channel:
        facts = facts.filter(channel=filters.channel)
    region = ("region_id",) if by_region else ()
    grouped = (
        facts.filter(kind=Consultation.Kind.FIRST)
        .values(*region, "neighbourhood__cbs_code", "neighbourhood__name", "channel")
        .annotate(registered=Sum("registered"), attended=Sum("present"))
        .order_by()
    )
    return [
        (
            *(r["region_id"] for _ in region),
            _hood(r["neighbourhood__cbs_code"], r["neighbourhood__name"]),
            r["channel"],
            r["registered"],
            r["attended"],
        )
        for r in grouped
    ]


def reach_rows(*, region, filters: Filters, by_region=False):
    """[(neighbourhood, channel, registered, attended)] in one GROUP BY query: over the session
    facts, or over the registrations when a person filter is set. `by_region`: each row starts
    with its region's id (one query for several regions, see `by_region_id`). Several regions
    combined: the rows of `reach_rows_by_region` without their region (kept per request)."""
    if isinstance(region, list | tuple) and not by_region:
        return [row[1:] for row in reach_rows_by_region(regions=region, filters=filters)]
    facts = session_fact_queryset(region=region, filters=filters)
    if facts is not None:
        return _reach_from_sessions(facts, filters, by_region)
    return reach_rows_from_registrations(region=region, filters=filters, by_region=by_region)


def reach_rows_from_registrations(*, region, filters: Filters, by_region=False):
    """As `reach_rows`, over every registration (for the person filters; and the reference the
    session facts are tested against)."""
    rows = Registration.objects.filter(
        not_refused("participant"),
        filters.participant_q("participant__", "consultation"),
        in_regions("consultation__region", region),
        consultation__kind=Consultation.Kind.FIRST,
        status=Registration.Status.REGISTERED,
    )
    if filters.channel:
        rows = rows.filter(channel=filters.channel)
    region_key = ("consultation__region_id",) if by_region else ()
    grouped = rows.values(
        *region_key,
        "consultation__neighbourhood__cbs_code",
        "consultation__neighbourhood__name",
        "channel",
    ).annotate(
        registered=Count("pk"),
        attended=Count("pk", filter=Q(attendance=Registration.Attendance.PRESENT)),
    )
    return [
        (
            *(r[key] for key in region_key),
            _hood(
                r["consultation__neighbourhood__cbs_code"], r["consultation__neighbourhood__name"]
            ),
            r["channel"],
            r["registered"],
            r["attended"],
        )
        for r in grouped
    ]


@per_request
def reach_rows_by_region(*, regions, filters: Filters):
    """`reach_rows` of several regions, each row starting with its region's id: one query."""
    return reach_rows(region=regions, filters=filters, by_region=True)


def by_region_id(rows):
    """{region id: [row without its region id]} of rows that start with their region's id."""
    grouped: dict = {}
    for region_id, *row in rows:
        grouped.setdefault(region_id, []).append(tuple(row))
    return grouped


def reach_by_channel(rows):
    """Suppressed {channel: {"registered": Cell, "attended": Cell}} plus column totals."""
    table: dict = {}
    # Sorted: a tie between two cells is broken the same way whatever order the rows came in.
    for _hood_code, channel, registered, attended in sorted(rows, key=lambda row: row[1] or ""):
        cell = table.setdefault(channel, {"registered": 0, "attended": 0})
        cell["registered"] += registered
        cell["attended"] += attended
    cells, _row_totals, totals, _grand = suppress_grid(table, rows_add_up=False)
    labels = dict(Registration.Channel.choices)
    return [(labels.get(ch, ch), cells[ch]) for ch in sorted(cells)], totals


# ---- paired outcomes ---------------------------------------------------------------------
