from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClinicalSignoffConfig(AppConfig):
    """The region's responsible physician approves a version of the clinical rule set.

    `clinical` is pure Python without Django, so the approval (who, when, which version) lives
    here; presenters ask `selectors.ruleset_is_approved(region=..., version=...)`.
    """

    name = "groepsconsult.clinical_signoff"
    label = "clinical_signoff"
    verbose_name = _("Clinical sign-off")
    nav_items = [(_("Clinical rule set"), "clinical_signoff:ruleset-detail", "ruleset_approve")]
