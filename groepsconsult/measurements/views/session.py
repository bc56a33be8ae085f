"""Per-session overviews: progress grid, alert panel and banner, acknowledging an alert.

Who may use them: MEASUREMENT_VIEW for the grid and the panel, ALERT_ACKNOWLEDGE for the banner,
the header alarm counter and the acknowledgement (the responsible physician).
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.core.http import render_page, safe_next
from groepsconsult.measurements import selectors, services
from groepsconsult.measurements.classify import ALARM_LABELS
from groepsconsult.measurements.models import Station
from groepsconsult.measurements.stations import MEASURED_STATIONS

ALERTS_LOGGED_KEY = "alerts_logged"


def _log_alerts(request, alerts):
    """Log each alert the first time this login session shows it.

    The banner is polled every 10 s on every tablet; logging the same names again on each poll
    would bury the privacy officer's log without telling them anything new.
    """
    shown = set(request.session.get(ALERTS_LOGGED_KEY, []))
    new = [a for a in alerts if str(a.public_id) not in shown]
    if new:
        access_log_write(
            by=Actor.from_request(request),
            action=AccessEvent.Action.LIST,
            subject_type="alert",
            participant_ids=[a.measurement.registration.participant.public_id for a in new],
            purpose=selectors.PURPOSE,
        )
        request.session[ALERTS_LOGGED_KEY] = sorted(shown | {str(a.public_id) for a in new})


@require_permission(Permission.MEASUREMENT_VIEW)
def progress_grid(request, consultation):
    consultation = consultation_get_for_user(
        membership=request.membership, public_id=consultation, readiness=False
    )
    polled = bool(request.htmx) and not request.htmx.boosted
    rows = selectors.progress_grid(
        membership=request.membership,
        by=Actor.from_request(request),
        consultation=consultation,
        log=not polled,
    )
    context = {
        "consultation": consultation,
        "rows": rows,
        "stations": [Station(s) for s in MEASURED_STATIONS],
        "station": (request.session.get("measurement_station") or {}).get("station", ""),
    }
    return render_page(
        request, "measurements/progress_grid.html", context, partial="measurements/_grid.html"
    )


def _alert_context(request, consultation):
    alerts = selectors.alert_open_list_for_consultation(consultation=consultation)
    _log_alerts(request, alerts)
    return {"consultation": consultation, "alerts": alerts, "alarm_labels": ALARM_LABELS}


@require_permission(Permission.MEASUREMENT_VIEW)
def alert_panel(request, consultation):
    consultation = consultation_get_for_user(
        membership=request.membership, public_id=consultation, readiness=False
    )
    return render_page(
        request,
        "measurements/alert_panel.html",
        _alert_context(request, consultation),
        partial="measurements/_alert_list.html",
    )


@require_permission(Permission.ALERT_ACKNOWLEDGE)
def alert_banner(request, consultation):
    """The polled banner on station pages (htmx, every 10 s)."""
    consultation = consultation_get_for_user(
        membership=request.membership, public_id=consultation, readiness=False
    )
    return render(request, "measurements/_alert_banner.html", _alert_context(request, consultation))


@require_permission(Permission.ALERT_ACKNOWLEDGE)
@require_POST
def alert_acknowledge(request, alert):
    alert = selectors.alert_get_for_user(membership=request.membership, public_id=alert)
    services.alert_acknowledge(alert=alert, by=Actor.from_request(request))
    consultation = alert.measurement.registration.consultation
    panel = reverse("measurements:alert-panel", kwargs={"consultation": consultation.public_id})
    return redirect(safe_next(request, panel))


@require_GET
@require_permission(Permission.ALERT_ACKNOWLEDGE)
def alarm_count(request):
    """The physician's header counter (htmx, polled): a number only, so nothing is logged."""
    count = selectors.alert_open_count(region=request.membership.region)
    return render(request, "measurements/_alarm_count.html", {"count": count})
