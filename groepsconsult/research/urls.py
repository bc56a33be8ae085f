from django.urls import path

from groepsconsult.research import views

app_name = "research"
urlpatterns = [
    path("", views.export_list, name="export-list"),
    path("<uuid:public_id>/export.zip", views.export_download, name="export-download"),
    path("projects/", views.project_list, name="project-list"),
    path("projects/new/", views.project_create, name="project-create"),
    path("projects/<uuid:public_id>/", views.project_edit, name="project-edit"),
    path("agreements/new/", views.agreement_create, name="agreement-create"),
    path("agreements/<uuid:public_id>/", views.agreement_edit, name="agreement-edit"),
]
