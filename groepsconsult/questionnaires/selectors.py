"""Reads of questionnaire definitions and answers. Answers are personal data: readers log."""

from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_write
from groepsconsult.clinical.findrisc import FindriscResult
from groepsconsult.questionnaires.models import (
    FINDRISC_CODE,
    Answer,
    Question,
    Questionnaire,
    Response,
)

PURPOSE = Purpose.QUESTIONNAIRE

_YES = "yes"
_NO = "no"


def _as_bool(value: str) -> bool | None:
    return {_YES: True, _NO: False}.get(value)


def risk_inputs_for_registration(*, registration) -> dict:
    """Smoking, diabetes, known CVD, CKD, FH and FINDRISC from this registration's answers.

    Returns {"smoker", "diabetes", "known_cvd", "ckd", "fh": bool | None,
    "findrisc": FindriscResult | None};
    None means "not answered" (the booklet then says why heart age cannot be shown). Unfinished
    responses count too: an answer given is an answer, even if the form was not finished.
    Two queries, whatever the number of questionnaires. The caller logs the read.
    """
    inputs: dict = {key: None for key in Question.RiskInput.values if key} | {"findrisc": None}
    answers = (
        Answer.objects.filter(response__registration=registration)
        .exclude(question__risk_input="")
        .order_by("updated_at", "id")  # the most recent answer wins
        .values_list("question__risk_input", "value")
    )
    for risk_input, value in answers:
        inputs[risk_input] = _as_bool(value)
    scored = (
        Response.objects.filter(
            registration=registration,
            questionnaire__code=FINDRISC_CODE,
            score_points__isnull=False,
        )
        .order_by("-completed_at", "-id")
        .values_list("score_points", "score_category", "score_version")
        .first()
    )
    if scored:
        points, category, version = scored
        inputs["findrisc"] = FindriscResult(points=points, category=category, version=version)
    return inputs


# --- Definitions (no personal data) ---------------------------------------------------------


def questionnaire_current_list(*, audience=Questionnaire.Audience.PARTICIPANT):
    return list(Questionnaire.objects.filter(is_current=True, audience=audience))


def questionnaire_current_get(*, code, audience=Questionnaire.Audience.PARTICIPANT):
    """The current version of a questionnaire with its questions (two queries), or 404."""
    return get_object_or_404(
        Questionnaire.objects.filter(audience=audience).prefetch_related("questions"),
        code=code,
        is_current=True,
    )


# --- Responses and answers (personal data: the registration read above is logged) ----------


def response_by_code_for_registration(*, registration) -> dict:
    """{questionnaire code: Response} of this registration, with answer counts (one query)."""
    responses = (
        Response.objects.filter(registration=registration)
        .select_related("questionnaire")
        .annotate(answer_count=Count("answers"))
        .order_by("started_at")
    )
    return {response.questionnaire.code: response for response in responses}


def response_answers(*, response, by=None) -> dict:
    """{question code: stored value} of one response (one query); logged when `by` is given."""
    if response is None or response.pk is None:
        return {}
    answers = dict(response.answers.values_list("question__code", "value"))
    if by is not None:
        participant_ids = (
            [response.registration.participant.public_id] if (response.registration_id) else []
        )
        access_log_write(
            by=by,
            action=AccessEvent.Action.VIEW,
            subject_type="response",
            subject_ids=[response.public_id],
            participant_ids=participant_ids,
            purpose=PURPOSE,
        )
    return answers


def response_find(*, questionnaire, consultation, registration=None, user=None):
    """The existing response for this form and person, or None (resume instead of restart)."""
    qs = Response.objects.filter(
        questionnaire=questionnaire, consultation=consultation
    ).select_related("registration__participant")
    if registration is not None:
        return qs.filter(registration=registration).first()
    return qs.filter(registration__isnull=True, filled_by=user).first()


def answers_latest_for_participant(*, participant, code) -> dict:
    """{question code: value} of the participant's latest response to questionnaire `code`,
    or {} (one query). For suggestions elsewhere (the warm hand-over); the caller logs the read."""
    rows = (
        Answer.objects.filter(
            response__registration__participant=participant,
            response__questionnaire__code=code,
        )
        .order_by("-response__started_at", "-response__id")
        .values_list("response_id", "question__code", "value")
    )
    answers, latest = {}, None
    for response_id, question, value in rows:
        latest = latest or response_id
        if response_id == latest:
            answers[question] = value
    return answers


def answering_exists(*, code, question, participant_ref="pk", value="yes"):
    """EXISTS(an answer `value` to `question` of `code`) for the participant at
    `participant_ref` of the outer query (the follow-up worklist's short lines); no answers
    leave the database."""
    return Exists(
        Answer.objects.filter(
            response__registration__participant_id=OuterRef(participant_ref),
            response__questionnaire__code=code,
            question__code=question,
            value=value,
        )
    )
