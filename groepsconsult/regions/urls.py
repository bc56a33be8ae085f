from django.urls import path

from groepsconsult.regions import views

app_name = "regions"

PATHS = {
    "neighbourhood": "neighbourhoods",
    "location": "locations",
    "organisation": "organisations",
    "professional": "professionals",
}

urlpatterns = []
for entity, prefix in PATHS.items():
    urlpatterns += [
        path(f"{prefix}/", views.entity_list, {"entity": entity}, name=f"{entity}-list"),
        path(f"{prefix}/new/", views.entity_create, {"entity": entity}, name=f"{entity}-create"),
        path(
            f"{prefix}/<uuid:public_id>/edit/",
            views.entity_edit,
            {"entity": entity},
            name=f"{entity}-edit",
        ),
    ]
