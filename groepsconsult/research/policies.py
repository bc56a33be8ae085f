"""When an agreement may be exported: while it and its project run, and only what it allows."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from groepsconsult.research.models import Status


def check_can_export_agreement(agreement):
    if agreement.status != Status.ACTIVE:
        raise PermissionDenied(_("This data-sharing agreement is not valid today."))
    if agreement.project.status != Status.ACTIVE:
        raise PermissionDenied(_("This research project is not running today."))


def can_export_agreement(agreement) -> bool:
    try:
        check_can_export_agreement(agreement)
    except PermissionDenied:
        return False
    return True
