from django.urls import path

from groepsconsult.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("plenary/", views.plenary_list, name="plenary-list"),
    path("plenary/<uuid:consultation_id>/", views.plenary_detail, name="plenary-detail"),
]
