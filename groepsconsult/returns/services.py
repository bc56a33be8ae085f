"""Writes for return invitations: generate them (idempotent), register an invitee into the
6-month session, and record that someone is not coming (which moves their trajectory).

Sending is at most once: the invitation row is committed as PENDING before the transport is
called. E-mail and SMS go only to participants with a current consent to be contacted and a
route the reminder rules allow (opt-outs respected); everyone else gets the printed letter.
"""

from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.consent.selectors import consent_current_queryset
from groepsconsult.notifications.services import reminder_route
from groepsconsult.notifications.transports import TransportError, email_transport, sms_transport
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.services import registration_create
from groepsconsult.returns import policies, selectors
from groepsconsult.returns.letter import invitation_message, letter_language
from groepsconsult.returns.models import ReturnInvitation
from groepsconsult.trajectories.models import Trajectory
from groepsconsult.trajectories.policies import can_move_trajectory
from groepsconsult.trajectories.selectors import trajectories_awaiting_return
from groepsconsult.trajectories.services import trajectory_mark_lost, trajectory_stop

PURPOSE = selectors.PURPOSE
R = ReturnInvitation
ELECTRONIC = frozenset({R.Channel.SMS, R.Channel.EMAIL})


def _present_at_first_session():
    return Exists(
        Registration.objects.filter(
            consultation=OuterRef("baseline_consultation"),
            participant=OuterRef("participant"),
            attendance=Registration.Attendance.PRESENT,
        )
    )


def _channel(participant, consenting) -> tuple[str, str]:
    if participant.pk in consenting:
        route, address, _skip = reminder_route(participant)
        if route in ELECTRONIC:
            return route, address
    return R.Channel.LETTER, ""


def _save(invitation, by):
    audited_save(
        instance=invitation,
        by=by,
        purpose=PURPOSE,
        participant_ids=[invitation.participant.public_id],
    )


def _send(*, invitation, address, by, transports) -> str:
    message = invitation_message(invitation=invitation, channel=invitation.channel, to=address)
    try:
        transports[invitation.channel].send(message)
    except TransportError as exc:
        invitation.send_status, invitation.send_error = R.SendStatus.FAILED, str(exc)[:200]
        _save(invitation, by)
        return "failed"
    invitation.send_status, invitation.sent_at = R.SendStatus.SENT, timezone.now()
    _save(invitation, by)
    return invitation.channel


def _invite(*, consultation, trajectory, contact_phone, consenting, by, transports) -> str:
    participant = trajectory.participant
    channel, address = _channel(participant, consenting)
    invitation = R(
        region=consultation.region,
        consultation=consultation,
        baseline_consultation=trajectory.baseline_consultation,
        participant=participant,
        trajectory=trajectory,
        channel=channel,
        send_status=R.SendStatus.PENDING if channel in ELECTRONIC else R.SendStatus.NOT_SENT,
        language=letter_language(participant),
        contact_phone=contact_phone,
        invited_by=by.user,
    )
    try:
        with transaction.atomic():
            _save(invitation, by)
    except IntegrityError:  # another run invited this person a moment ago
        return "already"
    if channel not in ELECTRONIC:
        return R.Channel.LETTER
    return _send(invitation=invitation, address=address, by=by, transports=transports)


def invitations_generate(
    *, consultation, baselines, contact_phone: str, by: Actor, transports=None
) -> Counter:
    """Invite everyone who was present at one of `baselines` and whose trajectory still waits
    for its 6-month session. Running it again invites only those not invited yet.

    Returns counts only: sms, email, letter, failed, already.
    """
    policies.check_can_invite_for(consultation=consultation, baselines=baselines)
    contact_phone = contact_phone.strip()
    if not contact_phone:
        raise ValidationError({"contact_phone": _("Give a phone number people can call.")})
    trajectories = list(
        trajectories_awaiting_return(baseline_ids=[b.pk for b in baselines])
        .filter(_present_at_first_session(), participant__anonymised_at__isnull=True)
        .select_related("participant__contact_preference")
        .order_by("participant__family_name", "id")
    )
    ids = [t.participant_id for t in trajectories]
    done = selectors.invited_participant_ids(consultation=consultation, participant_ids=ids)
    consenting = set(
        consent_current_queryset(selectors.CONTACT)
        .filter(participant_id__in=ids)
        .values_list("participant_id", flat=True)
    )
    transports = transports or {"sms": sms_transport(), "email": email_transport()}
    counts = Counter()
    for trajectory in trajectories:
        if trajectory.participant_id in done:
            counts["already"] += 1
            continue
        done.add(trajectory.participant_id)
        counts[
            _invite(
                consultation=consultation,
                trajectory=trajectory,
                contact_phone=contact_phone,
                consenting=consenting,
                by=by,
                transports=transports,
            )
        ] += 1
    return counts


def invitation_register(*, invitation, by: Actor) -> Registration:
    """A place in the 6-month session, through the registrations service (so the trajectory
    links it as its return)."""
    policies.check_can_register(invitation=invitation)
    with translation.override(settings.LANGUAGE_CODE):
        reason = _("Invited for the 6-month session")
    return registration_create(
        consultation=invitation.consultation,
        participant=invitation.participant,
        channel=Registration.Channel.PROFESSIONAL,
        referral_reason=reason,
        by=by,
    )


def _move_trajectory(*, trajectory, reason, text, by):
    if reason in policies.STOP_REASONS and can_move_trajectory(
        trajectory=trajectory, to_status=Trajectory.Status.STOPPED
    ):
        trajectory_stop(trajectory=trajectory, reason=text, by=by)
    elif can_move_trajectory(trajectory=trajectory, to_status=Trajectory.Status.LOST):
        trajectory_mark_lost(trajectory=trajectory, reason=text, by=by)


def invitation_record_not_coming(*, invitation, reason: str, note: str, by: Actor):
    """The participant will not come: the reason is kept on the invitation and the trajectory
    stops (their choice: no interest, too ill) or is marked lost (moved away, unreachable,
    other). A trajectory that is already lost keeps its status."""
    registered = selectors.invitation_is_registered(invitation=invitation)
    policies.check_can_record_not_coming(invitation=invitation, registered=registered)
    invitation.not_coming_reason = reason
    invitation.not_coming_note = note.strip()[:200]
    invitation.not_coming_at = timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        label = R.NotComing(reason).label if reason in R.NotComing.values else reason
        text = _("6-month session: %(reason)s") % {"reason": label}
    if invitation.not_coming_note:
        text = f"{text}: {invitation.not_coming_note}"
    with transaction.atomic():
        _save(invitation, by)
        _move_trajectory(trajectory=invitation.trajectory, reason=reason, text=text[:200], by=by)
    return invitation
