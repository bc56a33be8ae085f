from django.urls import path

from groepsconsult.handovers import views

app_name = "handovers"
urlpatterns = [
    path("", views.handover_list, name="handover-list"),
    path("new/<uuid:participant>/", views.handover_propose, name="handover-propose"),
    path("<uuid:public_id>/", views.handover_detail, name="handover-detail"),
    path("inbox/", views.handover_inbox, name="handover-inbox"),
    path("inbox/<uuid:public_id>/", views.handover_inbox_detail, name="handover-inbox-detail"),
    path("signals/", views.signal_list, name="signal-list"),
    path("signals/<uuid:public_id>/resolve/", views.signal_resolve, name="signal-resolve"),
]
