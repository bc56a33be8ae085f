from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_bsn(value: str) -> None:
    """The BSN eleven-test (elfproef): weights 9..2 and -1 on the last digit."""
    if not value.isdigit() or len(value) != 9:
        raise ValidationError(_("A BSN has 9 digits."), code="bsn_format")
    total = sum(
        int(digit) * weight for digit, weight in zip(value[:8], range(9, 1, -1), strict=True)
    )
    total -= int(value[8])
    if total % 11 != 0:
        raise ValidationError(
            _("This is not a valid BSN (it fails the eleven-test)."), code="bsn_check"
        )
