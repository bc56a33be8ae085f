from django.urls import path

from groepsconsult.offers import views

app_name = "offers"
urlpatterns = [
    path("", views.offer_list, name="offer-list"),
    path("new/", views.offer_create, name="offer-create"),
    path("<uuid:public_id>/", views.offer_detail, name="offer-detail"),
    path("<uuid:public_id>/edit/", views.offer_edit, name="offer-edit"),
    path("<uuid:public_id>/confirm/", views.offer_confirm, name="offer-confirm"),
]
