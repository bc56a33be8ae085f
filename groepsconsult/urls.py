from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from groepsconsult.core import views as core_views
from groepsconsult.regions.dashboard import dashboard

# The admin demands a two-factor-verified staff user, like the rest of the app.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("healthz", core_views.healthz, name="healthz"),
    path("ui/components/", core_views.components, name="components"),
    path("account/", include("groepsconsult.accounts.urls")),
    path("region/", include("groepsconsult.regions.urls")),
    path("participants/", include("groepsconsult.participants.urls")),
    path("access-log/", include("groepsconsult.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
