"""The team of one session: tables, bookings and session roles, with VOG and BIG warnings, and
the team picker (filter by name, discipline and language; BIG, VOG and language badges).

Who may use them: CONSULTATION_VIEW to see the team, CONSULTATION_MANAGE to change it.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations import policies, selectors, services
from groepsconsult.consultations.forms import AssignmentForm, PickerFilterForm, StationForm
from groepsconsult.consultations.models import RosterAssignment, RosterStation
from groepsconsult.consultations.plan_warnings import session_warnings
from groepsconsult.consultations.readiness import facts_from_annotations, readiness_check
from groepsconsult.consultations.roster_warnings import vog_status
from groepsconsult.consultations.views._common import get_consultation
from groepsconsult.core.http import form_add_validation_error, paginate, render_page
from groepsconsult.regions.selectors import professional_list

PICKER_SIZE = 20


def _picker(request, consultation, assign_form):
    """The team picker: the region's active professionals, filtered and paged, with their VOG
    status on the session day (the same rule as the warnings)."""
    filters = PickerFilterForm(request.GET or None)
    people = professional_list(region=consultation.region, **filters.filters())
    page = paginate(request, people.filter(is_active=True).order_by("name"), per_page=PICKER_SIZE)
    day = timezone.localtime(consultation.starts_at).date()
    return {
        "picker_form": filters,
        "picker_page": page,
        "picker_rows": [(p, vog_status(p.vog_date, on=day)) for p in page],
        # Kept checked when the filters change (the filter form sends the checked radio along).
        "picker_chosen": assign_form["professional"].value() or request.GET.get("professional", ""),
    }


def _page(request, consultation, *, assign_form=None, station_form=None, status=200):
    stations, roles, everyone = selectors.roster_for_consultation(consultation=consultation)
    assign_form = assign_form or AssignmentForm(consultation=consultation)
    context = {
        "consultation": consultation,
        "stations": stations,
        "roles": roles,
        "warnings": session_warnings(consultation=consultation, assignments=everyone),
        "readiness": readiness_check(facts_from_annotations(consultation)),
        "assign_form": assign_form,
        "station_form": station_form or StationForm(),
        "can_edit": policies.can_edit_consultation(consultation),
        **_picker(request, consultation, assign_form),
    }
    if status == 200:
        return render_page(
            request, "consultations/roster.html", context, partial="consultations/_picker.html"
        )
    return render(request, "consultations/roster.html", context, status=status)


@require_permission(Permission.CONSULTATION_VIEW)
def roster(request, public_id):
    return _page(request, get_consultation(request, public_id))


def _back(consultation):
    return redirect("consultations:roster", consultation.public_id)


@require_POST
@require_permission(Permission.CONSULTATION_MANAGE)
def roster_assign(request, public_id):
    consultation = get_consultation(request, public_id)
    form = AssignmentForm(request.POST, consultation=consultation)
    if form.is_valid():
        try:
            services.roster_assign(
                consultation=consultation,
                professional=form.cleaned_data["professional"],
                role=form.cleaned_data["role"],
                station=form.cleaned_data["station"],
                by=Actor.from_request(request),
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Booked onto the team."))
            return _back(consultation)
    return _page(request, consultation, assign_form=form, status=400)


@require_POST
@require_permission(Permission.CONSULTATION_MANAGE)
def roster_station_add(request, public_id):
    consultation = get_consultation(request, public_id)
    form = StationForm(request.POST)
    if form.is_valid():
        try:
            services.roster_station_add(
                consultation=consultation,
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"],
                by=Actor.from_request(request),
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Table added."))
            return _back(consultation)
    return _page(request, consultation, station_form=form, status=400)


@require_POST
@require_permission(Permission.CONSULTATION_MANAGE)
def roster_remove(request, public_id, item, item_id):
    """Remove a booking (item="assignment") or a table with its bookings (item="station")."""
    consultation = get_consultation(request, public_id)
    if item not in ("assignment", "station"):
        raise Http404
    model = RosterAssignment if item == "assignment" else RosterStation
    obj = selectors.roster_item_get(model=model, consultation=consultation, public_id=item_id)
    try:
        if model is RosterAssignment:
            services.roster_unassign(assignment=obj, by=Actor.from_request(request))
        else:
            services.roster_station_remove(station=obj, by=Actor.from_request(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Removed."))
    return _back(consultation)
