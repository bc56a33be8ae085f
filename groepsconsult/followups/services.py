"""Record a follow-up call attempt: consent re-checked, attempts capped, audited; "needs more
help" puts the participant on the region's signal list for the team to pick up, and a call
that changed something sends GP feedback (gpfeedback decides consent and practice)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_current_queryset
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.followups.models import FINAL_OUTCOMES, FollowUpAttempt, Story
from groepsconsult.followups.selectors import MAX_ATTEMPTS, PURPOSE, SHORT_LINES_MAX_ATTEMPTS
from groepsconsult.gpfeedback.services import gp_feedback_after_follow_up_call
from groepsconsult.handovers.models import Signal
from groepsconsult.handovers.services import signal_raise

TALK_FIELDS = ("how_was_it", "steps_taken", "goal_progress", "needs_help")


def call_changed_something(attempt) -> bool:
    """A reached call whose talk changes the picture for the GP: more help needed, or the
    goal reached. Only then does the GP get feedback for the "after the follow-up call" step."""
    return attempt.outcome == FollowUpAttempt.Outcome.REACHED and (
        attempt.needs_help or attempt.goal_progress == FollowUpAttempt.Progress.ACHIEVED
    )


def followup_attempt_record(
    *, registration, values: dict, short_lines=False, by: Actor, now=None
) -> FollowUpAttempt:
    participant, consultation = registration.participant, registration.consultation
    now = now or timezone.now()
    with transaction.atomic():
        earlier = list(
            FollowUpAttempt.objects.select_for_update().filter(
                participant=participant, consultation=consultation
            )
        )
        cap = SHORT_LINES_MAX_ATTEMPTS if short_lines else MAX_ATTEMPTS
        if any(a.outcome in FINAL_OUTCOMES for a in earlier) or len(earlier) >= cap:
            raise ValidationError(_("This call is finished; no more attempts."))
        attempt = FollowUpAttempt(
            region_id=participant.region_id,
            participant=participant,
            consultation=consultation,
            called_at=now,
            called_by=by.user,
            **values,
        )
        if attempt.outcome != FollowUpAttempt.Outcome.REACHED:
            for name in TALK_FIELDS:  # the talk is only recorded when someone was reached
                setattr(attempt, name, False if name == "needs_help" else "")
        if attempt.outcome == FollowUpAttempt.Outcome.NO_ANSWER and not attempt.retry_on:
            raise ValidationError({"retry_on": _("When do you try again?")})
        audited_save(
            instance=attempt, by=by, purpose=PURPOSE, participant_ids=[participant.public_id]
        )
        send_facts_changed(
            FollowUpAttempt, participant_ids=[participant.pk], sessions_changed=False
        )
        if attempt.needs_help:
            signal_raise(
                participant=participant,
                kind=Signal.Kind.NEEDS_HELP,
                key=str(attempt.public_id),
                owner=None,
                detail=attempt.note or attempt.steps_taken,
                now=now,
            )
        if call_changed_something(attempt):
            gp_feedback_after_follow_up_call(
                registration=registration, call=attempt, by=by, now=now
            )
    return attempt


def story_record(*, participant, text: str, by: Actor, today=None) -> Story:
    """Write down a participant's story; refused unless they currently consent to share it
    anonymously in reports (the report checks that consent again when it is made)."""
    with transaction.atomic():
        consent = consent_current_queryset(ConsentPurpose.SHARE_STORY)
        if not consent.filter(participant=participant).exists():
            raise ValidationError(
                _(
                    "The participant has not agreed to share a story anonymously in reports. "
                    "Record that consent first (Consent on the participant's record)."
                )
            )
        story = Story(
            region_id=participant.region_id,
            participant=participant,
            text=text.strip(),
            recorded_on=today or timezone.localdate(),
            recorded_by=by.user,
        )
        audited_save(
            instance=story, by=by, purpose=PURPOSE, participant_ids=[participant.public_id]
        )
    return story
