"""Station mode for tablets: choose session and station once, pick a participant, enter values.

Who may use them: MEASUREMENT_ENTER. The entry form answers JSON when station.js posts it
(Accept: application/json) so a failed save can be kept and retried on the tablet; without
JavaScript it is an ordinary POST-redirect-GET form.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consent.selectors import consent_status_map
from groepsconsult.consultations.selectors import (
    consultation_get_for_user,
    consultation_session_choices,
)
from groepsconsult.core.http import form_add_validation_error
from groepsconsult.measurements import selectors, services
from groepsconsult.measurements.classify import ALARM_LABELS
from groepsconsult.measurements.forms import (
    CorrectionForm,
    DayNumberForm,
    NameSearchForm,
    StationEntryForm,
    StationSetupForm,
)
from groepsconsult.measurements.interpretation import interpret, kind_of
from groepsconsult.measurements.models import Station
from groepsconsult.measurements.stations import station_measures
from groepsconsult.registrations.selectors import (
    registration_find_by_day_number,
    registration_get_for_user,
)

SESSION_KEY = "measurement_station"


def _station(request):
    """The table this tablet works at: from the form, the address (?station=) or the session.

    None when unknown: the page then asks which table (an unknown value is not an error page).
    """
    remembered = (request.session.get(SESSION_KEY) or {}).get("station")
    value = request.POST.get("station") or request.GET.get("station") or remembered
    return Station(value) if value in Station.values else None


def station_url(name, station, **kwargs):
    """A station page's address; the table travels as ?station= (no personal data)."""
    return f"{reverse(f'measurements:{name}', kwargs=kwargs)}?station={station}"


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def station_context(request, consultation, station):
    """Shared by every station page: the banner of open alerts for the physician."""
    alerts = []
    if request.membership.has_permission(Permission.ALERT_ACKNOWLEDGE):
        alerts = selectors.alert_open_list_for_consultation(consultation=consultation)
    return {
        "consultation": consultation,
        "station": station,
        "alerts": alerts,
        "alarm_labels": ALARM_LABELS,
        "station_choices": Station.choices,
    }


@require_permission(Permission.MEASUREMENT_ENTER)
def station_start(request):
    sessions = consultation_session_choices(region=request.membership.region)
    remembered = request.session.get(SESSION_KEY) or {}
    form = StationSetupForm(request.POST or None, sessions=sessions, initial=remembered or None)
    still_valid = (
        remembered and sessions.sessions.filter(public_id=remembered["consultation"]).exists()
    )
    if request.method == "GET" and still_valid and "change" not in request.GET:
        # Chosen once per tablet: go straight back to the station.
        return redirect(
            station_url(
                "station-pick", remembered["station"], consultation=remembered["consultation"]
            )
        )
    if request.method == "POST" and form.is_valid():
        consultation = form.cleaned_data["consultation"]
        station = form.cleaned_data["station"]
        request.session[SESSION_KEY] = {
            "consultation": str(consultation.public_id),
            "station": station,
        }
        return redirect(station_url("station-pick", station, consultation=consultation.public_id))
    return render(request, "measurements/station_start.html", {"form": form})


def _pick_page(request, consultation, station, *, form=None, search_form=None, results=None):
    context = station_context(request, consultation, station) | {
        "form": form or DayNumberForm(),
        "search_form": search_form or NameSearchForm(),
        "results": results,
    }
    return render(request, "measurements/station_pick.html", context)


@require_permission(Permission.MEASUREMENT_ENTER)
def station_pick(request, consultation):
    station = _station(request)
    consultation = consultation_get_for_user(membership=request.membership, public_id=consultation)
    form = DayNumberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        registration = registration_find_by_day_number(
            membership=request.membership,
            consultation=consultation,
            day_number=form.cleaned_data["day_number"],
        )
        if registration is not None and station:
            return redirect(
                station_url("station-entry", station, registration=registration.public_id)
            )
        if registration is None:
            form.add_error("day_number", _("Nobody has this number in this session."))
    return _pick_page(request, consultation, station, form=form)


@require_permission(Permission.MEASUREMENT_ENTER)
def station_search(request, consultation):
    """Find a participant by name. Searches only on POST: names never go into a URL."""
    station = _station(request)
    consultation = consultation_get_for_user(membership=request.membership, public_id=consultation)
    if request.method != "POST":
        return _pick_page(request, consultation, station)
    search_form = NameSearchForm(request.POST)
    results = None
    if search_form.is_valid():
        results = selectors.registration_search_at_station(
            membership=request.membership,
            by=Actor.from_request(request),
            consultation=consultation,
            q=search_form.cleaned_data["q"],
        )
    return _pick_page(request, consultation, station, search_form=search_form, results=results)


def _entry_context(request, registration, station, form):
    current = selectors.measurement_current_for_registration(registration=registration)
    measures = station_measures(station) if station else []
    lines = interpret(current)  # the stored colours, read as every other reader reads them
    return station_context(request, registration.consultation, station) | {
        "registration": registration,
        "participant": registration.participant,
        "gp_consent": consent_status_map(participant_ids=[registration.participant_id]).get(
            registration.participant_id, ""
        ),
        "form": form,
        "current": [(current[m], lines.get(kind_of(m))) for m in measures if m in current],
        "history": selectors.measurement_history_for_registration(
            registration=registration, measures=measures
        ),
    }


def _taken(registration, station):
    return selectors.measurement_taken_measures(
        registration=registration, measures=station_measures(station)
    )


@require_permission(Permission.MEASUREMENT_ENTER)
def station_entry(request, registration):
    if request.method != "POST":
        return _station_entry(request, registration)
    # The read's access-log row and the values commit together: one transaction, not two.
    with transaction.atomic():
        return _station_entry(request, registration)


def _station_entry(request, registration):
    station = _station(request)
    by = Actor.from_request(request)
    registration = registration_get_for_user(
        membership=request.membership, by=by, public_id=registration, purpose=selectors.PURPOSE
    )
    if station is None:
        context = _entry_context(request, registration, None, None)
        return render(request, "measurements/station_entry.html", context)
    done = request.method == "POST" and selectors.measurement_rows_for_submission(
        registration=registration,
        client_token=_uuid(request.POST.get("client_token")),
        measures=[*station_measures(station), "bmi"],
    )
    if done:
        return _saved(request, registration, station, done)  # a retry whose first attempt arrived
    taken = _taken(registration, station)
    form = StationEntryForm(request.POST or None, station=station, taken=taken)
    if request.method == "POST" and form.is_valid():
        try:
            rows = services.measurements_record(
                registration=registration,
                entry=form.entry(),
                by=by,
                client_token=form.cleaned_data.get("client_token"),
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            return _saved(request, registration, station, rows)
    if request.method == "POST" and _wants_json(request):
        html = render_to_string(
            "measurements/_entry_form.html", {"form": form, "station": station}, request=request
        )
        return JsonResponse({"ok": False, "errors": form.errors, "html": html}, status=400)
    context = _entry_context(request, registration, station, form)
    return render(request, "measurements/station_entry.html", context)


def _uuid(value):
    try:
        return uuid.UUID(value)
    except (TypeError, ValueError):
        return None


def _saved(request, registration, station, rows):
    """Back to the next participant; an alarm value is told at once to whoever saved it."""
    message = _("Saved for number %(n)s.") % {"n": registration.day_number}
    alarm = " ".join(
        str(ALARM_LABELS.get(code, code)) for code in selectors.alert_reasons_for_rows(rows=rows)
    )
    if alarm:
        alarm = _("Number %(n)s: %(alarm)s") % {"n": registration.day_number, "alarm": alarm}
    pick = station_url("station-pick", station, consultation=registration.consultation.public_id)
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": message, "alarm": alarm, "redirect": pick})
    messages.success(request, message)
    if alarm:
        messages.error(request, alarm, extra_tags="alarm")
    return redirect(pick)


@require_permission(Permission.MEASUREMENT_ENTER)
def measurement_correct(request, measurement):
    by = Actor.from_request(request)
    measurement = selectors.measurement_get_for_user(
        membership=request.membership, by=by, public_id=measurement
    )
    registration = measurement.registration
    station = measurement.station or Station.CARE
    current = selectors.measurement_current_for_registration(registration=registration)
    measures = services.correction_measures(measurement)
    form = CorrectionForm(request.POST or None, measures=measures, current=current)
    if measurement.superseded_by_id:
        form.add_error(None, _("This value has already been corrected."))
    elif request.method == "POST" and form.is_valid():
        try:
            services.measurement_correct(
                measurement=measurement,
                values=form.values(),
                reason=form.cleaned_data["reason"],
                fasting=form.fasting(),
                by=by,
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Correction saved; the old value stays in the history."))
            return redirect(
                station_url("station-entry", station, registration=registration.public_id)
            )
    context = station_context(request, registration.consultation, station) | {
        "form": form,
        "measurement": measurement,
        "registration": registration,
        "participant": registration.participant,
    }
    return render(request, "measurements/measurement_correct.html", context)
