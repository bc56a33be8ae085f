"""Writes of the warm hand-over and the signal list: atomic, validated, audited.

Each step of a hand-over adds a HandoverEvent (the visible trail) and writes the access log in
the same transaction. The receiving offer gets a notice without personal data (a link only),
sent after commit.
"""

import contextlib
import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.handovers import policies
from groepsconsult.handovers.models import (
    FIRST_CONTACT,
    Handover,
    HandoverEvent,
    OfferHandoverFigures,
    Signal,
)
from groepsconsult.handovers.selectors import (
    handover_ended_badly_list,
    handover_open_list,
    offer_handover_figures_count,
)
from groepsconsult.notifications.transports import OutgoingMessage, TransportError, email_transport
from groepsconsult.offers.models import NeighbourhoodOffer

PURPOSE = Purpose.HANDOVER
S = Handover.Status


def _event(*, handover, by: Actor, from_status, note="", at):
    HandoverEvent.objects.create(
        handover=handover,
        at=at,
        by=by.user,
        by_name=by.username,
        from_status=from_status,
        to_status=handover.status,
        note=note[:300],
    )


def handover_propose(
    *, participant, offer, handed_over_by, note="", request_now=False, by: Actor, now=None
) -> Handover:
    """A new hand-over from the individual talk: proposed, or requested at once."""
    if offer.region_id != participant.region_id or not offer.is_active:
        raise ValidationError({"offer": _("Choose an active offer of this region.")})
    now = now or timezone.now()
    handover = Handover(
        region_id=participant.region_id,
        participant=participant,
        offer=offer,
        handed_over_by=handed_over_by,
        note=note,
        referrer=by.user,
        status_changed_at=now,
    )
    with transaction.atomic():
        _save(handover=handover, by=by)
        _event(handover=handover, by=by, from_status="", note=note, at=now)
        if request_now:
            _move(handover=handover, to_status=S.REQUESTED, by=by, now=now)
    return handover


def handover_advance(
    *,
    handover,
    to_status,
    membership,
    by: Actor,
    reason="",
    first_appointment_on=None,
    note="",
    now=None,
) -> Handover:
    """Take one step; the policy refuses illegal steps and steps that are not the user's."""
    with transaction.atomic():
        handover = Handover.objects.select_for_update().select_related("offer").get(pk=handover.pk)
        policies.check_can_advance_handover(handover, membership, to_status)
        if to_status in policies.NEEDS_REASON and not reason.strip():
            raise ValidationError({"reason": _("Give a short reason.")})
        if to_status == S.APPOINTMENT_PLANNED and not first_appointment_on:
            raise ValidationError({"first_appointment_on": _("Give the date of the appointment.")})
        handover.reason = reason.strip() if to_status in policies.NEEDS_REASON else handover.reason
        if first_appointment_on:
            handover.first_appointment_on = first_appointment_on
        _move(handover=handover, to_status=to_status, by=by, now=now, note=note)
    return handover


def _move(*, handover, to_status, by, now=None, note=""):
    now = now or timezone.now()
    from_status = handover.status
    handover.status = to_status
    handover.status_changed_at = now
    if to_status == S.REQUESTED:
        handover.requested_at = now
        transaction.on_commit(lambda: _notify_offer(handover))
    if to_status in FIRST_CONTACT and handover.first_contact_at is None:
        handover.first_contact_at = now
    _save(handover=handover, by=by)
    _event(handover=handover, by=by, from_status=from_status, note=note, at=now)
    offer_figures_refresh(offer_ids=[handover.offer_id])
    # Moving on answers a "not moved in time" signal: the loop is closed by the step itself.
    _resolve_open(
        kind=Signal.Kind.HANDOVER_STALLED,
        key=stall_key(handover, from_status),
        resolution=_("Moved on: %s") % handover.get_status_display(),
        user=None,
        now=now,
    )


def _save(*, handover, by):
    audited_save(
        instance=handover, by=by, purpose=PURPOSE, participant_ids=[handover.participant.public_id]
    )
    send_facts_changed(Handover, participant_ids=[handover.participant_id], sessions_changed=False)


def _notify_offer(handover):
    """A notice to the offer's contact person: no name, no phone, only a link into the app."""
    to = handover.offer.contact_email
    if not to:
        return
    link = settings.SITE_URL.rstrip("/") + reverse("handovers:handover-inbox")
    body = _(
        "A new warm hand-over to %(offer)s waits for your answer. "
        "Open your inbox to accept or decline: %(link)s"
    ) % {"offer": handover.offer.name, "link": link}
    # A failed notice is not fatal: the inbox shows the request, and an unmoved request
    # becomes a stall signal.
    with contextlib.suppress(TransportError):
        email_transport().send(
            OutgoingMessage(to=to, subject=_("New hand-over for your offer"), body=body)
        )


# --- Offer figures ------------------------------------------------------------------------

FIGURE_FIELDS = ["requested", "answered", "accepted", "median_days"]


def offer_figures_refresh(*, offer_ids):
    """Recount the stored hand-over figures of these offers (inside the caller's transaction).

    The offers' rows are locked first, so two steps of hand-overs to one offer recount one
    after the other and the later sees the earlier (PostgreSQL reads committed rows anew per
    statement); SQLite writes one at a time anyway.
    """
    offer_ids = sorted(set(offer_ids))
    with transaction.atomic():
        list(NeighbourhoodOffer.objects.select_for_update().filter(pk__in=offer_ids).values("pk"))
        _figures_write(offer_ids, offer_handover_figures_count(offer_ids=offer_ids))


def offer_figures_rebuild(*, region=None) -> int:
    """Recount the stored figures of every offer (of one region): the nightly safety net and
    the step after a bulk load (`rebuild_monitoring` calls it). Returns the rows written."""
    offers = NeighbourhoodOffer.objects.all()
    offer_ids = list(
        (offers.filter(region=region) if region else offers).values_list("pk", flat=True)
    )
    with transaction.atomic():
        counted = offer_handover_figures_count(offer_ids=offer_ids)
        _figures_write(offer_ids, counted)
    return len(counted)


def _figures_write(offer_ids, counted):
    gone = [offer_id for offer_id in offer_ids if offer_id not in counted]
    if gone:
        OfferHandoverFigures.objects.filter(offer_id__in=gone).delete()
    rows = [
        OfferHandoverFigures(offer_id=offer_id, **{f: item[f] for f in FIGURE_FIELDS})
        for offer_id, item in counted.items()
    ]
    OfferHandoverFigures.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["offer"], update_fields=FIGURE_FIELDS
    )


# --- Signals -----------------------------------------------------------------------------


def stall_key(handover, status=None) -> str:
    """One stall per hand-over and status: resolved by hand, it is not raised again until the
    hand-over moves and stalls anew."""
    return f"{handover.public_id}:{status or handover.status}"


def signal_raise(*, participant, kind, key, handover=None, owner=None, detail="", now=None):
    """Raise a signal once per kind and subject (idempotent: a resolved one stays resolved)."""
    existing = Signal.objects.filter(kind=kind, key=key).order_by("-raised_at").first()
    if existing:
        return existing, False
    signal = Signal(
        region_id=participant.region_id,
        participant=participant,
        kind=kind,
        key=key,
        handover=handover,
        owner=owner,
        detail=detail[:300],
        raised_at=now or timezone.now(),
    )
    signal.full_clean()
    signal.save()
    return signal, True


def signal_resolve(*, signal, resolution, by: Actor, now=None) -> Signal:
    if not resolution.strip():
        raise ValidationError({"resolution": _("Write down what was decided.")})
    with transaction.atomic():
        signal = Signal.objects.select_for_update().get(pk=signal.pk)
        if signal.resolved_at:
            raise ValidationError(_("This signal was already resolved."))
        signal.resolved_at = now or timezone.now()
        signal.resolved_by = by.user
        signal.resolution = resolution.strip()[:300]
        audited_save(
            instance=signal,
            by=by,
            purpose=Purpose.SIGNAL_LIST,
            participant_ids=[signal.participant.public_id],
        )
    return signal


def signal_resolve_subject(*, kind, key, resolution, now=None):
    """Close the open signal of this kind and subject because the loop closed by itself."""
    _resolve_open(kind=kind, key=key, resolution=resolution, user=None, now=now or timezone.now())


def _resolve_open(*, kind, key, resolution, user, now):
    Signal.objects.filter(kind=kind, key=key, resolved_at__isnull=True).update(
        resolved_at=now, resolved_by=user, resolution=resolution[:300]
    )


# Steps the offer owes within its response time. A proposal waits for the team (close-out
# checklist); a started hand-over runs at the participant's pace.
AWAITING_OFFER = frozenset({S.REQUESTED, S.ACCEPTED, S.CONTACTED})


def _is_stalled(handover, now) -> bool:
    allowed = dt.timedelta(days=handover.offer.response_days)
    if handover.status in AWAITING_OFFER:
        return now - handover.status_changed_at > allowed
    if handover.status == S.APPOINTMENT_PLANNED and handover.first_appointment_on:
        # The appointment passed and nobody recorded that the participant started.
        return timezone.localdate(now) > handover.first_appointment_on + allowed
    return False


def signals_detect_handovers(*, now=None, region=None) -> dict[str, int]:
    """Raise a signal for each hand-over not moved within its offer's response time, and for
    each declined, stopped or unreachable one (it needs a follow-up decision). Idempotent."""
    now = now or timezone.now()
    counts = {"stalled": 0, "ended": 0}
    for handover in handover_open_list(region=region):
        if _is_stalled(handover, now):
            _, new = signal_raise(
                participant=handover.participant,
                kind=Signal.Kind.HANDOVER_STALLED,
                key=stall_key(handover),
                handover=handover,
                owner=handover.referrer,
                detail=handover.offer.name,
                now=now,
            )
            counts["stalled"] += new
    for handover in handover_ended_badly_list(region=region).select_related("offer", "participant"):
        _, new = signal_raise(
            participant=handover.participant,
            kind=Signal.Kind.HANDOVER_ENDED,
            key=str(handover.public_id),
            handover=handover,
            owner=handover.referrer,
            detail=f"{handover.offer.name}: {handover.reason}",
            now=now,
        )
        counts["ended"] += new
    return counts
