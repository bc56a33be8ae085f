"""State rules for consent (check_can_* raises, can_* answers templates)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def can_withdraw_consent(consent) -> bool:
    return consent.is_current


def check_can_withdraw_consent(consent) -> None:
    # Only an open "given" row can be withdrawn: a refusal or a closed row has nothing to end.
    if not can_withdraw_consent(consent):
        raise ValidationError(_("This consent is no longer in force, so it cannot be withdrawn."))
