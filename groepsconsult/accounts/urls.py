from django.contrib.auth import views as auth_views
from django.urls import path

from groepsconsult.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views.two_factor, name="two-factor"),
    path("region/", views.region_switch, name="region-switch"),
    path("roles/", views.roles, name="roles"),
]
