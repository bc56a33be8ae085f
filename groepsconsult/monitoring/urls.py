from django.urls import path

from groepsconsult.monitoring import views, views_dashboard

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
    path("plenary/", views.plenary_list, name="plenary-list"),
    path("plenary/<uuid:consultation_id>/", views.plenary_detail, name="plenary-detail"),
]
