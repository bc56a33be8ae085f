from django.urls import path

from groepsconsult.geo import views

app_name = "geo"
urlpatterns = [
    path("", views.map_view, name="map"),
    path("export.<slug:fmt>", views.map_export, name="map-export"),
    path("boundaries/", views.boundaries_upload, name="boundaries-upload"),
    path("reference/", views.reference_list, name="reference-list"),
    path("reference/new/", views.reference_create, name="reference-create"),
]
