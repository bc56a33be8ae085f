"""Placing a participant in a session, by every route, and cancelling that place."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.consultations.models import Consultation
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.participants.models import Participant
from groepsconsult.participants.selectors import participant_same_person
from groepsconsult.participants.services import participant_register
from groepsconsult.registrations import policies, selectors
from groepsconsult.registrations.models import SELF_REGISTRATION_NAME, Registration
from groepsconsult.registrations.signals import self_registered
from groepsconsult.trajectories.services import trajectory_link_registration

PURPOSE_RECRUITMENT = Purpose.RECRUITMENT
SELF_REGISTRATION_ACTOR = Actor.system(SELF_REGISTRATION_NAME)


def _lock(consultation) -> Consultation:
    """Re-read the session's state under a row lock so two sign-ups cannot both take the last
    place (PostgreSQL honours the lock; SQLite runs IMMEDIATE transactions, serialising writers).

    The fresh state is copied onto the caller's instance, which keeps its loaded relations.
    """
    fresh = Consultation.objects.select_for_update().get(pk=consultation.pk)
    for field in ("status", "capacity", "starts_at"):
        setattr(consultation, field, getattr(fresh, field))
    return consultation


def _check_duplicate(*, consultation, participant):
    if selectors.registration_duplicate_exists(
        consultation=consultation,
        given_name=participant.given_name,
        family_name=participant.family_name,
        date_of_birth=participant.date_of_birth,
    ):
        raise ValidationError(
            _("You are already signed up for this meeting. You do not need to do anything else."),
            code="duplicate",
        )


def _check_place(*, consultation, participant):
    policies.check_audience_fits(consultation=consultation, sex=participant.sex)
    policies.check_not_full(
        consultation=consultation,
        registered_count=selectors.registered_count(consultation=consultation),
    )


def _log_duplicate_attempt(*, registration, by: Actor) -> None:
    access_log_write(
        by=by,
        action=AccessEvent.Action.CREATE,
        subject_type="registration_attempt",
        subject_ids=[registration.public_id],
        participant_ids=[registration.participant.public_id],
        purpose=PURPOSE_RECRUITMENT,
        detail="duplicate public sign-up: nothing saved, same answer as a new sign-up",
    )


def registration_self_register(
    *, consultation: Consultation, participant: Participant, by: Actor = SELF_REGISTRATION_ACTOR
) -> Registration:
    """A resident signs up on the public page: their place, on a new or their existing record.

    Someone already holding a place gets exactly the answer a new sign-up gets (whether a person
    attends a prediabetes group is health data, and the form is open to anyone who knows a name
    and a date of birth): the existing place is returned, nothing is changed and the attempt is
    logged. Someone the region certainly knows already (same folded name, date of birth, and
    phone or e-mail: `participant_same_person`, e.g. an imported GP patient) gets the place on
    that record, silently: the answer is the same as for a new person. Every refusal depends
    only on the session's public facts and the submitted data.

    A new place sends `signals.self_registered` after the commit (notifications confirms it to
    the phone or e-mail given here, never to what the record holds).
    """
    participant.full_clean(exclude=["region"])
    by = by.in_region(consultation.region.slug)
    with transaction.atomic():
        consultation = _lock(consultation)
        policies.check_can_self_register(consultation=consultation)
        policies.check_session_hourly_cap(
            recent_count=selectors.self_registrations_last_hour_count(consultation=consultation)
        )
        _check_place(consultation=consultation, participant=participant)
        known = participant_same_person(
            region=consultation.region,
            given_name=participant.given_name,
            family_name=participant.family_name,
            date_of_birth=participant.date_of_birth,
            phone=participant.phone,
            email=participant.email,
        )
        existing = selectors.registration_self_duplicate_get(
            consultation=consultation, participant=participant, known=known
        )
        if existing is not None:
            _log_duplicate_attempt(registration=existing, by=by)
            return existing
        registration = _self_place(
            consultation=consultation, participant=known or participant, is_new=known is None, by=by
        )
        transaction.on_commit(
            lambda: self_registered.send(
                sender=Registration, registration=registration, contact=participant, by=by
            ),
            robust=True,
        )
        return registration


def _self_place(*, consultation, participant, is_new: bool, by: Actor) -> Registration:
    if is_new:
        participant_register(
            participant=participant, region=consultation.region, by=by, purpose=PURPOSE_RECRUITMENT
        )
    # A known person may hold a cancelled place in this session: one row per person per session.
    registration = Registration.objects.filter(
        consultation=consultation, participant=participant
    ).first() or Registration(consultation=consultation, participant=participant)
    registration.status = Registration.Status.REGISTERED
    registration.channel = Registration.Channel.SELF
    audited_save(
        instance=registration,
        by=by,
        purpose=PURPOSE_RECRUITMENT,
        participant_ids=[participant.public_id],
    )
    if not is_new:
        access_log_write(
            by=by,
            action=AccessEvent.Action.CHANGE,
            subject_type="registration",
            subject_ids=[registration.public_id],
            participant_ids=[participant.public_id],
            purpose=PURPOSE_RECRUITMENT,
            detail="public sign-up matched an existing participant: no second record",
        )
    send_facts_changed(Registration, consultation_ids=[consultation.pk], sessions_changed=True)
    trajectory_link_registration(registration=registration, by=by)
    return registration


def registration_create(
    *,
    consultation: Consultation,
    participant: Participant,
    channel: str,
    by: Actor,
    referred_by=None,
    referral_reason: str = "",
    community_contact: str = "",
) -> Registration:
    """A professional or key person places someone; a new participant (no pk) is registered too.

    A cancelled place of the same person is taken up again (one row per person per session).
    """
    policies.check_channel_details(
        channel=channel, referral_reason=referral_reason, community_contact=community_contact
    )
    if participant.pk is None:
        participant.full_clean(exclude=["region"])
    with transaction.atomic():
        consultation = _lock(consultation)
        policies.check_can_staff_register(consultation=consultation)
        registration = Registration.objects.filter(
            consultation=consultation, participant_id=participant.pk
        ).first()
        if registration and registration.status == Registration.Status.REGISTERED:
            raise ValidationError(
                _("%(name)s is already registered for this session.")
                % {"name": participant.full_name},
                code="duplicate",
            )
        if participant.pk is None:
            _check_duplicate(consultation=consultation, participant=participant)
        _check_place(consultation=consultation, participant=participant)
        if participant.pk is None:
            participant_register(
                participant=participant,
                region=consultation.region,
                by=by,
                purpose=PURPOSE_RECRUITMENT,
            )
        registration = registration or Registration(
            consultation=consultation, participant=participant
        )
        registration.status = Registration.Status.REGISTERED
        registration.channel = channel
        registration.referred_by = referred_by
        registration.referral_reason = referral_reason.strip()
        registration.community_contact = community_contact.strip()
        audited_save(
            instance=registration,
            by=by,
            purpose=PURPOSE_RECRUITMENT,
            participant_ids=[participant.public_id],
        )
        send_facts_changed(
            Registration, consultation_ids=[registration.consultation_id], sessions_changed=True
        )
        trajectory_link_registration(registration=registration, by=by)
        return registration


def registration_cancel(*, registration: Registration, by: Actor) -> Registration:
    """Give the place back. The row stays (with its channel) so recruitment can be evaluated."""
    policies.check_can_cancel_registration(registration=registration)
    registration.status = Registration.Status.CANCELLED
    registration.attendance = Registration.Attendance.UNKNOWN
    with transaction.atomic():
        audited_save(
            instance=registration,
            by=by,
            purpose=PURPOSE_RECRUITMENT,
            participant_ids=[registration.participant.public_id],
        )
        send_facts_changed(
            Registration, consultation_ids=[registration.consultation_id], sessions_changed=True
        )
    return registration
