from django.urls import path

from groepsconsult.team import views

app_name = "team"
urlpatterns = [
    path("", views.member_list, name="member-list"),
    path("new/", views.member_add, name="member-add"),
    path("<int:pk>/", views.member_edit, name="member-edit"),
    path(
        "<int:pk>/reset-two-factor/", views.member_reset_two_factor, name="member-reset-two-factor"
    ),
]
