"""The follow-up call worklist: only participants who currently consent to be contacted by a
health champion (consent in the query: a withdrawal removes them at once), first session between
6 weeks and 3 months ago, not finished, attempts under the cap, ordered by due date.

Short lines: someone with money worries (social-risk questionnaire) or not yet aware of their
risk (learning stage) is due a week earlier and may be tried more often.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_write
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_current_exists, participants_with_consent
from groepsconsult.followups.models import FINAL_OUTCOMES, FollowUpAttempt, Story
from groepsconsult.participants.selectors import (
    participant_visible_q,
    participant_visible_queryset,
)
from groepsconsult.questionnaires.selectors import participants_answering
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.selectors import registration_get_for_user
from groepsconsult.trajectories.selectors import trajectories_for_session

PURPOSE = Purpose.FOLLOW_UP_CALL
WINDOW_START = dt.timedelta(weeks=6)
WINDOW_END = dt.timedelta(days=91)  # 3 months
DUE_AFTER = dt.timedelta(weeks=7)
SHORT_LINES_DUE_AFTER = dt.timedelta(weeks=6)
MAX_ATTEMPTS = 3
SHORT_LINES_MAX_ATTEMPTS = 5


@dataclass
class WorkItem:
    registration: Registration
    due_on: dt.date
    short_lines: bool
    attempts: list = field(default_factory=list)

    @property
    def participant(self):
        return self.registration.participant

    @property
    def last(self):
        return self.attempts[-1] if self.attempts else None

    @property
    def max_attempts(self):
        return SHORT_LINES_MAX_ATTEMPTS if self.short_lines else MAX_ATTEMPTS


def contactable_queryset(*, membership):
    return participants_with_consent(
        participant_visible_queryset(membership=membership),
        ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION,
    )


def _registrations_in_window(*, membership, today):
    start = dt.datetime.combine(today - WINDOW_END, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(today - WINDOW_START, dt.time.max, tzinfo=dt.UTC)
    return (
        Registration.objects.filter(
            consultation__region=membership.region,
            consultation__kind="first",
            consultation__starts_at__range=(start, end),
            participant__in=contactable_queryset(membership=membership),
        )
        .exclude(status=Registration.Status.CANCELLED)
        .exclude(attendance="absent")
        .select_related("participant", "consultation")
    )


def _attempts_by_key(registrations):
    rows = FollowUpAttempt.objects.filter(
        participant_id__in=[r.participant_id for r in registrations],
        consultation_id__in={r.consultation_id for r in registrations},
    ).order_by("called_at", "id")
    grouped: dict[tuple, list] = {}
    for row in rows:
        grouped.setdefault((row.participant_id, row.consultation_id), []).append(row)
    return grouped


def _trajectory_due_dates(registrations) -> dict:
    """participant id -> the trajectory's follow-up call date (one query per session)."""
    by_session: dict = {}
    for r in registrations:
        by_session.setdefault(r.consultation, []).append(r.participant_id)
    due = {}
    for consultation, ids in by_session.items():
        found = trajectories_for_session(participant_ids=ids, consultation=consultation)
        due.update({pid: t.follow_up_call_due for pid, t in found.items()})
    return due


def _due_on(registration, planned, short_lines) -> dt.date:
    """The trajectory's due date, else 7 weeks after the session; short lines a week earlier."""
    session_day = registration.consultation.starts_at.date()
    due = planned or session_day + DUE_AFTER
    if short_lines:
        due = min(due, session_day + SHORT_LINES_DUE_AFTER)
    return due


def _is_open(item, today) -> bool:
    last = item.last
    if last and last.outcome in FINAL_OUTCOMES:
        return False
    if len(item.attempts) >= item.max_attempts:
        return False
    return not (last and last.retry_on and last.retry_on > today)


def worklist_for_user(*, membership, by, today):
    """Open calls, due first; one LIST access event per participant shown (fixed queries)."""
    registrations = list(_registrations_in_window(membership=membership, today=today))
    ids = [r.participant_id for r in registrations]
    short = participants_answering(
        participant_ids=ids, code="social_risks", question="money_worries"
    )
    attempts = _attempts_by_key(registrations)
    planned = _trajectory_due_dates(registrations)
    items = []
    for r in registrations:
        is_short = r.participant_id in short
        item = WorkItem(
            registration=r,
            due_on=_due_on(r, planned.get(r.participant_id), is_short),
            short_lines=is_short,
            attempts=attempts.get((r.participant_id, r.consultation_id), []),
        )
        if _is_open(item, today):
            items.append(item)
    items.sort(key=lambda i: (i.due_on, not i.short_lines, i.participant.family_name))
    access_log_write(
        by=by,
        action=AccessEvent.Action.LIST,
        subject_type="followup",
        participant_ids=[i.participant.public_id for i in items],
        purpose=PURPOSE,
    )
    return items


def registration_get_for_call(*, membership, by, public_id):
    """The registration to call about: 404 outside the region or without contact consent."""
    registration = registration_get_for_user(
        membership=membership,
        public_id=public_id,
        only_if=consent_current_exists(
            ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION, participant_ref="participant"
        ),
    )
    access_log_write(
        by=by,
        action=AccessEvent.Action.VIEW,
        subject_type="followup",
        subject_ids=[registration.public_id],
        participant_ids=[registration.participant.public_id],
        purpose=PURPOSE,
    )
    return registration


def attempt_list(*, registration):
    return list(
        FollowUpAttempt.objects.filter(
            participant=registration.participant, consultation=registration.consultation
        ).select_related("called_by")
    )


def reached_rate_by_caller(*, region):
    """Per caller: attempts and how many reached someone (no personal data)."""
    return list(
        FollowUpAttempt.objects.in_region(region)
        .values("called_by__username")
        .annotate(attempts=Count("id"), reached=Count("id", filter=Q(outcome="reached")))
        .order_by("called_by__username")
    )


# --- The interdisciplinary review list ------------------------------------------------------

LOST_OUTCOMES = frozenset({"wrong_number", "declined", "moved_away"})


@dataclass
class ReviewRow:
    participant: object
    signals: list = field(default_factory=list)
    unanswered: int = 0  # no-answer attempts of an unfinished call
    lost_reason: str = ""  # why this person is lost to follow-up, if they are


def _calls_by_participant(*, region, participant_ids=None):
    rows = FollowUpAttempt.objects.in_region(region).order_by("called_at", "id")
    if participant_ids is not None:
        rows = rows.filter(participant_id__in=participant_ids)
    calls: dict[int, list] = {}
    for row in rows.select_related("participant__neighbourhood"):
        calls.setdefault(row.participant_id, []).append(row)
    return calls


def _call_state(row: ReviewRow, attempts):
    last = attempts[-1]
    if last.outcome in LOST_OUTCOMES:
        row.lost_reason = last.get_outcome_display()
    elif last.outcome == "no_answer":
        row.unanswered = len(attempts)
        if len(attempts) >= SHORT_LINES_MAX_ATTEMPTS:
            row.lost_reason = str(FollowUpAttempt.Outcome.NO_ANSWER.label)


def review_list_for_user(*, membership, by, signals, neighbourhood=None):
    """One row per participant needing the team's attention, per neighbourhood.

    `signals` are the region's open signals (handovers.selectors.signal_list_for_user: stalled or
    stopped hand-overs, red values without GP feedback, needs-help calls).
    """
    visible = set(participant_visible_queryset(membership=membership).values_list("pk", flat=True))
    rows: dict[int, ReviewRow] = {}
    for signal in signals:
        row = rows.setdefault(signal.participant_id, ReviewRow(participant=signal.participant))
        row.signals.append(signal)
    for pid, attempts in _calls_by_participant(region=membership.region).items():
        if pid not in visible:
            continue
        row = rows.get(pid) or ReviewRow(participant=attempts[0].participant)
        _call_state(row, attempts)
        if row.signals or row.unanswered or row.lost_reason:
            rows[pid] = row
    result = [r for r in rows.values() if r.participant.pk in visible]
    if neighbourhood:
        result = [
            r
            for r in result
            if str(getattr(r.participant.neighbourhood, "public_id", "")) == neighbourhood
        ]
    result.sort(key=lambda r: (str(r.participant.neighbourhood or ""), r.participant.family_name))
    access_log_write(
        by=by,
        action=AccessEvent.Action.LIST,
        subject_type="review",
        participant_ids=[r.participant.public_id for r in result],
        purpose=Purpose.REVIEW_MEETING,
    )
    return result


# ---- stories for the funder report --------------------------------------------------------


def story_consent_exists():
    """EXISTS(current consent "share my story anonymously in reports") for a story's participant."""
    return consent_current_exists(ConsentPurpose.SHARE_STORY, participant_ref="participant")


def story_list_for_user(*, membership):
    """The region's stories the user may see (a health champion: only people who agreed to be
    contacted), newest first, each with `shareable` (story consent current): one query."""
    return (
        Story.objects.in_region(membership.region)
        .filter(participant_visible_q(membership=membership, via="participant__"))
        .annotate(shareable=story_consent_exists())
        .select_related("participant", "recorded_by")
    )


def story_list_log(*, stories, by):
    """One LIST access event per participant on the page shown."""
    if stories:
        access_log_write(
            by=by,
            action=AccessEvent.Action.LIST,
            subject_type="story",
            subject_ids=[s.public_id for s in stories],
            participant_ids=[s.participant.public_id for s in stories],
            purpose=PURPOSE,
        )


def story_report_list(*, region, start=None, end=None, limit=6):
    """[(quote, recorded on)] for the funder report: only while the participant's story consent
    is given and not withdrawn (checked in the query), never a name or any other field."""
    stories = Story.objects.in_region(region).filter(story_consent_exists()).exclude(text="")
    if start:
        stories = stories.filter(recorded_on__gte=start)
    if end:
        stories = stories.filter(recorded_on__lte=end)
    return list(stories.values_list("text", "recorded_on")[:limit])
