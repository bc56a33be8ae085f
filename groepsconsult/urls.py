from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from groepsconsult.core import operations
from groepsconsult.core import views as core_views
from groepsconsult.regions.dashboard import dashboard

# The admin demands a two-factor-verified staff user, like the rest of the app.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("healthz", core_views.healthz, name="healthz"),
    path("metrics", operations.metrics, name="metrics"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("ui/components/", core_views.components, name="components"),
    path("account/", include("groepsconsult.accounts.urls")),
    path("region/", include("groepsconsult.regions.urls")),
    path("participants/import/", include("groepsconsult.participants.urls_import")),
    path("participants/", include("groepsconsult.participants.urls")),
    path("access-log/", include("groepsconsult.audit.urls")),
    path("users/", include("groepsconsult.team.urls")),
    path("consultations/", include("groepsconsult.consultations.urls")),
    path("offers/", include("groepsconsult.offers.urls")),
    # Public, plain-language pages for residents (no login): registration, flyers.
    path("aanmelden/", include("groepsconsult.registrations.urls")),
    path("consent/", include("groepsconsult.consent.urls")),
    path("notifications/", include("groepsconsult.notifications.urls")),
    path("measurements/", include("groepsconsult.measurements.urls")),
    path("clinical-rules/", include("groepsconsult.clinical_signoff.urls")),
    path("questionnaires/", include("groepsconsult.questionnaires.urls")),
    path("goals/", include("groepsconsult.goals.urls")),
    path("documents/", include("groepsconsult.documents.urls")),
    path("monitoring/", include("groepsconsult.monitoring.urls")),
    path("maps/", include("groepsconsult.geo.urls")),
    path("handovers/", include("groepsconsult.handovers.urls")),
    path("gp-feedback/", include("groepsconsult.gpfeedback.urls")),
    path("followups/", include("groepsconsult.followups.urls")),
    path("returns/", include("groepsconsult.returns.urls")),
    path("finance/", include("groepsconsult.finance.urls")),
    path("research/", include("groepsconsult.research.urls")),
    path("privacy/", include("groepsconsult.privacy.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler500 = "groepsconsult.core.operations.server_error"
