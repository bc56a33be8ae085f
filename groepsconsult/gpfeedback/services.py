"""Prepare and acknowledge GP feedback: atomic, audited, consent-checked at the moment of writing.

Feedback is prepared only for a participant who consents to sharing with their own GP and has a
practice; it goes only to that practice. An alarm or red value stays on the signal list until the
practice acknowledges the letter.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.documents.booklet import build_booklet
from groepsconsult.documents.selectors import booklet_sources, booklets_mark_draft_thresholds
from groepsconsult.gpfeedback.bundle import build_bundle
from groepsconsult.gpfeedback.letter import letter_html
from groepsconsult.gpfeedback.models import GpFeedback, PracticeReferral
from groepsconsult.gpfeedback.selectors import (
    participant_has_consent_for_gp,
    registrations_with_results,
)
from groepsconsult.handovers.models import Signal
from groepsconsult.handovers.services import signal_raise, signal_resolve_subject
from groepsconsult.participants.selectors import participant_same_person_in_region
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.services import registration_create

PURPOSE = Purpose.GP_FEEDBACK


def step_for(consultation) -> str:
    return (
        GpFeedback.Step.RETURN_SESSION
        if consultation.kind == "return"
        else GpFeedback.Step.FIRST_SESSION
    )


def red_signal_key(registration) -> str:
    return f"{registration.participant.public_id}:{registration.consultation.public_id}"


def gp_feedback_prepare(
    *, registration, by: Actor, step=None, now=None, follow_up=None
) -> GpFeedback:
    """The feedback for this registration's step (existing, or prepared now).

    `follow_up` is the reached follow-up call the letter reports on (step FOLLOW_UP_CALL).
    """
    participant, consultation = registration.participant, registration.consultation
    step = step or step_for(consultation)
    if participant.gp_practice_id is None:
        raise ValidationError(_("This participant has no GP practice."))
    if not participant_has_consent_for_gp(participant=participant):
        raise ValidationError(_("This participant did not consent to sharing with their GP."))
    existing = GpFeedback.objects.filter(
        participant=participant, consultation=consultation, step=step
    ).first()
    if existing:
        return existing
    (source,) = booklet_sources(registrations=[registration], consultation=consultation)
    booklet = build_booklet(source, consultation=consultation)
    # Until the region's physician approved the rule set, the letter says so (clinical sign-off).
    booklets_mark_draft_thresholds([booklet], region=consultation.region)
    now = now or timezone.now()
    feedback = GpFeedback(
        region_id=participant.region_id,
        participant=participant,
        practice=participant.gp_practice,
        consultation=consultation,
        step=step,
        letter_html=letter_html(
            booklet=booklet,
            step_label=GpFeedback.Step(step).label,
            practice=participant.gp_practice,
            follow_up=follow_up,
        ),
        bundle=build_bundle(
            participant=participant,
            measurements=source.measurements,
            performer=f"Groepsconsult {participant.region.name}",
            timestamp=now,
        ),
        has_red_values=any(line.colour == "red" or line.urgent for line in booklet.lines),
        prepared_by_name=by.username,
    )
    with transaction.atomic():
        audited_save(
            instance=feedback, by=by, purpose=PURPOSE, participant_ids=[participant.public_id]
        )
    return feedback


def gp_feedback_after_follow_up_call(*, registration, call, by: Actor, now=None):
    """The follow-up call changed something: feedback for that step, to the participant's own
    practice and only with their consent to share with it (else nothing, and None)."""
    try:
        return gp_feedback_prepare(
            registration=registration,
            by=by,
            step=GpFeedback.Step.FOLLOW_UP_CALL,
            now=now,
            follow_up=call,
        )
    except ValidationError:
        return None


def gp_feedback_prepare_for_consultation(*, consultation, by: Actor) -> dict[str, int]:
    """Prepare feedback for everyone measured at this session; counts what was left out."""
    counts = {"prepared": 0, "left_out": 0}
    for registration in registrations_with_results(consultation=consultation):
        try:
            gp_feedback_prepare(registration=registration, by=by)
        except ValidationError:
            counts["left_out"] += 1
        else:
            counts["prepared"] += 1
    return counts


def gp_feedback_acknowledge(*, feedback, by: Actor, now=None) -> GpFeedback:
    """The practice confirms receipt: closes the loop and the red-value signal."""
    with transaction.atomic():
        feedback = GpFeedback.objects.select_for_update().get(pk=feedback.pk)
        if feedback.acknowledged_at:
            return feedback
        feedback.acknowledged_at = now or timezone.now()
        feedback.acknowledged_by = by.user
        audited_save(
            instance=feedback,
            by=by,
            purpose=PURPOSE,
            participant_ids=[feedback.participant.public_id],
        )
        signal_resolve_subject(
            kind=Signal.Kind.RED_VALUE_NO_FEEDBACK,
            key=f"{feedback.participant.public_id}:{feedback.consultation.public_id}",
            resolution=_("The GP practice acknowledged the letter."),
            now=feedback.acknowledged_at,
        )
    return feedback


def signals_detect_red_values(*, now=None) -> int:
    """A red or alarm value whose GP letter was not acknowledged: one signal per session."""
    new = 0
    acknowledged = set(
        GpFeedback.objects.filter(acknowledged_at__isnull=False).values_list(
            "participant_id", "consultation_id"
        )
    )
    registrations = registrations_with_results().filter(measurements__colour="red")
    for registration in registrations:
        if (registration.participant_id, registration.consultation_id) in acknowledged:
            continue
        _, created = signal_raise(
            participant=registration.participant,
            kind=Signal.Kind.RED_VALUE_NO_FEEDBACK,
            key=red_signal_key(registration),
            detail=str(registration.consultation),
            now=now,
        )
        new += created
    return new


def gp_referral_create(*, practice, person, consultation, reason, by: Actor) -> PracticeReferral:
    """A practice refers its patient into a session: the person already known in the region
    (one person, one record) or a new one of this practice, placed on the referral route with
    the reason, and the referral recorded so the practice can follow it."""
    matches = participant_same_person_in_region(
        region=consultation.region,
        family_name=person.family_name,
        date_of_birth=person.date_of_birth,
        phone=person.phone,
    )
    candidates = [p for p in matches if p.gp_practice_id == practice.pk] or matches
    if len(candidates) > 1:
        raise ValidationError(
            _(
                "More than one person in the region matches these details. Please phone the "
                "coordinator to refer this patient."
            )
        )
    if candidates:
        person = candidates[0]
    else:
        person.gp_practice = practice
    with transaction.atomic():
        registration = registration_create(
            consultation=consultation,
            participant=person,
            channel=Registration.Channel.PROFESSIONAL,
            referral_reason=reason,
            by=by,
        )
        referral = PracticeReferral(
            region_id=consultation.region_id,
            practice=practice,
            registration=registration,
            referred_by=by.user,
        )
        audited_save(
            instance=referral,
            by=by,
            purpose=Purpose.RECRUITMENT,
            participant_ids=[person.public_id],
        )
    return referral
