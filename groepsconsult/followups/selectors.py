"""The follow-up call worklist: only participants who currently consent to be contacted by a
health champion (consent in the query: a withdrawal removes them at once), first session between
6 weeks and 3 months ago, not finished, attempts under the cap, ordered by due date.

Short lines: someone with money worries (social-risk questionnaire) or not yet aware of their
risk (learning stage) is due a week earlier and may be tried more often.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Least, TruncDate

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_records, access_log_write
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_current_exists
from groepsconsult.followups.models import FINAL_OUTCOMES, FollowUpAttempt, Story
from groepsconsult.handovers.selectors import signal_open_exists, signals_open_for_participants
from groepsconsult.participants.selectors import (
    participant_visible_q,
    participant_visible_queryset,
)
from groepsconsult.questionnaires.selectors import answering_exists
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.selectors import trajectory_for_session_subquery

PURPOSE = Purpose.FOLLOW_UP_CALL
WINDOW_START = dt.timedelta(weeks=6)
WINDOW_END = dt.timedelta(days=91)  # 3 months
DUE_AFTER = dt.timedelta(weeks=7)
SHORT_LINES_DUE_AFTER = dt.timedelta(weeks=6)
MAX_ATTEMPTS = 3
SHORT_LINES_MAX_ATTEMPTS = 5


@dataclass
class WorkItem:
    """One open call on the worklist page (built from one annotated registration)."""

    registration: Registration
    due_on: dt.date
    short_lines: bool
    attempts: int = 0
    last_outcome: str = ""

    @property
    def participant(self):
        return self.registration.participant

    @property
    def last_outcome_label(self):
        return FollowUpAttempt.Outcome(self.last_outcome).label if self.last_outcome else ""

    @property
    def max_attempts(self):
        return SHORT_LINES_MAX_ATTEMPTS if self.short_lines else MAX_ATTEMPTS


def short_lines_exists(participant_ref="participant"):
    """EXISTS(money worries on the social-risk questionnaire) for the participant at the ref."""
    return answering_exists(
        code="social_risks", question="money_worries", participant_ref=participant_ref
    )


def short_lines_for(registration) -> bool:
    """Does this registration's participant get the short lines (one query)?"""
    return Registration.objects.filter(pk=registration.pk).filter(short_lines_exists()).exists()


def _attempt_count(rows):
    """COUNT(*) of the correlated `rows` as a subquery (0 when there are none)."""
    counted = rows.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _days_after(day, delta):
    """`day` + `delta` as a date, on SQLite and PostgreSQL alike."""
    return Cast(day + Value(delta), output_field=DateField())


def _registrations_in_window(*, membership, today):
    start = dt.datetime.combine(today - WINDOW_END, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(today - WINDOW_START, dt.time.max, tzinfo=dt.UTC)
    return (
        Registration.objects.filter(
            participant_visible_q(membership=membership, via="participant__"),
            contact_consent_exists(),
            consultation__region=membership.region,
            consultation__kind="first",
            consultation__starts_at__range=(start, end),
        )
        .exclude(status=Registration.Status.CANCELLED)
        .exclude(attendance="absent")
    )


def _with_call_state(registrations):
    """Annotate short lines, the due date and the attempts of this call, all in SQL.

    Due: the trajectory's follow-up call date, else 7 weeks after the session; short lines at
    the latest 6 weeks after it (`trajectory_for_session_subquery` picks the trajectory)."""
    attempts = FollowUpAttempt.objects.filter(
        participant_id=OuterRef("participant_id"), consultation_id=OuterRef("consultation_id")
    )
    last = attempts.order_by("-called_at", "-id")
    session_day = TruncDate("consultation__starts_at", tzinfo=dt.UTC)
    planned = trajectory_for_session_subquery(
        "follow_up_call_due", participant_ref="participant_id", consultation_ref="consultation_id"
    )
    return (
        registrations.alias(planned_due=planned)
        .annotate(short_lines=short_lines_exists())
        .alias(
            due_default=Coalesce(
                F("planned_due"), _days_after(session_day, DUE_AFTER), output_field=DateField()
            )
        )
        .annotate(
            due_on=Case(
                When(
                    short_lines=True,
                    then=Least(F("due_default"), _days_after(session_day, SHORT_LINES_DUE_AFTER)),
                ),
                default=F("due_default"),
                output_field=DateField(),
            ),
            attempt_count=_attempt_count(attempts),
            last_outcome=Subquery(last.values("outcome")[:1]),
            last_retry_on=Subquery(last.values("retry_on")[:1]),
            max_attempts=Case(
                When(short_lines=True, then=Value(SHORT_LINES_MAX_ATTEMPTS)),
                default=Value(MAX_ATTEMPTS),
            ),
        )
    )


def worklist_queryset(*, membership, today):
    """Open calls, due first (short lines first on the same day), one query for any page.

    Open: no final outcome yet, attempts under the cap, and no retry date still ahead."""
    rows = _with_call_state(_registrations_in_window(membership=membership, today=today))
    return (
        rows.filter(Q(last_outcome__isnull=True) | ~Q(last_outcome__in=FINAL_OUTCOMES))
        .filter(attempt_count__lt=F("max_attempts"))
        .filter(Q(last_retry_on__isnull=True) | Q(last_retry_on__lte=today))
        .select_related("participant", "consultation")
        .order_by("due_on", "-short_lines", "participant__family_name", "pk")
    )


def worklist_items(*, rows, by):
    """The page's rows as WorkItems; one LIST access event for the participants shown."""
    items = [
        WorkItem(
            registration=r,
            due_on=r.due_on,
            short_lines=r.short_lines,
            attempts=r.attempt_count,
            last_outcome=r.last_outcome or "",
        )
        for r in rows
    ]
    if items:
        access_log_write(
            by=by,
            action=AccessEvent.Action.LIST,
            subject_type="followup",
            participant_ids=[i.participant.public_id for i in items],
            purpose=PURPOSE,
        )
    return items


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
# A last call with one of these puts the participant on the agenda (unanswered or lost).
REVIEW_OUTCOMES = sorted(LOST_OUTCOMES | {"no_answer"})
REVIEW_PAGE_SIZE = 100  # a meeting's agenda: per neighbourhood it rarely fills one page


@dataclass
class ReviewRow:
    participant: object
    signals: list
    unanswered: int = 0  # no-answer attempts of an unfinished call
    lost_reason: str = ""  # why this person is lost to follow-up, if they are


def review_queryset(*, membership, neighbourhood=None):
    """Visible participants needing the team's attention, by neighbourhood and name: an open
    signal (stalled or stopped hand-overs, red values without GP feedback, needs help), or a
    last follow-up call that was not answered or lost them. One query for any page.

    Lost: wrong number, moved away, does not want to talk, or no answer after every attempt of
    the call (5 with short lines, else 3)."""
    attempts = FollowUpAttempt.objects.filter(participant_id=OuterRef("pk"))
    last = attempts.order_by("-called_at", "-id")
    unanswered = FollowUpAttempt.objects.filter(
        participant_id=OuterRef("pk"),
        consultation_id=OuterRef("last_consultation_id"),
        outcome=FollowUpAttempt.Outcome.NO_ANSWER,
    )
    called = FollowUpAttempt.objects.in_region(membership.region).filter(
        outcome__in=REVIEW_OUTCOMES
    )
    rows = (
        participant_visible_queryset(membership=membership)
        .annotate(
            open_signal=signal_open_exists(participant_ref="pk"),
            last_outcome=Subquery(last.values("outcome")[:1]),
            last_consultation_id=Subquery(last.values("consultation_id")[:1]),
            short_lines=short_lines_exists(participant_ref="pk"),
        )
        .annotate(unanswered=_attempt_count(unanswered))
        .filter(
            Q(open_signal=True)
            | Q(pk__in=called.values("participant_id"), last_outcome__in=REVIEW_OUTCOMES)
        )
        .select_related("neighbourhood")
        .order_by(F("neighbourhood__name").asc(nulls_first=True), "family_name", "given_name", "pk")
    )
    if neighbourhood:
        rows = rows.filter(neighbourhood__public_id=neighbourhood)
    return rows


def _review_row(participant, signals):
    row = ReviewRow(participant=participant, signals=signals)
    outcome = participant.last_outcome
    if outcome in LOST_OUTCOMES:
        row.lost_reason = str(FollowUpAttempt.Outcome(outcome).label)
    elif outcome == FollowUpAttempt.Outcome.NO_ANSWER:
        row.unanswered = participant.unanswered
        cap = SHORT_LINES_MAX_ATTEMPTS if participant.short_lines else MAX_ATTEMPTS
        if row.unanswered >= cap:
            row.lost_reason = str(FollowUpAttempt.Outcome.NO_ANSWER.label)
    return row


def review_rows(*, membership, by, participants):
    """The page's participants as ReviewRows with their open signals (one query), logged:
    one LIST event for the participants and one for the signals shown."""
    participants = list(participants)
    signals = signals_open_for_participants(
        membership=membership, participant_ids=[p.pk for p in participants]
    )
    by_participant: dict[int, list] = {}
    for signal in signals:
        by_participant.setdefault(signal.participant_id, []).append(signal)
    rows = [_review_row(p, by_participant.get(p.pk, [])) for p in participants]
    if rows:
        access_log_write(
            by=by,
            action=AccessEvent.Action.LIST,
            subject_type="review",
            participant_ids=[r.participant.public_id for r in rows],
            purpose=Purpose.REVIEW_MEETING,
        )
    if signals:
        access_log_records(by=by, records=signals, purpose=Purpose.REVIEW_MEETING)
    return rows


# ---- stories for the funder report --------------------------------------------------------


def contact_consent_exists():
    """EXISTS(current consent "a health champion may contact me") for a registration's
    participant: the worklist, and the call and story pages (`only_if` of
    `registration_get_for_user`), show only those."""
    return consent_current_exists(
        ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION, participant_ref="participant"
    )


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
