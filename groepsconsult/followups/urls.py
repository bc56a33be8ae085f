from django.urls import path

from groepsconsult.followups import views

app_name = "followups"
urlpatterns = [
    path("calls/", views.worklist, name="worklist"),
    path("calls/<uuid:registration>/", views.call, name="call"),
    path("calls/<uuid:registration>/story/", views.story_create, name="story-create"),
    path("stories/", views.story_list, name="story-list"),
    path("review/", views.review_list, name="review-list"),
    path(
        "sessions/<uuid:consultation>/close-out/", views.session_closeout, name="session-closeout"
    ),
]
