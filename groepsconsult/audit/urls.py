from django.urls import path

from groepsconsult.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.access_log, name="access-log"),
    path("export.csv", views.access_log_export, name="access-log-export"),
]
