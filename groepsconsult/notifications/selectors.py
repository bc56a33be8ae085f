"""Reads for reminders: who is due, and what was sent per consultation.

Registrations join participants (names, phone numbers, e-mail), so every read that returns
them writes the access log, like participants.selectors does.
"""

import datetime as dt
from dataclasses import replace
from itertools import groupby

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.consultations.models import Consultation
from groepsconsult.core.http import PAGE_SIZE
from groepsconsult.core.pagination import CappedPaginator
from groepsconsult.notifications.models import ContactPreference, OutboundMessage
from groepsconsult.registrations.models import Registration

REMIND_DAYS_AHEAD = 2
REMINDABLE_STATUSES = (Consultation.Status.OPEN, Consultation.Status.FULL)


def local_day_bounds(day: dt.date):
    """[start, end) of a calendar day in the project's time zone, as aware datetimes."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
    return start, end


def reminder_registrations_due(*, session_day: dt.date, by: Actor, purpose=Purpose.REMINDER):
    """Registrations for open or full sessions on `session_day` that still need a reminder.

    Excluded: cancelled registrations, sessions in draft/held/cancelled, and registrations whose
    reminder was sent, is being sent, or failed too often. Across all regions (cron has none).
    """
    start, end = local_day_bounds(session_day)
    done = OutboundMessage.objects.filter(
        registration=OuterRef("pk"), kind=OutboundMessage.Kind.REMINDER
    ).filter(
        ~Q(status__in=OutboundMessage.RETRYABLE) | Q(attempts__gte=OutboundMessage.MAX_ATTEMPTS)
    )
    registrations = list(
        Registration.objects.filter(
            status=Registration.Status.REGISTERED,
            consultation__status__in=REMINDABLE_STATUSES,
            consultation__starts_at__gte=start,
            consultation__starts_at__lt=end,
        )
        .exclude(Exists(done))
        .select_related(
            "participant",
            "participant__contact_preference",
            "consultation",
            "consultation__location",
            "consultation__region",
        )
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=OutboundMessage.objects.filter(kind=OutboundMessage.Kind.REMINDER),
                to_attr="reminders",
            )
        )
        .order_by("consultation__region_id", "consultation__starts_at", "pk")
    )
    for _region, group in groupby(registrations, key=lambda r: r.consultation.region_id):
        group = list(group)
        access_log_write(
            by=actor_in_region(by, group[0]),
            action=AccessEvent.Action.VIEW,
            subject_type="registration",
            subject_ids=[r.public_id for r in group],
            participant_ids=[r.participant.public_id for r in group],
            purpose=purpose,
        )
    return registrations


def actor_in_region(by: Actor, registration) -> Actor:
    """The cron actor has no region; stamp the registration's, so the region's privacy officer
    finds these reads in the access log (it is searched per region)."""
    if by.region_slug:
        return by
    return replace(by, region_slug=registration.consultation.region.slug)


def contact_preference_for(*, participant):
    """The participant's opt-outs, or an unsaved default (everything welcome)."""
    return ContactPreference.objects.filter(participant=participant).first() or ContactPreference(
        participant=participant
    )


def consultation_message_summary(*, region, page_number=1, today=None):
    """Consultations of the region from 30 days ago on, with reminder counts per outcome.

    One COUNT and one aggregated page query, however many messages there are.
    """
    since = (today or timezone.localdate()) - dt.timedelta(days=30)
    reminder = Q(registrations__messages__kind=OutboundMessage.Kind.REMINDER)
    status = "registrations__messages__status"
    qs = (
        Consultation.objects.in_region(region)
        .filter(starts_at__date__gte=since)
        .select_related("neighbourhood", "location")
        .annotate(
            n_registered=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.REGISTERED),
                distinct=True,
            ),
            n_sent=Count("registrations__messages", filter=reminder & Q(**{status: "sent"})),
            n_failed=Count("registrations__messages", filter=reminder & Q(**{status: "failed"})),
            n_skipped=Count(
                "registrations__messages",
                filter=reminder & Q(**{f"{status}__in": ["opted_out", "no_contact"]}),
            ),
        )
        .order_by("starts_at")
    )
    return CappedPaginator(qs, PAGE_SIZE).get_page(page_number)


def registration_messages_for_consultation(*, consultation, by: Actor, purpose):
    """The consultation's registrations with their reminder outcome; the read is logged."""
    registrations = list(
        Registration.objects.filter(consultation=consultation)
        .select_related("participant", "participant__contact_preference")
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=OutboundMessage.objects.filter(kind=OutboundMessage.Kind.REMINDER),
                to_attr="reminders",
            )
        )
        .order_by("participant__family_name", "participant__given_name")
    )
    access_log_write(
        by=by,
        action=AccessEvent.Action.LIST,
        subject_type="registration",
        participant_ids=[r.participant.public_id for r in registrations],
        purpose=purpose,
        detail=f"reminders of consultation {consultation.public_id}",
    )
    return registrations
