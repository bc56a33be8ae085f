"""Start and save questionnaire responses: atomic, validated, and in the access log.

A response is saved as a whole (all answers of the page in one transaction), so a failed
validation leaves nothing half-saved. "Save for later" stores what is valid so far only when
every given answer is valid; "Finish" also demands every required question.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.questionnaires.models import LANGUAGES, Answer, Question, Response
from groepsconsult.questionnaires.services.scoring import (
    findrisc_for_response,
    questions_to_ask,
    station_values_for,
)

PURPOSE = Purpose.QUESTIONNAIRE
_MAX_TEXT = 1000


def _plain(number) -> str:
    """30.00 -> "30", 72.50 -> "72.5": how a person would write the limit."""
    return "" if number is None else f"{number.normalize():f}"


def _number_clean(question: Question, raw: str) -> str:
    try:
        number = Decimal(raw.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        raise ValidationError(_("Enter a number, for example 72 or 72,5.")) from None
    if not number.is_finite():
        raise ValidationError(_("Enter a number, for example 72 or 72,5."))
    low, high = question.min_value, question.max_value
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValidationError(
            _("This is outside the possible range (%(low)s to %(high)s %(unit)s). Check the value.")
            % {"low": _plain(low), "high": _plain(high), "unit": question.unit}
        )
    return f"{number.normalize():f}"


def answer_value_clean(question: Question, raw) -> str:
    """The stored text for one raw answer, or "" when not answered.

    Raises ValidationError with a message in the active language (the caller activates the
    language of the form), so the participant reads the error in their own language.
    """
    raw = "" if raw is None else str(raw).strip()
    if raw == "":
        return ""
    kind = question.kind
    if kind == Question.Kind.SCALE_0_10:
        if raw not in {str(n) for n in range(11)}:
            raise ValidationError(_("Choose a number from 0 to 10."))
    elif kind == Question.Kind.YES_NO:
        if raw not in {"yes", "no"}:
            raise ValidationError(_("Choose yes or no."))
    elif kind == Question.Kind.SINGLE_CHOICE:
        if raw not in {str(option["value"]) for option in question.options}:
            raise ValidationError(_("Choose one of the options."))
    elif kind == Question.Kind.NUMBER:
        return _number_clean(question, raw)
    elif len(raw) > _MAX_TEXT:
        raise ValidationError(_("Please keep it under %(max)s characters.") % {"max": _MAX_TEXT})
    return raw


def _participant_ids(response: Response):
    if response.registration_id is None:
        return []
    return [response.registration.participant.public_id]


def response_start(
    *, questionnaire, consultation, registration=None, by: Actor, language="nl"
) -> Response:
    """The open response for this questionnaire and person, or a new one (resume, not restart)."""
    if registration is not None and registration.consultation_id != consultation.pk:
        raise ValidationError(_("This registration belongs to another session."))
    lookup = {"questionnaire": questionnaire, "consultation": consultation}
    lookup |= (
        {"registration": registration}
        if registration
        else {
            "registration__isnull": True,
            "filled_by": by.user,
        }
    )
    existing = Response.objects.filter(**lookup).first()
    if existing:
        return existing
    response = Response(
        questionnaire=questionnaire,
        consultation=consultation,
        registration=registration,
        filled_by=by.user,
        language=language if language in LANGUAGES else "nl",
        started_at=timezone.now(),
    )
    response.full_clean()
    try:
        with transaction.atomic():
            response.save()
            access_log_write(
                by=by,
                action=AccessEvent.Action.CREATE,
                subject_type="response",
                subject_ids=[response.public_id],
                participant_ids=_participant_ids(response),
                purpose=PURPOSE,
            )
    except IntegrityError:
        # Two tablets opened the same form at once: the other one won; continue in theirs.
        return Response.objects.get(**lookup)
    return response


def _clean_all(questions, raw_answers: dict, *, finish: bool) -> dict:
    cleaned, errors = {}, {}
    for question in questions:
        try:
            cleaned[question] = answer_value_clean(question, raw_answers.get(question.code))
        except ValidationError as exc:
            errors[question.code] = exc.messages
            continue
        if finish and question.required and cleaned[question] == "":
            errors[question.code] = [_("Please answer this question.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _store_answers(response: Response, cleaned: dict) -> None:
    existing = {a.question_id: a for a in response.answers.all()}
    Answer.objects.filter(
        response=response, question__in=[q for q, v in cleaned.items() if v == ""]
    ).delete()
    new, changed = [], []
    for question, value in cleaned.items():
        answer = existing.get(question.pk)
        if value == "":
            continue
        if answer is None:
            new.append(Answer(response=response, question=question, value=value))
        elif answer.value != value:
            answer.value = value
            changed.append(answer)
    Answer.objects.bulk_create(new)
    for answer in changed:  # few per save; save() keeps updated_at honest (latest answer wins)
        answer.save(update_fields=["value", "updated_at"])


def response_save(
    *,
    response: Response,
    raw_answers: dict,
    finish: bool,
    by: Actor,
    language: str | None = None,
    filled_by_participant: bool | None = None,
) -> Response:
    """Validate every answer, then store them all, score and (optionally) complete: atomically.

    Raises ValidationError keyed by question code; nothing is stored then. Questions the
    measurement station already answered (FINDRISC's BMI and waist) are not asked.
    """
    station = station_values_for(
        questionnaire=response.questionnaire, registration=response.registration
    )
    questions = questions_to_ask(response.questionnaire.questions.all(), station)
    cleaned = _clean_all(questions, raw_answers, finish=finish)
    by_code = {q.code: v for q, v in cleaned.items()}
    score = findrisc_for_response(response=response, answers=by_code, station=station)
    with transaction.atomic():
        _store_answers(response, cleaned)
        if language in LANGUAGES:
            response.language = language
        if filled_by_participant is not None and response.registration_id:
            response.filled_by_participant = filled_by_participant
        response.score_points = score.points if score else None
        response.score_category = score.category if score else ""
        response.score_version = score.version if score else ""
        if finish and response.completed_at is None:
            response.completed_at = timezone.now()
        response.full_clean()
        response.save()
        if response.completed_at is not None:
            # Completed answers count in the session's monitoring sums (ExperienceRollup).
            send_facts_changed(Response, consultation_ids=[response.consultation_id])
        access_log_write(
            by=by,
            action=AccessEvent.Action.CHANGE,
            subject_type="response",
            subject_ids=[response.public_id],
            participant_ids=_participant_ids(response),
            purpose=PURPOSE,
            detail=f"{response.questionnaire} {'completed' if finish else 'saved'}",
        )
    return response


def response_submit(
    *,
    questionnaire,
    consultation,
    registration=None,
    by: Actor,
    raw_answers: dict,
    finish: bool,
    language: str,
    filled_by_participant: bool | None = None,
) -> Response:
    """Start (or resume) and save in one transaction: a refused first save leaves no response."""
    with transaction.atomic():
        response = response_start(
            questionnaire=questionnaire,
            consultation=consultation,
            registration=registration,
            by=by,
            language=language,
        )
        return response_save(
            response=response,
            raw_answers=raw_answers,
            finish=finish,
            by=by,
            language=language,
            filled_by_participant=filled_by_participant,
        )
