from django.urls import path

from groepsconsult.participants import views, views_background

app_name = "participants"
urlpatterns = [
    path("", views.participant_list, name="participant-list"),
    path("new/", views.participant_create, name="participant-create"),
    path("<uuid:public_id>/", views.participant_detail, name="participant-detail"),
    path("<uuid:public_id>/edit/", views.participant_edit, name="participant-edit"),
    path("<uuid:public_id>/merge/", views.participant_merge, name="participant-merge"),
    path(
        "<uuid:public_id>/background/",
        views_background.participant_background,
        name="participant-background",
    ),
]
