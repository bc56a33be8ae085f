"""Writes for notifications: opt-outs, and sending the reminders (the ledger makes it idempotent).

Sending is at most once: the ledger row is committed as PENDING before the transport is
called, and a PENDING row is never picked up again, even if the process died after sending.
"""

import datetime as dt
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.notifications import selectors
from groepsconsult.notifications.messages import (
    confirmation_message,
    mobile_number,
    reminder_language,
    reminder_message,
)
from groepsconsult.notifications.models import ContactPreference, OutboundMessage
from groepsconsult.notifications.transports import TransportError, email_transport, sms_transport

PURPOSE = Purpose.REMINDER
Status = OutboundMessage.Status


def contact_preference_set(
    *, participant, sms_opt_out: bool, email_opt_out: bool, by: Actor
) -> ContactPreference:
    preference = selectors.contact_preference_for(participant=participant)
    preference.sms_opt_out = sms_opt_out
    preference.email_opt_out = email_opt_out
    preference.changed_by = by.username
    return audited_save(
        instance=preference,
        by=by,
        purpose=Purpose.CONTACT_PREFERENCES,
        participant_ids=[participant.public_id],
    )


def _preference(participant):
    try:
        return participant.contact_preference
    except ContactPreference.DoesNotExist:
        return ContactPreference(participant=participant)


def reminder_route(participant, *, contact=None) -> tuple[str, str, str]:
    """(channel, address, skip status): SMS to a mobile, else e-mail; opt-outs respected.

    The addresses are the participant's, or those of `contact` (what was just submitted).
    """
    preference = _preference(participant)
    contact = contact or participant
    mobile = mobile_number(contact.phone)
    if mobile and not preference.sms_opt_out:
        return OutboundMessage.Channel.SMS, mobile, ""
    if contact.email and not preference.email_opt_out:
        return OutboundMessage.Channel.EMAIL, contact.email, ""
    if mobile or contact.email:
        return OutboundMessage.Channel.NONE, "", Status.OPTED_OUT
    return OutboundMessage.Channel.NONE, "", Status.NO_CONTACT


def _log(*, by, registration, action, detail):
    access_log_write(
        by=selectors.actor_in_region(by, registration),
        action=action,
        subject_type="outboundmessage",
        subject_ids=[registration.public_id],
        participant_ids=[registration.participant.public_id],
        purpose=PURPOSE,
        detail=detail,
    )


def _claim(*, registration, channel, status, language, by) -> OutboundMessage | None:
    """Write the ledger row for this attempt; None when another run got there first."""
    existing = registration.reminders[0] if registration.reminders else None
    fields = dict(channel=channel, status=status, language=language, error="")
    with transaction.atomic():
        if existing is None:
            message = OutboundMessage(registration=registration, kind="reminder", **fields)
            message.full_clean(validate_unique=False)
            try:
                with transaction.atomic():
                    message.save()
            except IntegrityError:
                return None
            action = AccessEvent.Action.CREATE
        else:
            # Conditional update: only if nobody changed the row since we read it.
            claimed = OutboundMessage.objects.filter(
                pk=existing.pk, status=existing.status, attempts=existing.attempts
            ).update(**fields, updated_at=timezone.now())
            if not claimed:
                return None
            message = OutboundMessage.objects.get(pk=existing.pk)
            action = AccessEvent.Action.CHANGE
        if status == Status.PENDING:
            OutboundMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1)
        _log(by=by, registration=registration, action=action, detail=f"reminder {status}")
    return message


def _finish(*, message, registration, status, by, provider_ref="", error=""):
    message.status = status
    message.provider_ref = provider_ref[:100]
    message.error = error[:200]
    message.sent_at = timezone.now() if status == Status.SENT else None
    with transaction.atomic():
        message.full_clean(validate_unique=False, exclude=["attempts"])
        message.save(update_fields=["status", "provider_ref", "error", "sent_at", "updated_at"])
        _log(
            by=by,
            registration=registration,
            action=AccessEvent.Action.CHANGE,
            detail=f"{message.kind} {status}",
        )


def reminder_send(*, registration, by: Actor, transports) -> str:
    """Send (or skip) the reminder for one registration; returns the outcome for the summary."""
    channel, address, skip = reminder_route(registration.participant)
    if skip:
        current = registration.reminders[0].status if registration.reminders else None
        if current != skip:
            _claim(registration=registration, channel=channel, status=skip, language="", by=by)
        return skip
    message_out, language = reminder_message(registration=registration, channel=channel, to=address)
    message = _claim(
        registration=registration, channel=channel, status=Status.PENDING, language=language, by=by
    )
    if message is None:
        return "already"
    try:
        ref = transports[channel].send(message_out)
    except TransportError as exc:
        _finish(
            message=message, registration=registration, status=Status.FAILED, by=by, error=str(exc)
        )
        return Status.FAILED
    _finish(message=message, registration=registration, status=Status.SENT, by=by, provider_ref=ref)
    return f"sent_{channel}"


def reminders_send_due(*, today: dt.date, by: Actor, transports=None) -> Counter:
    """Send the reminders for sessions two days after `today`; safe to run every hour.

    Returns counts only (sent_sms, sent_email, failed, opted_out, no_contact, already).
    """
    transports = transports or {"sms": sms_transport(), "email": email_transport()}
    session_day = today + dt.timedelta(days=selectors.REMIND_DAYS_AHEAD)
    counts = Counter()
    for registration in selectors.reminder_registrations_due(session_day=session_day, by=by):
        counts[reminder_send(registration=registration, by=by, transports=transports)] += 1
    return counts


def confirmation_send(*, registration, contact, by: Actor, transports=None) -> str:
    """Confirm a public sign-up, once, to the phone or e-mail the resident gave (`contact`, the
    form as submitted), in the language they chose; recorded in the ledger and the access log.

    A failing transport is recorded as failed, never raised: the place is taken either way.
    """
    channel, address, skip = reminder_route(registration.participant, contact=contact)
    language = reminder_language(contact)
    with transaction.atomic():
        message, created = OutboundMessage.objects.select_for_update().get_or_create(
            registration=registration,
            kind=OutboundMessage.Kind.CONFIRMATION,
            defaults={"channel": channel, "status": skip or Status.PENDING, "language": language},
        )
        if not created:
            return "already"
        OutboundMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1)
        _log(
            by=by,
            registration=registration,
            action=AccessEvent.Action.CREATE,
            detail=f"confirmation {message.status}",
        )
    if skip:
        return skip
    outgoing = confirmation_message(
        registration=registration, channel=channel, to=address, language=language
    )
    transports = transports or {"sms": sms_transport(), "email": email_transport()}
    try:
        ref = transports[channel].send(outgoing)
    except TransportError as exc:
        _finish(
            message=message, registration=registration, status=Status.FAILED, by=by, error=str(exc)
        )
        return Status.FAILED
    _finish(message=message, registration=registration, status=Status.SENT, by=by, provider_ref=ref)
    return f"sent_{channel}"
