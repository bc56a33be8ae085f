from django.urls import path

from groepsconsult.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.statement, name="statement"),
    path("register/", views.processing_register, name="register"),
    path("subjects/", views.subject_search, name="subject-search"),
    path("subjects/<uuid:public_id>/", views.subject_detail, name="subject-detail"),
    path(
        "subjects/<uuid:public_id>/export.json",
        views.subject_export,
        {"fmt": "json"},
        name="subject-export-json",
    ),
    path(
        "subjects/<uuid:public_id>/export.pdf",
        views.subject_export,
        {"fmt": "pdf"},
        name="subject-export-pdf",
    ),
    path("subjects/<uuid:public_id>/anonymise/", views.subject_anonymise, name="subject-anonymise"),
]
