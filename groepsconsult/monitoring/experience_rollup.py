"""`ExperienceRollup`: the experience and work-check answers summed per session and question.

`experience_refresh(consultation_ids)` recomputes the rows of these sessions from their answers
(a delete and one GROUP BY, never +/- deltas). `session_facts` calls it with the sessions it
refreshes, in the same transaction, so whatever refreshes a session's facts (a consent change,
a session moved or cancelled, a place taken, a completed response) refreshes these rows too.
"""

from django.db.models import Count, FloatField, Q, Sum
from django.db.models.functions import Cast
from django.utils import timezone

from groepsconsult.core.bulk import insert_rows
from groepsconsult.monitoring.aggregates.filters import (
    SESSION_COPIED,
    not_refused,
    session_columns,
)
from groepsconsult.monitoring.experience import SECTIONS
from groepsconsult.monitoring.models import ExperienceRollup
from groepsconsult.questionnaires.models import Answer

R = "response__"
S = "response__consultation__"


def _grouped(consultation_ids):
    """(session, questionnaire, question) groups of the counted numeric answers: one query."""
    return (
        Answer.objects.filter(
            Q(response__registration__isnull=True) | not_refused(R + "registration__participant"),
            response__consultation_id__in=consultation_ids,
            response__completed_at__isnull=False,
            response__questionnaire__code__in=list(SECTIONS),
            value__regex=r"^[0-9]+$",
        )
        .values(
            R + "consultation_id",
            R + "questionnaire__code",
            "question__code",
            *(S + f for f in SESSION_COPIED),
        )
        .annotate(n=Count("pk"), total=Sum(Cast("value", FloatField())))
        .order_by()
    )


def _row(found, zone):
    return {
        "consultation_id": found[R + "consultation_id"],
        **session_columns(found, S, zone),
        "questionnaire_code": found[R + "questionnaire__code"],
        "question_code": found["question__code"],
        "n": found["n"],
        "total": found["total"] or 0,
    }


def experience_refresh(consultation_ids) -> int:
    """Rewrite the rows of these sessions (inside the caller's transaction)."""
    zone = timezone.get_current_timezone()
    rows = [_row(found, zone) for found in _grouped(consultation_ids)]
    ExperienceRollup.objects.filter(consultation_id__in=consultation_ids).delete()
    insert_rows(ExperienceRollup, rows)
    return len(rows)
