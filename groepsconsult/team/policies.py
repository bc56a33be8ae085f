"""What a region administrator may do to accounts, and what needs an installation administrator.

A region administrator manages their own region only. An account that reaches beyond the region
(a member of another region, or a staff or superuser account of the installation) can be taken
over by whoever attaches it or wipes its authenticator, so that needs an installation
administrator (a superuser).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from groepsconsult.accounts.models import Membership


def account_reaches_beyond_region(*, user, region) -> bool:
    return (
        user.is_staff
        or user.is_superuser
        or Membership.objects.filter(user=user).exclude(region=region).exists()
    )


def is_installation_administrator(user) -> bool:
    return user.is_superuser


def check_can_attach_account(*, user, region, by_user) -> None:
    if account_reaches_beyond_region(user=user, region=region) and not (
        is_installation_administrator(by_user)
    ):
        raise ValidationError(
            _(
                "This account also works outside this region. Only the installation "
                "administrator may add it here."
            ),
            code="installation_administrator_needed",
        )


def check_can_reset_two_factor(*, membership, by_user) -> None:
    if account_reaches_beyond_region(
        user=membership.user, region=membership.region
    ) and not is_installation_administrator(by_user):
        raise PermissionDenied


def can_reset_two_factor(*, membership, by_user) -> bool:
    try:
        check_can_reset_two_factor(membership=membership, by_user=by_user)
    except PermissionDenied:
        return False
    return True
