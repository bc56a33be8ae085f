from django.urls import path

from groepsconsult.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.consultation_message_list, name="consultation-message-list"),
    path(
        "consultations/<uuid:public_id>/",
        views.consultation_message_detail,
        name="consultation-message-detail",
    ),
    path(
        "participants/<uuid:public_id>/contact/",
        views.contact_preference_edit,
        name="contact-preference-edit",
    ),
]
