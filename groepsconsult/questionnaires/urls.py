from django.urls import path

from groepsconsult.questionnaires import views

app_name = "questionnaires"
urlpatterns = [
    path("", views.questionnaire_start, name="start"),
    path("r/<uuid:registration>/", views.registration_overview, name="registration"),
    path("r/<uuid:registration>/fill/", views.response_fill, name="fill"),
    path("r/<uuid:registration>/hand-back/", views.hand_back, name="hand-back"),
    path("session/<uuid:consultation>/work-check/", views.work_check_fill, name="work-check"),
]
