"""Mounted at /participants/import/ by the root URLconf."""

from django.urls import path

from groepsconsult.participants import views_import as views

app_name = "gp_import"
urlpatterns = [
    path("", views.batch_list, name="batch-list"),
    path("<uuid:public_id>/", views.batch_preview, name="batch-preview"),
    path("<uuid:public_id>/import/", views.batch_confirm, name="batch-confirm"),
    path("<uuid:public_id>/cancel/", views.batch_cancel, name="batch-cancel"),
    path("<uuid:public_id>/calls/", views.call_list, name="call-list"),
    path("calls/<uuid:public_id>/", views.call_outcome, name="call-outcome"),
]
