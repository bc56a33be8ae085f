from django.urls import path

from groepsconsult.consent import views

app_name = "consent"
urlpatterns = [
    path(
        "participant/<uuid:public_id>/",
        views.participant_consents,
        name="participant-consents",
    ),
    path(
        "participant/<uuid:public_id>/paper-form/",
        views.consent_paper_form,
        name="consent-paper-form",
    ),
    path("participant/<uuid:public_id>/ask/", views.consent_ask, name="consent-ask"),
    path("<uuid:public_id>/withdraw/", views.consent_withdraw, name="consent-withdraw"),
]
