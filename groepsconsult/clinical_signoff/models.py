"""One approval = one region's responsible physician approving one rule-set version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class RulesetApproval(PublicModel):
    """The rule set in force is a proposal until this row exists for (region, version).

    A new version needs a new approval: the version is part of the key, and rows are never
    edited (an approval is a signature). `approved_by_name` keeps the signer's name readable
    even if the account is later renamed or deactivated.
    """

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="ruleset_approvals"
    )
    ruleset_version = models.CharField(_("rule-set version"), max_length=20)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_by_name = models.CharField(_("approved by"), max_length=150)
    approved_at = models.DateTimeField(_("approved at"))

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-approved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "ruleset_version"], name="ruleset_approval_once_per_version"
            ),
        ]

    def __str__(self):
        return f"{self.region} {self.ruleset_version} ({self.approved_by_name})"
