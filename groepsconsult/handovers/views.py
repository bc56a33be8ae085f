"""Warm hand-over pages: propose from the individual talk, the status list for referrer and
coordinator, the offer partner's inbox, one hand-over with its trail, and the signal list.

Three steps each: the permission (decorator), the region/consent-scoped fetch (404), then the
policy on the hand-over's state (handovers.policies).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import form_add_validation_error
from groepsconsult.goals.models import Pillar
from groepsconsult.handovers import policies, selectors, services
from groepsconsult.handovers.forms import (
    HandoverAdvanceForm,
    HandoverProposeForm,
    SignalResolveForm,
)
from groepsconsult.handovers.models import Handover
from groepsconsult.handovers.suggestions import handover_suggestions
from groepsconsult.offers.selectors import offer_list_for_region
from groepsconsult.participants.selectors import participant_get_for_user


@require_permission(Permission.HANDOVER_MANAGE)
def handover_list(request):
    status = request.GET.get("status", "")
    status = status if status in Handover.Status.values else ""
    rows = selectors.handover_list_for_user(
        membership=request.membership, by=Actor.from_request(request), status=status
    )
    context = {"handovers": rows, "status": status, "statuses": Handover.Status.choices}
    return render(request, "handovers/handover_list.html", context)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDOVER_MANAGE)
def handover_propose(request, participant):
    by = Actor.from_request(request)
    person = participant_get_for_user(
        membership=request.membership, by=by, public_id=participant, purpose=selectors.PURPOSE
    )
    women_only = request.GET.get("women_only") == "1"
    pillar = request.GET.get("pillar", "")
    pillar = pillar if pillar in Pillar.values else ""
    suggestions = handover_suggestions(participant=person, women_only=women_only, pillar=pillar)
    offers = offer_list_for_region(region=request.membership.region)
    initial = {"offer": suggestions[0].offer.pk} if suggestions else {}
    form = HandoverProposeForm(request.POST or None, offers=offers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            handover = services.handover_propose(participant=person, by=by, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The hand-over is saved."))
            return redirect("handovers:handover-detail", public_id=handover.public_id)
    context = {
        "participant": person,
        "form": form,
        "suggestions": suggestions,
        "women_only": women_only,
        "pillar": Pillar(pillar) if pillar else None,
        "chain": selectors.handover_list_for_participant(participant=person),
    }
    return render(request, "handovers/handover_propose.html", context)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDOVER_MANAGE)
def handover_detail(request, public_id):
    return _detail(request, public_id, "handovers:handover-detail")


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDOVER_RESPOND)
def handover_inbox_detail(request, public_id):
    return _detail(request, public_id, "handovers:handover-inbox-detail")


def _detail(request, public_id, url_name):
    by = Actor.from_request(request)
    membership = request.membership
    handover = selectors.handover_get_for_user(membership=membership, by=by, public_id=public_id)
    steps = policies.next_steps(handover, membership)
    form = HandoverAdvanceForm(request.POST or None, steps=steps)
    if request.method == "POST" and form.is_valid():
        try:
            services.handover_advance(
                handover=handover,
                membership=membership,
                by=by,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The step is saved."))
            return redirect(url_name, public_id=handover.public_id)
    context = {
        "handover": handover,
        "events": selectors.handover_event_list(handover=handover),
        "form": form if steps else None,
        "is_partner": url_name.endswith("inbox-detail"),
    }
    return render(request, "handovers/handover_detail.html", context)


@require_permission(Permission.HANDOVER_RESPOND)
def handover_inbox(request):
    rows = selectors.handover_inbox_for_user(
        membership=request.membership, by=Actor.from_request(request)
    )
    return render(request, "handovers/handover_inbox.html", {"handovers": rows})


@require_permission(Permission.SIGNAL_VIEW)
def signal_list(request):
    show_all = request.GET.get("all") == "1"
    rows = selectors.signal_list_for_user(
        membership=request.membership, by=Actor.from_request(request), open_only=not show_all
    )
    context = {"signals": rows, "show_all": show_all, "form": SignalResolveForm()}
    return render(request, "handovers/signal_list.html", context)


@require_POST
@require_permission(Permission.SIGNAL_VIEW)
def signal_resolve(request, public_id):
    signal = selectors.signal_get_for_user(membership=request.membership, public_id=public_id)
    form = SignalResolveForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["resolution"])
        services.signal_resolve(
            signal=signal,
            resolution=form.cleaned_data["resolution"],
            by=Actor.from_request(request),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The signal is resolved."))
    return redirect("handovers:signal-list")
