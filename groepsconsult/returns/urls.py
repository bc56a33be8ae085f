from django.urls import path

from groepsconsult.returns import views

app_name = "returns"
urlpatterns = [
    path("", views.index, name="index"),
    path("sessions/<uuid:consultation>/", views.session, name="session"),
    path("sessions/<uuid:consultation>/letters.pdf", views.session_letters, name="letters"),
    path("sessions/<uuid:consultation>/call-list/", views.call_list, name="call-list"),
    path("invitations/<uuid:invitation>/letter.pdf", views.invitation_letter, name="letter"),
    path(
        "invitations/<uuid:invitation>/register/",
        views.invitation_register,
        name="invitation-register",
    ),
    path(
        "invitations/<uuid:invitation>/not-coming/",
        views.invitation_not_coming,
        name="invitation-not-coming",
    ),
]
