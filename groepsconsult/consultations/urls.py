from django.urls import path

from groepsconsult.consultations.views import planning, roster, runsheet, warnings

app_name = "consultations"

urlpatterns = [
    path("", planning.consultation_list, name="consultation-list"),
    path("calendar/", planning.consultation_calendar, name="consultation-calendar"),
    path("new/", planning.consultation_create, name="consultation-create"),
    path("new/warnings/", warnings.consultation_warnings, name="consultation-warnings"),
    path("<uuid:public_id>/", planning.consultation_detail, name="consultation-detail"),
    path("<uuid:public_id>/edit/", planning.consultation_edit, name="consultation-edit"),
    path(
        "<uuid:public_id>/edit/warnings/",
        warnings.consultation_warnings,
        name="consultation-edit-warnings",
    ),
    path("<uuid:public_id>/copy/", planning.consultation_copy, name="consultation-copy"),
    path("<uuid:public_id>/status/", planning.consultation_status, name="consultation-status"),
    path("<uuid:public_id>/team/", roster.roster, name="roster"),
    path("<uuid:public_id>/team/warnings/", warnings.roster_warnings, name="roster-warnings"),
    path("<uuid:public_id>/team/assign/", roster.roster_assign, name="roster-assign"),
    path("<uuid:public_id>/team/tables/", roster.roster_station_add, name="roster-station-add"),
    path(
        "<uuid:public_id>/team/<str:item>/<uuid:item_id>/remove/",
        roster.roster_remove,
        name="roster-remove",
    ),
    path("<uuid:public_id>/run-sheet/", runsheet.runsheet, name="runsheet"),
    path("<uuid:public_id>/run-sheet/print/", runsheet.runsheet_print, name="runsheet-print"),
    path("<uuid:public_id>/run-sheet.pdf", runsheet.runsheet_pdf, name="runsheet-pdf"),
    path("<uuid:public_id>/run-sheet/add/", runsheet.runsheet_block_add, name="runsheet-add"),
    path("<uuid:public_id>/run-sheet/reset/", runsheet.runsheet_reset, name="runsheet-reset"),
    path("run-sheet-template/", runsheet.runsheet_template, name="runsheet-template"),
    path(
        "run-sheet-template/add/",
        runsheet.runsheet_template_block_add,
        name="runsheet-template-add",
    ),
    path("blocks/<uuid:block_id>/edit/", runsheet.runsheet_block_edit, name="block-edit"),
    path(
        "blocks/<uuid:block_id>/<str:action>/",
        runsheet.runsheet_block_action,
        name="block-action",
    ),
]
