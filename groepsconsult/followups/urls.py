from django.urls import path

from groepsconsult.followups import views

app_name = "followups"
urlpatterns = [
    path("calls/", views.worklist, name="worklist"),
    path("calls/<uuid:registration>/", views.call, name="call"),
    path("review/", views.review_list, name="review-list"),
    path(
        "sessions/<uuid:consultation>/close-out/", views.session_closeout, name="session-closeout"
    ),
]
