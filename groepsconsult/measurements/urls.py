from django.urls import path

from groepsconsult.measurements.views import earlier, inbody, session, station

app_name = "measurements"

SESSION = "sessions/<uuid:consultation>"
urlpatterns = [
    path("", station.station_start, name="station-start"),
    # The table (care, measurement, ...) travels as ?station=, falling back to the session.
    path(f"{SESSION}/station/", station.station_pick, name="station-pick"),
    path(f"{SESSION}/station/search/", station.station_search, name="station-search"),
    path("entries/<uuid:registration>/", station.station_entry, name="station-entry"),
    path(
        "values/<uuid:measurement>/correct/",
        station.measurement_correct,
        name="measurement-correct",
    ),
    path(f"{SESSION}/progress/", session.progress_grid, name="progress-grid"),
    path(f"{SESSION}/alerts/", session.alert_panel, name="alert-panel"),
    path(f"{SESSION}/alerts/banner/", session.alert_banner, name="alert-banner"),
    path("alerts/count/", session.alarm_count, name="alarm-count"),
    path("alerts/<uuid:alert>/acknowledge/", session.alert_acknowledge, name="alert-acknowledge"),
    path(f"{SESSION}/inbody/", inbody.inbody_upload, name="inbody-upload"),
    path(f"{SESSION}/inbody/confirm/", inbody.inbody_confirm, name="inbody-confirm"),
    path("earlier/", earlier.earlier_import, name="earlier-import"),
]
