"""Reads of hand-overs and signals: region-scoped, consent-gated for offer partners, logged.

The offer partner sees only hand-overs to their own organisation's offers, from the moment they
were requested, and only of participants who currently consent to sharing name and phone with
the offer: the consent filter is an EXISTS inside the same query, so a withdrawal applies at once.
"""

from collections import Counter

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Value, When
from django.db.models.functions import Round
from django.shortcuts import get_object_or_404

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_records
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_current_queryset
from groepsconsult.core.expressions import DaysBetween
from groepsconsult.handovers.models import (
    ENDED,
    ENDED_WITHOUT_RESULT,
    VISIBLE_TO_RECEIVER,
    Handover,
    HandoverEvent,
    OfferHandoverFigures,
    Signal,
)
from groepsconsult.participants.selectors import (
    participant_visible_q,
    participant_visible_queryset,
)

PURPOSE = Purpose.HANDOVER
SIGNAL_PURPOSE = Purpose.SIGNAL_LIST
S = Handover.Status


def handover_queryset_for_user(*, membership):
    """Every hand-over this membership may see (no logging: callers log what they show)."""
    qs = Handover.objects.in_region(membership.region).select_related(
        "participant", "offer__organisation", "referrer"
    )
    if membership.has_permission(Permission.HANDOVER_MANAGE) or membership.has_permission(
        Permission.SIGNAL_VIEW
    ):
        return qs.filter(participant__in=participant_visible_queryset(membership=membership))
    if membership.has_permission(Permission.HANDOVER_RESPOND) and membership.organisation_id:
        consent = consent_current_queryset(ConsentPurpose.SHARE_WITH_OFFER)
        return qs.filter(
            Exists(consent.filter(participant=OuterRef("participant"))),
            offer__organisation_id=membership.organisation_id,
            status__in=VISIBLE_TO_RECEIVER,
        )
    return qs.none()


def handover_list_for_user(*, membership, by, status="", open_only=False, limit=200):
    """The referrer's and coordinator's status view: newest movement first, logged."""
    qs = handover_queryset_for_user(membership=membership)
    if status:
        qs = qs.filter(status=status)
    if open_only:
        qs = qs.exclude(status__in=ENDED)
    rows = list(qs[:limit])
    access_log_records(by=by, records=rows, purpose=PURPOSE, detail="status list")
    return rows


def handover_inbox_for_user(*, membership, by, limit=200):
    """The offer partner's inbox: requests waiting for an answer first, then open ones."""
    first = Case(
        When(status=S.REQUESTED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    rows = list(
        handover_queryset_for_user(membership=membership)
        .exclude(status__in=ENDED)
        .annotate(waiting=first)
        .order_by("waiting", "status_changed_at", "id")[:limit]
    )
    access_log_records(by=by, records=rows, purpose=PURPOSE, detail="inbox")
    return rows


def handover_get_for_user(*, membership, by, public_id, action=AccessEvent.Action.VIEW):
    """One hand-over, or 404 outside what the membership may see; the read is logged."""
    handover = get_object_or_404(
        handover_queryset_for_user(membership=membership), public_id=public_id
    )
    access_log_records(by=by, records=[handover], purpose=PURPOSE, action=action)
    return handover


def handover_event_list(*, handover):
    return list(HandoverEvent.objects.filter(handover=handover).order_by("at", "id"))


def handover_list_for_participant(*, participant):
    """The whole chain of one participant (trajectory page, proposal page); caller logs."""
    return list(
        Handover.objects.filter(participant=participant)
        .select_related("offer__organisation")
        .order_by("created_at", "id")
    )


def handovers_by_trajectory(*, trajectories) -> dict[int, list]:
    """{trajectory id: its hand-overs} for the booklet and the GP letter, in one query.

    A hand-over belongs to the trajectory that was open when it was proposed: the participant's
    hand-overs from the trajectory's start on (an earlier round's hand-overs stay out). The
    caller logs the read (it shows them inside a logged booklet or letter).
    """
    trajectories = [t for t in trajectories if t is not None]
    found: dict[int, list] = {t.pk: [] for t in trajectories}
    by_participant = {t.participant_id: t for t in trajectories}
    rows = (
        Handover.objects.filter(participant_id__in=list(by_participant))
        .select_related("offer__organisation")
        .order_by("created_at", "id")
    )
    for handover in rows:
        trajectory = by_participant[handover.participant_id]
        if handover.created_at >= trajectory.created_at:
            found[trajectory.pk].append(handover)
    return found


def handover_open_list(*, region=None):
    """Hand-overs not yet ended (the stall detector), with their offer's response time."""
    qs = Handover.objects.exclude(status__in=ENDED).select_related("offer", "participant")
    return qs.filter(region=region) if region else qs


def handover_ended_badly_list(*, region=None):
    qs = Handover.objects.filter(status__in=ENDED_WITHOUT_RESULT)
    return qs.filter(region=region) if region else qs


def offer_handover_figures(*, offer_ids) -> dict[int, dict]:
    """{offer id: acceptance rate (%) and median days to first contact}, stored: one query for
    a page of offers, however many hand-overs they had (`offer_handover_figures_count` counts
    them; the services keep the stored rows equal to that count)."""
    rows = OfferHandoverFigures.objects.filter(offer_id__in=list(offer_ids))
    return {row.offer_id: row.as_dict() for row in rows}


def offer_handover_figures_count(*, offer_ids) -> dict[int, dict]:
    """{offer id: acceptance rate (%) and median days to first contact} in two queries.

    Acceptance = accepted at some point / answered (accepted or declined). No personal data.
    The database counts per offer and status, and per offer and hours to first contact (to the
    nearest hour), so the page reads a few hundred rows however many hand-overs its offers had
    (issue 12: it read every one); the median is taken from those counts, to the hour. A covering
    index (offer, status, requested_at, first_contact_at) answers both without the table.
    """
    requested = Handover.objects.filter(
        offer_id__in=list(offer_ids), requested_at__isnull=False
    ).order_by()
    figures: dict[int, dict] = {}
    answered_statuses = set(S.values) - {S.PROPOSED, S.REQUESTED}
    for offer_id, status, n in requested.values_list("offer_id", "status").annotate(n=Count("pk")):
        item = figures.setdefault(
            offer_id, {"requested": 0, "answered": 0, "accepted": 0, "hours": Counter()}
        )
        item["requested"] += n
        if status in answered_statuses:
            item["answered"] += n
            item["accepted"] += n if status != S.DECLINED else 0
    contacted = requested.filter(first_contact_at__isnull=False).annotate(
        hours=Round(DaysBetween("requested_at", "first_contact_at") * 24)
    )
    for offer_id, hours, n in contacted.values_list("offer_id", "hours").annotate(n=Count("pk")):
        figures[offer_id]["hours"][int(hours)] += n
    for item in figures.values():
        median = _median_of_counts(item.pop("hours"))
        item["acceptance_rate"] = (
            round(100 * item["accepted"] / item["answered"]) if item["answered"] else None
        )
        item["median_days"] = round(median / 24, 1) if median is not None else None
    return figures


def _median_of_counts(counts: Counter):
    """The median of the values counted in `counts` ({value: how often}), or None when empty."""
    total = sum(counts.values())
    if not total:
        return None
    wanted, middle, seen = {(total - 1) // 2, total // 2}, [], 0
    for value in sorted(counts):
        before, seen = seen, seen + counts[value]
        middle += [value for position in sorted(wanted) if before <= position < seen]
    return sum(middle) / len(middle)


def signal_list_for_user(*, membership, by, open_only=True, limit=300):
    """The region's signal list, oldest first; logged (it names participants)."""
    qs = (
        Signal.objects.in_region(membership.region)
        .filter(participant_visible_q(membership=membership, via="participant__"))
        .select_related("participant", "owner", "handover__offer", "resolved_by")
    )
    if open_only:
        qs = qs.filter(resolved_at__isnull=True)
    rows = list(qs.order_by("raised_at", "id")[:limit])
    access_log_records(by=by, records=rows, purpose=SIGNAL_PURPOSE)
    return rows


def signal_open_exists(*, participant_ref="pk"):
    """EXISTS(an open signal) for the participant at `participant_ref` of the outer query."""
    return Exists(
        Signal.objects.filter(participant_id=OuterRef(participant_ref), resolved_at__isnull=True)
    )


def signals_open_for_participants(*, membership, participant_ids):
    """The open signals of these (visible, already fetched) participants, oldest first: one
    query for a page of the review list. The caller logs what it shows."""
    return list(
        Signal.objects.in_region(membership.region)
        .filter(participant_id__in=list(participant_ids), resolved_at__isnull=True)
        .select_related("participant")
        .order_by("raised_at", "id")
    )


def signal_get_for_user(*, membership, public_id):
    return get_object_or_404(
        Signal.objects.in_region(membership.region).select_related("participant"),
        public_id=public_id,
    )


def signal_open_count(*, region) -> int:
    return Signal.objects.in_region(region).filter(resolved_at__isnull=True).count()


def signals_dashboard_panel(request):
    """Dashboard panel: how many signals wait for someone (one COUNT, no names)."""
    membership = request.membership
    if not membership.has_permission(Permission.SIGNAL_VIEW):
        return None
    return {
        "template": "handovers/_dashboard_panel.html",
        "open_signals": signal_open_count(region=membership.region),
    }
