"""The only ways to reach registrations (ADR 0006): `registration_queryset_for_user`,
`registration_get_for_user`, `registration_find_by_day_number` and the list helpers below.
Every other app reads registrations through these, so a region or consent fix lands once.
Personal data only through participants.selectors, always logged.

Public readers (no login) return consultations only: never a participant, never a count of who.
"""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import access_log_view, access_log_write
from groepsconsult.consultations.models import Consultation
from groepsconsult.consultations.selectors import (
    consultation_today_list,
    consultation_upcoming_open_list,
)
from groepsconsult.participants.selectors import (
    participant_search,
    participant_visible_q,
    participant_visible_queryset,
)
from groepsconsult.regions.selectors import professional_list
from groepsconsult.registrations.models import (
    SELF_REGISTRATION_NAME,
    Registration,
    SignupRemoval,
)
from groepsconsult.registrations.tokens import registration_id_from_token

_REGISTERED = Q(registrations__status=Registration.Status.REGISTERED)


def _with_counts(queryset):
    return queryset.select_related("neighbourhood", "location", "region").annotate(
        registered_count=Count("registrations", filter=_REGISTERED)
    )


def public_consultation_list():
    """Sessions a resident can still sign up for, in every region, soonest first."""
    return _with_counts(consultation_upcoming_open_list())


def public_consultation_get(*, public_id):
    """One session for the public pages: 404 unless it is open and still to come."""
    return get_object_or_404(public_consultation_list(), public_id=public_id)


def registration_get_by_cancel_token(*, token):
    """The place a confirmation's cancel link names, or 404 (a bad or altered token too)."""
    public_id = registration_id_from_token(token)
    if public_id is None:
        raise Http404
    return get_object_or_404(
        Registration.objects.select_related(
            "participant",
            "consultation__neighbourhood",
            "consultation__location",
            "consultation__region",
        ),
        public_id=public_id,
    )


def public_consultation_get_any(*, public_id):
    """The thank-you page and calendar file also work after the session filled up."""
    return get_object_or_404(
        Consultation.objects.exclude(status=Consultation.Status.DRAFT).select_related(
            "neighbourhood", "location", "region"
        ),
        public_id=public_id,
    )


def consultation_upcoming_for_region(*, region):
    """Sessions from today on, for the coordinator's and host's index (no personal data)."""
    today_start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return _with_counts(
        Consultation.objects.in_region(region).filter(starts_at__gte=today_start)
    ).order_by("starts_at")


def registered_count(*, consultation) -> int:
    return Registration.objects.filter(
        consultation=consultation, status=Registration.Status.REGISTERED
    ).count()


def attendance_counts(*, consultation) -> dict:
    """Present / absent / registered in one aggregate query (the door tally's live count)."""
    active = Q(status=Registration.Status.REGISTERED)
    counts = Registration.objects.filter(consultation=consultation).aggregate(
        registered=Count("pk", filter=active),
        present=Count("pk", filter=active & Q(attendance=Registration.Attendance.PRESENT)),
        absent=Count("pk", filter=active & Q(attendance=Registration.Attendance.ABSENT)),
    )
    counts["capacity"] = consultation.capacity
    counts["open"] = counts["registered"] - counts["present"] - counts["absent"]
    counts["over_capacity"] = counts["present"] > consultation.capacity
    return counts


def attended_participant_count(*, region, year, neighbourhood=None) -> int:
    """Distinct people who came to a first session in `region` in `year` (one COUNT): the
    denominator of cost per participant and of the business case."""
    rows = Registration.objects.filter(
        consultation__region=region,
        consultation__kind=Consultation.Kind.FIRST,
        consultation__starts_at__year=year,
        status=Registration.Status.REGISTERED,
        attendance=Registration.Attendance.PRESENT,
    )
    if neighbourhood is not None:
        rows = rows.filter(consultation__neighbourhood=neighbourhood)
    return rows.values("participant").distinct().count()


def _duplicates(*, consultation, given_name, family_name, date_of_birth):
    """Same name and date of birth already holding a place in this session."""
    return Registration.objects.filter(
        consultation=consultation,
        status=Registration.Status.REGISTERED,
        participant__given_name__iexact=given_name.strip(),
        participant__family_name__iexact=family_name.strip(),
        participant__date_of_birth=date_of_birth,
    )


def registration_duplicate_exists(*, consultation, given_name, family_name, date_of_birth):
    return _duplicates(
        consultation=consultation,
        given_name=given_name,
        family_name=family_name,
        date_of_birth=date_of_birth,
    ).exists()


def registration_queryset_for_user(*, membership, consultation=None, include_cancelled=True):
    """THE base of every read of registrations: sessions of the membership's region whose
    participant it may see (role and consent, `participants.selectors.participant_visible_q`).

    The participant's region and consent are checked by a join and an EXISTS on each row, never
    by an IN (...) of every visible participant, so the cost does not grow with the region.
    """
    qs = Registration.objects.filter(
        participant_visible_q(membership=membership, via="participant__"),
        consultation__region=membership.region,
    ).select_related("participant", "consultation", "consultation__neighbourhood")
    if consultation is not None:
        qs = qs.filter(consultation=consultation)
    if not include_cancelled:
        qs = qs.filter(status=Registration.Status.REGISTERED)
    return qs


def registration_get_for_user(*, membership, public_id, by=None, purpose="", only_if=None):
    """One registration the membership may see, or 404 (other region, no consent).

    `only_if` narrows it further (a Q or expression on the registration, e.g. the follow-up
    call's contact consent): a registration outside it is a 404 too.
    The read is logged as a VIEW when `by` is given; callers that log a wider read themselves
    (the station logs a measurement view, the booklet a booklet view) leave it out.
    """
    qs = registration_queryset_for_user(membership=membership).select_related("referred_by")
    if only_if is not None:
        qs = qs.filter(only_if)
    registration = get_object_or_404(qs, public_id=public_id)
    if by is not None:
        access_log_view(by=by, record=registration, purpose=purpose)
    return registration


def registration_find_by_day_number(*, membership, consultation, day_number):
    """The live registration holding `day_number` in this session, or None (stations, tables
    and talks pick people by it). Locating only: nothing is shown yet, so nothing is logged."""
    return (
        registration_queryset_for_user(
            membership=membership, consultation=consultation, include_cancelled=False
        )
        .filter(day_number=day_number)
        .first()
    )


def registration_self_duplicate_get(*, consultation, participant, known=None):
    """The live place of this person in the session: same name and date of birth as submitted,
    or the place of the known record they were matched to (`participant_same_person`)."""
    same = _duplicates(
        consultation=consultation,
        given_name=participant.given_name,
        family_name=participant.family_name,
        date_of_birth=participant.date_of_birth,
    )
    if known is not None:
        same = same | Registration.objects.filter(
            consultation=consultation, status=Registration.Status.REGISTERED, participant=known
        )
    return same.select_related("participant").first()


def self_registrations_last_hour_count(*, consultation) -> int:
    """Public sign-ups of this session in the past hour, removed ones included (they were tries)."""
    return Registration.objects.filter(
        consultation=consultation,
        channel=Registration.Channel.SELF,
        created_at__gte=timezone.now() - timedelta(hours=1),
    ).count()


def _self_signup_ids_from(*, ip_address):
    """Registration ids the access log records as created by a public sign-up from this address."""
    return AccessEvent.objects.filter(
        username=SELF_REGISTRATION_NAME,
        action=AccessEvent.Action.CREATE,
        subject_type="registration",
        ip_address=ip_address,
    ).values("subject_id")


def self_registrations_removable(*, consultation, since, until, ip_address=None):
    """Public sign-ups still holding a place, in the window, nobody ticked present."""
    registrations = Registration.objects.filter(
        consultation=consultation,
        channel=Registration.Channel.SELF,
        status=Registration.Status.REGISTERED,
        created_at__gte=since,
        created_at__lte=until,
    ).exclude(attendance=Registration.Attendance.PRESENT)
    if ip_address:
        ids = [row["subject_id"] for row in _self_signup_ids_from(ip_address=ip_address)]
        registrations = registrations.filter(public_id__in=ids)
    return list(registrations.select_related("participant"))


def self_signup_sources(*, consultation, since):
    """Public sign-ups of this session per client address since `since`: a flood shows as one
    address with many rows. Addresses only, no names."""
    participants = Registration.objects.filter(
        consultation=consultation, channel=Registration.Channel.SELF, created_at__gte=since
    ).values("participant__public_id")
    return (
        AccessEvent.objects.filter(
            username=SELF_REGISTRATION_NAME,
            action=AccessEvent.Action.CREATE,
            subject_type="registration",
            participant_id__in=participants,
        )
        .values("ip_address")
        .annotate(count=Count("id"))
        .order_by("-count")
    )


def signup_removal_list(*, consultation):
    return SignupRemoval.objects.filter(consultation=consultation).annotate(
        count=Count("registrations")
    )


def signup_removal_get_for_membership(*, membership, public_id):
    return get_object_or_404(
        SignupRemoval.objects.select_related("consultation"),
        consultation__region=membership.region,
        public_id=public_id,
    )


def _log_list(*, by, registrations, purpose, detail):
    access_log_write(
        by=by,
        action=AccessEvent.Action.LIST,
        subject_type="registration",
        subject_ids=[r.public_id for r in registrations],
        participant_ids=[r.participant.public_id for r in registrations],
        purpose=purpose,
        detail=detail,
    )


def registration_list_for_consultation(
    *, membership, consultation, by, purpose, include_cancelled=True, by_day_number=False
):
    """Everyone registered for one session that this membership may see; one LIST row each.

    A session holds at most a few dozen people, so the whole list is one page (two queries).
    Sorted by name, or by day number for picking on a tablet.
    """
    qs = registration_queryset_for_user(
        membership=membership, consultation=consultation, include_cancelled=include_cancelled
    ).select_related("referred_by")
    order = ("participant__family_name", "participant__given_name", "created_at")
    registrations = list(qs.order_by(*(("day_number", *order) if by_day_number else order)))
    _log_list(
        by=by,
        registrations=registrations,
        purpose=purpose,
        detail=f"registrations of consultation {consultation.public_id}",
    )
    return registrations


def registration_next_day_number(*, consultation) -> int:
    """One more than the highest number handed out today (numbers are never reused)."""
    highest = Registration.objects.filter(consultation=consultation).aggregate(
        highest=Max("day_number")
    )["highest"]
    return (highest or 0) + 1


def participant_search_for_registration(*, membership, by, q, purpose, limit=20):
    """Participants matching a posted name search, for picking one to register (logged)."""
    if not q.strip():
        return []
    qs = participant_search(
        participant_visible_queryset(membership=membership).select_related("neighbourhood"), q
    )
    participants = list(qs[:limit])
    access_log_write(
        by=by,
        action=AccessEvent.Action.LIST,
        subject_type="participant",
        participant_ids=[p.public_id for p in participants],
        purpose=purpose,
        detail="search to register for a session",
    )
    return participants


def professional_list_for_region(*, region):
    return professional_list(region=region).filter(is_active=True)


def _attendance_annotations():
    active = Q(registrations__status=Registration.Status.REGISTERED)
    present = Q(registrations__attendance=Registration.Attendance.PRESENT)
    absent = Q(registrations__attendance=Registration.Attendance.ABSENT)
    return {
        "registered_count": Count("registrations", filter=active),
        "present_count": Count("registrations", filter=active & present),
        "absent_count": Count("registrations", filter=active & absent),
    }


DOOR_PANEL_LIMIT = 4  # today's sessions on the dashboard; the sessions page lists them all


def door_dashboard_panel(request):
    """The "Today" panel for whoever ticks the door: today's first sessions with their tally.

    Counts only (no names), so nothing is logged; one query, and at most DOOR_PANEL_LIMIT
    sessions (one more fetched to know there are more: then a link to the sessions page).
    """
    membership = request.membership
    if not membership.has_permission(Permission.ATTENDANCE_RECORD):
        return None
    sessions = list(
        consultation_today_list(region=membership.region).annotate(**_attendance_annotations())[
            : DOOR_PANEL_LIMIT + 1
        ]
    )
    return {
        "template": "registrations/_dashboard_panel.html",
        "today": True,
        "sessions": sessions[:DOOR_PANEL_LIMIT],
        "more": len(sessions) > DOOR_PANEL_LIMIT,
    }
