from django.contrib.auth import views as auth_views
from django.urls import path

from groepsconsult.accounts import views
from groepsconsult.core.access import public

app_name = "accounts"
urlpatterns = [
    # The login steps are public: a user who is not yet verified must reach them.
    path("login/", public(views.LoginView.as_view()), name="login"),
    path("logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("two-factor/", public(views.two_factor), name="two-factor"),
    path("enrol/<str:token>/", public(views.enrol), name="enrol"),
    path("password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("password/reset/", public(views.PasswordResetView.as_view()), name="password-reset"),
    path("password/reset/sent/", public(views.password_reset_sent), name="password-reset-done"),
    path(
        "password/reset/<uidb64>/<token>/",
        public(views.PasswordResetConfirmView.as_view()),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/done/",
        public(views.password_reset_complete),
        name="password-reset-complete",
    ),
    path("region/", views.region_switch, name="region-switch"),
    path("roles/", views.roles, name="roles"),
]
