"""Fill questionnaires on a tablet: pick the participant, choose a form, answer, save, resume.

Every view: QUESTIONNAIRE_FILL, then a region-scoped fetch (404 outside the region), then the
state policy. The form part of a page is rendered in the participant's chosen language; the
surrounding page stays in the professional's language.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.questionnaires import selectors, services
from groepsconsult.questionnaires.forms import LanguageForm, ResponseForm
from groepsconsult.questionnaires.models import LANGUAGES, RTL_LANGUAGES, Questionnaire
from groepsconsult.registrations import policies
from groepsconsult.registrations import selectors as registration_selectors
from groepsconsult.registrations.picking import pick_registration, uuid_or_none

PARTICIPANT_MODE = "participant"


@require_http_methods(["GET", "POST"])
@require_permission(Permission.QUESTIONNAIRE_FILL)
def questionnaire_start(request):
    """Choose the session, then the participant by day number (or from the list)."""
    registration_id = uuid_or_none(request.GET.get("registration"))
    if registration_id:  # coming from the welfare station: straight to that participant
        return redirect("questionnaires:registration", registration=registration_id)
    pick = pick_registration(request)
    if pick.registration:
        return redirect("questionnaires:registration", registration=pick.registration.public_id)
    membership, consultation = request.membership, pick.consultation
    registrations = []
    if consultation:
        registrations = registration_selectors.registration_list_for_consultation(
            membership=membership,
            by=Actor.from_request(request),
            consultation=consultation,
            purpose=selectors.PURPOSE,
            include_cancelled=False,
            by_day_number=True,
        )
    context = {
        **pick.context(),
        "registrations": registrations,
        "can_work_check": bool(consultation),
    }
    return render(request, "questionnaires/start.html", context)


@require_permission(Permission.QUESTIONNAIRE_FILL)
def registration_overview(request, registration):
    """The participant's questionnaires in this session: what is done, what is still open."""
    reg = registration_selectors.registration_get_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        public_id=registration,
        purpose=selectors.PURPOSE,
    )
    responses = selectors.response_by_code_for_registration(registration=reg)
    rows = [(q, responses.get(q.code)) for q in selectors.questionnaire_current_list()]
    context = {
        "registration": reg,
        "participant": reg.participant,
        "rows": rows,
        "can_fill": policies.can_fill_for_registration(reg),
        "can_edit_goal": request.membership.has_permission(Permission.GOAL_EDIT),
        "findrisc": responses.get("findrisc"),
    }
    return render(request, "questionnaires/registration.html", context)


def _form_code(request):
    """The chosen questionnaire; without a choice, the first one of the welfare table."""
    code = request.POST.get("form") or request.GET.get("form")
    if code:
        return code[:40]
    first = selectors.questionnaire_current_list()
    if not first:
        raise Http404("No questionnaires are loaded.")
    return first[0].code


def _default_language(registration, response=None):
    if response is not None and response.language in LANGUAGES:
        return response.language
    preferred = registration.participant.preferred_language
    return preferred if preferred in LANGUAGES else "nl"


def _chosen_language(request, default):
    lang = request.POST.get("lang") or request.GET.get("lang") or default
    return lang if lang in LANGUAGES else default


def _submit(request, *, form, target, participant_mode, lang):
    """Validate and save; on failure the errors go to the form fields (in the form's language).

    `target` names the questionnaire, session and (optionally) registration to save for.
    """
    try:
        services.response_submit(
            **target,
            by=Actor.from_request(request),
            raw_answers=form.cleaned_data,
            finish="finish" in request.POST,
            language=lang,
            filled_by_participant=participant_mode,
        )
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            form.add_error(None, exc)
            return False
        for code, errors in exc.message_dict.items():
            form.add_error(code if code in form.fields else None, errors)
        return False
    return True


def _fill_context(*, questionnaire, form, lang, participant_mode, response, back_url):
    return {
        "questionnaire": questionnaire,
        "title": questionnaire.title_in(lang),
        "intro": (questionnaire.intro or {}).get(lang) or (questionnaire.intro or {}).get("nl", ""),
        "form": form,
        "lang": lang,
        "dir": "rtl" if lang in RTL_LANGUAGES else "ltr",
        "participant_mode": participant_mode,
        "response": response,
        "back_url": back_url,
        "languages": [(code, name) for code, name in LanguageForm().fields["lang"].choices],
    }


@require_http_methods(["GET", "POST"])
@require_permission(Permission.QUESTIONNAIRE_FILL)
def response_fill(request, registration):
    """One page per questionnaire (?form=<code>), in the participant's language.

    The questionnaire code is a query parameter, not a path segment: it is not personal data,
    and every path parameter of this app stays an opaque id.
    """
    actor = Actor.from_request(request)
    reg = registration_selectors.registration_get_for_user(
        membership=request.membership, by=actor, public_id=registration, purpose=selectors.PURPOSE
    )
    policies.check_can_fill_for_registration(reg)
    questionnaire = selectors.questionnaire_current_get(code=_form_code(request))
    response = selectors.response_find(
        questionnaire=questionnaire, consultation=reg.consultation, registration=reg
    )
    lang = _chosen_language(request, _default_language(reg, response))
    mode = request.POST.get("mode") or request.GET.get("mode")
    participant_mode = mode == PARTICIPANT_MODE
    # What the measurement station already measured is shown, not asked again.
    station = services.station_values_for(questionnaire=questionnaire, registration=reg)
    questions = services.questions_to_ask(questionnaire.questions.all(), station)
    back_url = reverse("questionnaires:registration", args=[reg.public_id])
    target = {"questionnaire": questionnaire, "consultation": reg.consultation, "registration": reg}
    form, saved = _answer_form(
        request,
        questions=questions,
        lang=lang,
        response=response,
        target=target,
        participant_mode=participant_mode,
    )
    if saved and participant_mode:  # her turn ends: the tablet goes back to the professional
        return redirect(f"{reverse('questionnaires:hand-back', args=[reg.public_id])}?lang={lang}")
    if saved:  # the confirmation is for whoever holds the tablet next: the page's language
        return _after_save(request, back_url)
    context = _fill_context(
        questionnaire=questionnaire,
        form=form,
        lang=lang,
        participant_mode=participant_mode,
        response=response,
        back_url=back_url,
    )
    context |= {"registration": reg, "participant": reg.participant, "station_values": station}
    return render(request, "questionnaires/fill.html", context)


def _answer_form(request, *, questions, lang, response, target, participant_mode):
    """The answers form: bound and saved on POST, else filled with the saved answers.

    Built in the form's language, so validation messages come in the participant's language.
    Returns (form, saved).
    """
    with translation.override(lang):
        if request.method == "POST":
            form = ResponseForm(request.POST, questions=questions, language=lang)
            saved = form.is_valid() and _submit(
                request, form=form, target=target, participant_mode=participant_mode, lang=lang
            )
            return form, saved
        initial = selectors.response_answers(response=response, by=Actor.from_request(request))
        return ResponseForm(initial=initial, questions=questions, language=lang), False


def _after_save(request, back_url):
    if "finish" in request.POST:
        messages.success(request, _("The questionnaire is complete. Thank you."))
    else:
        messages.success(request, _("Saved. You can continue later."))
    return redirect(back_url)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.QUESTIONNAIRE_FILL)
def work_check_fill(request, consultation):
    """The professional's own short work-satisfaction check after a session (Quintuple Aim)."""
    session = consultation_get_for_user(membership=request.membership, public_id=consultation)
    current = selectors.questionnaire_current_list(audience=Questionnaire.Audience.PROFESSIONAL)
    if not current:
        raise Http404("No work check is loaded.")
    questionnaire = selectors.questionnaire_current_get(
        code=current[0].code, audience=Questionnaire.Audience.PROFESSIONAL
    )
    response = selectors.response_find(
        questionnaire=questionnaire, consultation=session, user=request.user
    )
    lang = _chosen_language(request, translation.get_language() or "nl")
    questions = questionnaire.questions.all()
    back_url = f"{reverse('questionnaires:start')}?consultation={session.public_id}"
    target = {"questionnaire": questionnaire, "consultation": session}
    form, saved = _answer_form(
        request,
        questions=questions,
        lang=lang,
        response=response,
        target=target,
        participant_mode=None,
    )
    if saved:  # the confirmation is for whoever holds the tablet next: the page's language
        return _after_save(request, back_url)
    context = _fill_context(
        questionnaire=questionnaire,
        form=form,
        lang=lang,
        participant_mode=False,
        response=response,
        back_url=back_url,
    )
    context["consultation"] = session
    return render(request, "questionnaires/fill.html", context)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.QUESTIONNAIRE_FILL)
def hand_back(request, registration):
    """After a participant filled a questionnaire herself: thanks in her language, and nothing
    of the staff screens until the professional enters their password again."""
    reg = registration_selectors.registration_get_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        public_id=registration,
        purpose=selectors.PURPOSE,
    )
    lang = _chosen_language(request, _default_language(reg))
    error = ""
    if request.method == "POST":
        if request.user.check_password(request.POST.get("password", "")):
            return redirect("questionnaires:registration", registration=reg.public_id)
        error = _("That is not your password. Professional: try again.")
    with translation.override(lang):
        thanks = _("Thank you! Please give the tablet back to the professional.")
    context = {
        "thanks": thanks,
        "lang": lang,
        "dir": "rtl" if lang in RTL_LANGUAGES else "ltr",
        "error": error,
    }
    return render(request, "questionnaires/hand_back.html", context, status=400 if error else 200)
