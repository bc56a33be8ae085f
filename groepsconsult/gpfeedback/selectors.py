"""Reads of GP feedback: region-scoped and consent-gated in the query, logged.

Every reader, for every role, sees feedback only while the participant consents to sharing with
their own GP (a withdrawal stops all further feedback and export at once). A GP-practice user sees
only its own practice's patients (participant_visible_queryset adds that for the role).
"""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from groepsconsult.accounts.permissions import Role
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_records
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_current_queryset, participants_with_consent
from groepsconsult.consultations.models import Consultation
from groepsconsult.consultations.selectors import consultation_list_for_region
from groepsconsult.core.http import PAGE_SIZE
from groepsconsult.gpfeedback.models import GpFeedback, PracticeReferral
from groepsconsult.participants.models import Participant
from groepsconsult.participants.selectors import participant_visible_queryset
from groepsconsult.registrations.models import Registration

PURPOSE = Purpose.GP_FEEDBACK


def _consenting(qs):
    consent = consent_current_queryset(ConsentPurpose.SHARE_WITH_GP)
    return qs.filter(Exists(consent.filter(participant=OuterRef("participant"))))


def gp_feedback_queryset_for_user(*, membership):
    qs = GpFeedback.objects.in_region(membership.region).filter(
        participant__in=participant_visible_queryset(membership=membership)
    )
    if membership.role == Role.GP_PRACTICE:
        qs = qs.filter(practice_id=membership.organisation_id)
    return _consenting(qs).select_related("participant", "consultation", "practice")


def gp_feedback_list_for_user(*, membership, by, limit=200):
    rows = list(gp_feedback_queryset_for_user(membership=membership)[:limit])
    access_log_records(by=by, records=rows, purpose=PURPOSE)
    return rows


def gp_feedback_get_for_user(*, membership, by, public_id, action=AccessEvent.Action.VIEW):
    feedback = get_object_or_404(
        gp_feedback_queryset_for_user(membership=membership), public_id=public_id
    )
    access_log_records(by=by, records=[feedback], purpose=PURPOSE, action=action)
    return feedback


def registrations_with_results(*, consultation=None, participants=None):
    """Registrations that have current measurements (not cancelled), with their participant."""
    qs = (
        Registration.objects.exclude(status=Registration.Status.CANCELLED)
        .filter(measurements__superseded_by__isnull=True)
        .distinct()
        .select_related("participant__gp_practice", "participant__region", "consultation")
        .order_by("consultation__starts_at", "id")
    )
    if consultation is not None:
        qs = qs.filter(consultation=consultation)
    if participants is not None:
        qs = qs.filter(participant__in=participants)
    return qs


def practice_patients_split(*, practice):
    """(consenting, not consenting) participants of a practice who have results."""
    measured = Participant.objects.filter(
        gp_practice=practice,
        registrations__measurements__superseded_by__isnull=True,
    ).distinct()
    consenting = participants_with_consent(measured, ConsentPurpose.SHARE_WITH_GP)
    return consenting, measured.exclude(pk__in=consenting.values("pk"))


def gp_feedback_latest_for_participants(*, participants):
    """{participant id: latest feedback}, consent-gated, in one query (the export command)."""
    rows = _consenting(GpFeedback.objects.filter(participant__in=participants)).order_by(
        "created_at", "id"
    )
    return {f.participant_id: f for f in rows.select_related("participant")}


def participant_has_consent_for_gp(*, participant) -> bool:
    return (
        consent_current_queryset(ConsentPurpose.SHARE_WITH_GP)
        .filter(participant=participant)
        .exists()
    )


def referral_session_choices(*, region):
    """Sessions a practice can refer into: the region's upcoming sessions open for sign-up."""
    return (
        consultation_list_for_region(region=region, when="upcoming")
        .filter(status=Consultation.Status.OPEN)
        .select_related("neighbourhood")
    )


def practice_referral_page_for_user(*, membership, by, page_number=1):
    """One page of the practice's own referrals, newest first, logged as LIST.

    Whether the patient came is told only while they consent to sharing with their own GP
    (`shares_with_gp`, an EXISTS in the same query); the place itself the practice made.
    """
    consent = consent_current_queryset(ConsentPurpose.SHARE_WITH_GP)
    qs = (
        PracticeReferral.objects.in_region(membership.region)
        .filter(practice_id=membership.organisation_id)
        .select_related("registration__participant", "registration__consultation__neighbourhood")
        .annotate(
            shares_with_gp=Exists(consent.filter(participant=OuterRef("registration__participant")))
        )
    )
    page = Paginator(qs, PAGE_SIZE).get_page(page_number)
    if page.object_list:
        access_log_records(by=by, records=page.object_list, purpose=Purpose.RECRUITMENT)
    return page
