from django.urls import path

from groepsconsult.goals import views

app_name = "goals"
urlpatterns = [
    path("", views.goal_start, name="goal-start"),
    path("r/<uuid:registration>/", views.goal_edit, name="goal-edit"),
]
