"""Reads of return invitations: the return sessions, the invitation list with its counts, the
call list and the letters. Every list filters participants with `participant_visible_q` (a join
and EXISTS per row) and logs the people it shows."""

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_records, access_log_view
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_current_exists
from groepsconsult.consultations.models import Consultation
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.participants.selectors import participant_visible_q
from groepsconsult.registrations.models import Registration
from groepsconsult.returns.models import ReturnInvitation

PURPOSE = Purpose.TRAJECTORY
PAGE_SIZE = 25
CALL_LIST_PAGE_SIZE = 100
CONTACT = ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION
R = ReturnInvitation


def return_session_list(*, region):
    """The region's 6-month sessions, newest first, with how many were invited (paginate it)."""
    return (
        Consultation.objects.filter(region=region, kind=Consultation.Kind.RETURN)
        .annotate(invited=Count("return_invitations"))
        .select_related("neighbourhood", "location")
        .order_by("-starts_at", "-id")
    )


def return_session_get(*, membership, public_id):
    """A 6-month session of the membership's region, or 404 (other region, other kind)."""
    consultation = consultation_get_for_user(membership=membership, public_id=public_id)
    if consultation.kind != Consultation.Kind.RETURN:
        raise Http404
    return consultation


def _registered():
    return Exists(
        Registration.objects.filter(
            consultation=OuterRef("consultation"),
            participant=OuterRef("participant"),
            status=Registration.Status.REGISTERED,
        )
    )


def _visible(*, membership):
    return (
        R.objects.filter(
            participant_visible_q(membership=membership, via="participant__"),
            region=membership.region,
        )
        .annotate(registered=_registered())
        .select_related("participant", "baseline_consultation", "consultation__location")
    )


def invitation_page(*, membership, by, consultation, page_number):
    """One page of the session's invitations (two queries), logged as a LIST."""
    qs = _visible(membership=membership).filter(consultation=consultation)
    page = Paginator(qs, PAGE_SIZE).get_page(page_number)
    access_log_records(by=by, records=page.object_list, purpose=PURPOSE)
    return page


def invitation_summary(*, membership, consultation) -> dict:
    """Counts for the session (no names): per state, per channel and per not-coming reason."""
    qs = _visible(membership=membership).filter(consultation=consultation)
    counts = qs.aggregate(
        total=Count("id"),
        registered=Count("id", filter=Q(_registered())),
        not_coming=Count("id", filter=~Q(not_coming_reason="")),
        failed=Count("id", filter=Q(send_status=R.SendStatus.FAILED)),
        **{c.value: Count("id", filter=Q(channel=c.value)) for c in R.Channel},
        **{
            f"reason_{r.value}": Count("id", filter=Q(not_coming_reason=r.value))
            for r in R.NotComing
        },
    )
    counts["awaiting"] = counts["total"] - counts["registered"] - counts["not_coming"]
    counts["channels"] = [(c.label, counts[c.value]) for c in R.Channel]
    counts["reasons"] = [(r.label, counts[f"reason_{r.value}"]) for r in R.NotComing]
    return counts


def call_list_page(*, membership, by, consultation, page_number):
    """Who to phone: no answer yet (not registered, not recorded as not coming), a phone number,
    and a current consent to be contacted. Printable: 100 a page."""
    qs = (
        _visible(membership=membership)
        .filter(consultation=consultation, registered=False, not_coming_reason="")
        .exclude(participant__phone="")
        .filter(consent_current_exists(CONTACT, participant_ref="participant"))
    )
    page = Paginator(qs, CALL_LIST_PAGE_SIZE).get_page(page_number)
    access_log_records(by=by, records=page.object_list, purpose=PURPOSE, detail="call list")
    return page


def invitations_for_letters(*, membership, by, consultation):
    """Everyone invited and not recorded as not coming, for the batch letter PDF (logged as
    printed). Bounded by the first sessions' places."""
    invitations = list(
        _visible(membership=membership).filter(consultation=consultation, not_coming_reason="")
    )
    access_log_records(by=by, records=invitations, purpose=PURPOSE, action=AccessEvent.Action.PRINT)
    return invitations


def invitation_get_for_user(*, membership, by, public_id, action=None):
    """One invitation the membership may see, or 404; the read is logged."""
    invitation = get_object_or_404(_visible(membership=membership), public_id=public_id)
    if action:
        access_log_records(by=by, records=[invitation], purpose=PURPOSE, action=action)
    else:
        access_log_view(by=by, record=invitation, purpose=PURPOSE)
    return invitation


def invited_participant_ids(*, consultation, participant_ids) -> set:
    return set(
        R.objects.filter(consultation=consultation, participant_id__in=participant_ids).values_list(
            "participant_id", flat=True
        )
    )


def invitation_is_registered(*, invitation) -> bool:
    return Registration.objects.filter(
        consultation_id=invitation.consultation_id,
        participant_id=invitation.participant_id,
        status=Registration.Status.REGISTERED,
    ).exists()
