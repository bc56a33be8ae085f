from django.urls import path

from groepsconsult.documents import views

app_name = "documents"
urlpatterns = [
    path("booklets/", views.consultation_list, name="consultation-list"),
    path("booklets/<uuid:consultation_id>/", views.session_booklets, name="session-booklets"),
    path("booklets/<uuid:consultation_id>/all.pdf", views.session_pdf, name="session-pdf"),
    # A registration is one participant in one session: its id alone names the booklet.
    path("booklet/<uuid:registration_id>/", views.booklet_detail, name="booklet-detail"),
    path("booklet/<uuid:registration_id>/booklet.pdf", views.booklet_pdf, name="booklet-pdf"),
]
