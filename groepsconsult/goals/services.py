"""Record a personal goal. An edit adds a new version; nothing is overwritten.

The participant chooses the goal; the professional writes it down in the participant's own
words. At the 6-month return the same goal is revised, and the history shows how it changed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.goals.models import Goal
from groepsconsult.goals.selectors import goal_current_for_trajectory

PURPOSE = Purpose.PERSONAL_GOAL
GOAL_FIELDS = ("pillar", "goal_text", "first_step", "learning_stage", "professional")


def goal_record(
    *, trajectory, consultation, values: dict, previous: Goal | None, by: Actor
) -> Goal:
    """Save a new version of the goal on `trajectory`.

    `previous` is the version the form was opened on: if someone saved another version in the
    meantime, refuse (ValidationError) instead of silently hiding their edit.
    """
    if consultation.region_id != trajectory.participant.region_id:
        raise ValidationError(_("This session belongs to another region."))
    professional = values.get("professional")
    if professional is not None and professional.region_id != consultation.region_id:
        raise ValidationError({"professional": [_("Choose a professional of this region.")]})
    with transaction.atomic():
        current = goal_current_for_trajectory(trajectory=trajectory)
        if (current.pk if current else None) != (previous.pk if previous else None):
            raise ValidationError(
                _("Someone else changed this goal in the meantime. Reload the page and try again.")
            )
        if current and all(getattr(current, f) == values.get(f) for f in GOAL_FIELDS):
            return current  # nothing changed: no empty version in the history
        goal = Goal(
            trajectory=trajectory,
            consultation=consultation,
            previous=current,
            recorded_by=by.user,
            **{f: values.get(f) for f in GOAL_FIELDS},
        )
        goal.first_step = goal.first_step or ""
        goal.learning_stage = goal.learning_stage or ""
        return audited_save(
            instance=goal,
            by=by,
            purpose=PURPOSE,
            participant_ids=[trajectory.participant.public_id],
        )
