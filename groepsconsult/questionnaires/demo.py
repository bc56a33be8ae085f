"""Demo answers: definitions loaded, and answers for some participants of held sessions.

Idempotent: definitions load is idempotent, and a registration that already has a response
for a questionnaire is left alone. Uses the registrations other apps' seeds created; without
any, only the definitions are loaded.
"""

from django.contrib.auth import get_user_model

from groepsconsult.audit.services import Actor
from groepsconsult.questionnaires.models import Questionnaire, Response
from groepsconsult.questionnaires.services import (
    questionnaire_definitions_load,
    response_save,
    response_start,
)
from groepsconsult.registrations.models import Registration

ACTOR = Actor.system("seed_demo")
PER_SESSION = 8  # answer for the first few of each held session, so some stay open to try


def _answers(questionnaire, rng):
    answers = {}
    for question in questionnaire.questions.all():
        if question.kind == "scale_0_10":
            answers[question.code] = str(rng.randint(3, 9))
        elif question.kind == "yes_no":
            answers[question.code] = "yes" if rng.random() < 0.3 else "no"
        elif question.kind == "single_choice":
            answers[question.code] = str(rng.choice(question.options)["value"])
        elif question.kind == "number":
            answers[question.code] = {"weight_kg": rng.randint(60, 105), "height_cm": 168}.get(
                question.code, rng.randint(82, 112)
            )
    return answers


def seed(*, region, rng):
    questionnaire_definitions_load(by=ACTOR)
    user = get_user_model().objects.filter(username=f"professional.{region.slug}").first()
    if user is None:
        return
    by = Actor.for_user(user, role="professional", region_slug=region.slug)
    forms = list(Questionnaire.objects.filter(is_current=True, audience="participant"))
    registrations = Registration.objects.filter(
        consultation__region=region, consultation__status="held", status="registered"
    ).select_related("participant", "consultation")
    done = set(
        Response.objects.filter(registration__in=registrations).values_list(
            "registration_id", "questionnaire_id"
        )
    )
    per_session: dict[int, int] = {}
    for registration in registrations.order_by("consultation_id", "day_number", "id"):
        count = per_session.get(registration.consultation_id, 0)
        if count >= PER_SESSION:
            continue
        per_session[registration.consultation_id] = count + 1
        for questionnaire in forms:
            if (registration.pk, questionnaire.pk) in done:
                continue
            response = response_start(
                questionnaire=questionnaire,
                consultation=registration.consultation,
                registration=registration,
                by=by,
                language=registration.participant.preferred_language,
            )
            response_save(
                response=response,
                raw_answers=_answers(questionnaire, rng),
                finish=True,
                by=by,
                filled_by_participant=rng.random() < 0.3,
            )
