from django.urls import path

from groepsconsult.clinical_signoff import views

app_name = "clinical_signoff"
urlpatterns = [
    path("", views.ruleset_detail, name="ruleset-detail"),
    path("approve/", views.ruleset_approve, name="ruleset-approve"),
]
