"""The region's sessions: list, month calendar, detail, plan, change, copy and status.

Who may use them: CONSULTATION_VIEW to look, CONSULTATION_MANAGE to plan and change.
"""

import calendar
import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations import policies, selectors, services
from groepsconsult.consultations.forms import ConsultationForm, CopyForm, FilterForm, parse_month
from groepsconsult.consultations.models import Consultation
from groepsconsult.consultations.plan_warnings import session_warnings
from groepsconsult.consultations.readiness import facts_from_annotations, readiness_check
from groepsconsult.consultations.table import table_rows
from groepsconsult.consultations.views._common import get_consultation
from groepsconsult.core.http import form_add_validation_error, paginate, render_page


@require_permission(Permission.CONSULTATION_VIEW)
def consultation_list(request):
    region = request.membership.region
    form = FilterForm(request.GET or None, region=region)
    filters = form.filters() if request.GET else FilterForm(region=region).filters()
    page = paginate(request, selectors.consultation_list_for_region(region=region, **filters))
    rows = table_rows(page)
    context = {"form": form, "page": page, "rows": rows, "filters": filters}
    return render_page(
        request,
        "consultations/consultation_list.html",
        context,
        partial="consultations/_consultation_table.html",
    )


@require_permission(Permission.CONSULTATION_VIEW)
def consultation_calendar(request):
    today = timezone.localdate()
    first = parse_month(request.GET.get("month"), today)
    sessions = selectors.consultation_list_for_region(
        region=request.membership.region, month=first
    ).order_by("starts_at")
    by_day = {}
    for c in sessions:
        by_day.setdefault(timezone.localtime(c.starts_at).date(), []).append(c)
    weeks = [
        [(day, day.month == first.month, by_day.get(day, [])) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    previous = (first.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    context = {
        "first": first,
        "weeks": weeks,
        "today": today,
        "previous": previous,
        "following": following,
        "weekdays": [WEEKDAYS_ABBR[i] for i in range(7)],
    }
    return render(request, "consultations/consultation_calendar.html", context)


@require_permission(Permission.CONSULTATION_VIEW)
def consultation_detail(request, public_id):
    consultation = get_consultation(request, public_id)
    stations, roles, everyone = selectors.roster_for_consultation(consultation=consultation)
    statuses = policies.allowed_statuses(consultation)
    context = {
        "consultation": consultation,
        "readiness": readiness_check(facts_from_annotations(consultation)),
        "stations": stations,
        "roles": roles,
        "warnings": session_warnings(consultation=consultation, assignments=everyone),
        "statuses": statuses,
        "can_edit": policies.can_edit_consultation(consultation),
    }
    return render(request, "consultations/consultation_detail.html", context)


def _save_form(request, form, save):
    if request.method == "POST" and form.is_valid():
        try:
            consultation = save(form)
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("consultations:consultation-detail", consultation.public_id)
    return None


@require_permission(Permission.CONSULTATION_MANAGE)
def consultation_create(request):
    region = request.membership.region
    form = ConsultationForm(
        request.POST or None, instance=Consultation(region=region), region=region
    )
    done = _save_form(
        request,
        form,
        lambda f: services.consultation_create(
            region=region, by=Actor.from_request(request), **f.service_fields()
        ),
    )
    return done or render(
        request, "consultations/consultation_form.html", {"form": form, "consultation": None}
    )


@require_permission(Permission.CONSULTATION_MANAGE)
def consultation_edit(request, public_id):
    consultation = get_consultation(request, public_id)
    if not policies.can_edit_consultation(consultation):
        messages.error(request, _("A held or cancelled session can no longer be changed."))
        return redirect("consultations:consultation-detail", consultation.public_id)
    form = ConsultationForm(
        request.POST or None, instance=consultation, region=request.membership.region
    )
    done = _save_form(
        request,
        form,
        lambda f: services.consultation_update(
            consultation=consultation,
            by=Actor.from_request(request),
            expected_version=f.expected_version,
            **f.service_fields(),
        ),
    )
    if done:
        return done
    everyone = selectors.roster_for_consultation(consultation=consultation)[2]
    context = {
        "form": form,
        "consultation": consultation,
        "warnings": session_warnings(consultation=consultation, assignments=everyone),
    }
    return render(request, "consultations/consultation_form.html", context)


@require_permission(Permission.CONSULTATION_MANAGE)
def consultation_copy(request, public_id):
    consultation = get_consultation(request, public_id)
    form = CopyForm(request.POST or None, region=request.membership.region)
    done = _save_form(
        request,
        form,
        lambda f: services.consultation_copy(
            consultation=consultation,
            by=Actor.from_request(request),
            starts_at=f.cleaned_data["starts_at"],
            location=f.cleaned_data["location"],
            with_roster=f.cleaned_data["with_roster"],
            with_runsheet=f.cleaned_data["with_runsheet"],
        ),
    )
    return done or render(
        request,
        "consultations/consultation_copy.html",
        {"form": form, "consultation": consultation},
    )


@require_POST
@require_permission(Permission.CONSULTATION_MANAGE)
def consultation_status(request, public_id):
    consultation = get_consultation(request, public_id)
    status = request.POST.get("status", "")
    if status == Consultation.Status.CANCELLED and not request.POST.get("confirm"):
        # Cancelling tells every registrant: ask first, and say how many people that is.
        return render(
            request,
            "consultations/consultation_cancel_confirm.html",
            {"consultation": consultation},
        )
    if status not in Consultation.Status.values:
        messages.error(request, _("Unknown status."))
    else:
        try:
            services.consultation_set_status(
                consultation=consultation, status=status, by=Actor.from_request(request)
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Status changed to: %(status)s.") % {"status": Consultation.Status(status).label},
            )
    return redirect("consultations:consultation-detail", consultation.public_id)
