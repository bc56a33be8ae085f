from django.urls import path

from groepsconsult.monitoring import views, views_dashboard, views_equity, views_targets

app_name = "monitoring"
urlpatterns = [
    path("", views_dashboard.dashboard, name="dashboard"),
    path("export/<slug:what>.csv", views_dashboard.dashboard_export, name="dashboard-export"),
    path(
        "export/<slug:what>.xlsx",
        views_dashboard.dashboard_export,
        {"fmt": "xlsx"},
        name="dashboard-export-xlsx",
    ),
    path("report.pdf", views_dashboard.funder_report, name="funder-report"),
    path("equity/", views_equity.equity, name="equity"),
    path("targets/", views_targets.target_list, name="target-list"),
    path("targets/<uuid:public_id>/edit/", views_targets.target_edit, name="target-edit"),
    path("targets/<uuid:public_id>/delete/", views_targets.target_delete, name="target-delete"),
    path("plenary/", views.plenary_list, name="plenary-list"),
    path("plenary/<uuid:consultation_id>/", views.plenary_detail, name="plenary-detail"),
]
