from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.accounts.permissions import Permission, Role, role_has_permission
from groepsconsult.core.models import TimeStampedModel


class User(AbstractUser):
    """A person who logs in. Their rights come from Memberships, one per region."""

    preferred_language = models.CharField(
        _("interface language"),
        max_length=8,
        default="nl",
        choices=[("nl", "Nederlands"), ("en", "English")],
    )
    # Set when an administrator gave a one-time password: until the user chooses their own, they
    # may only change it, and after this moment the one-time password no longer logs in.
    one_time_password_expires_at = models.DateTimeField(
        _("one-time password expires at"), null=True, blank=True
    )

    @property
    def must_change_password(self) -> bool:
        return self.one_time_password_expires_at is not None


class Membership(TimeStampedModel):
    """A user's role in one region. GP-practice users are tied to their practice."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    organisation = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
        help_text=_("Required for GP-practice users: they see only this practice's patients."),
    )
    professional = models.ForeignKey(
        "regions.Professional",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "region"], name="membership_one_role_per_region"
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.GP_PRACTICE) | Q(organisation__isnull=False),
                name="membership_gp_practice_has_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.region}"

    def has_permission(self, permission: Permission) -> bool:
        return self.is_active and role_has_permission(self.role, permission)
