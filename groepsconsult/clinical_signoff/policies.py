"""State rules of the sign-off: only the version in force, and only once per region."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from groepsconsult import clinical


def check_can_approve_ruleset(*, version, already_approved: bool) -> None:
    # Approving a version that is not in force would sign off something nobody sees.
    if version != clinical.DEFAULT_RULESET_VERSION:
        raise ValidationError(_("Only the rule set in force can be approved."))
    if already_approved:
        raise ValidationError(_("This rule-set version is already approved for this region."))


def can_approve_ruleset(*, version, already_approved: bool) -> bool:
    try:
        check_can_approve_ruleset(version=version, already_approved=already_approved)
    except ValidationError:
        return False
    return True
