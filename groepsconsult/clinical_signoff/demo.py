"""Demo: the first demo region's physician has approved the rule set in force, the second has
not yet, so both states (and the booklet's draft line) can be shown. Through the service."""

from django.contrib.auth import get_user_model

from groepsconsult import clinical
from groepsconsult.audit.services import Actor
from groepsconsult.clinical_signoff.selectors import ruleset_is_approved
from groepsconsult.clinical_signoff.services import ruleset_approve

APPROVED_REGIONS = ("den-haag",)  # utrecht stays unapproved: its booklets say "draft"


def seed(*, region, rng):
    version = clinical.DEFAULT_RULESET_VERSION
    if region.slug not in APPROVED_REGIONS or ruleset_is_approved(region, version):
        return
    user = get_user_model().objects.filter(username=f"physician.{region.slug}").first()
    if user is None:
        return
    by = Actor.for_user(user, role="physician", region_slug=region.slug)
    ruleset_approve(region=region, version=version, by=by)
