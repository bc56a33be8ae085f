from django.urls import path

from groepsconsult.gpfeedback import views

app_name = "gpfeedback"
urlpatterns = [
    path("", views.feedback_list, name="feedback-list"),
    path("<uuid:public_id>/letter.pdf", views.feedback_letter, name="feedback-letter"),
    path("<uuid:public_id>/bundle.json", views.feedback_bundle, name="feedback-bundle"),
    path("<uuid:public_id>/received/", views.feedback_acknowledge, name="feedback-acknowledge"),
    path("referrals/", views.referral_list, name="referral-list"),
    path("referrals/new/", views.referral_new, name="referral-new"),
    path("prepare/<uuid:consultation>/", views.feedback_prepare, name="feedback-prepare"),
]
