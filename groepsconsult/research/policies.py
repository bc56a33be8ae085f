"""When an agreement may be exported: while it and its project run, and only what it allows."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from groepsconsult.research.models import DataSharingAgreement, Status


def check_can_export_agreement(agreement, *, regions=()):
    """Valid today, and every region of the export covered by the agreement's project."""
    covered = {r.pk for r in agreement.project.covered_regions()} if regions else set()
    if any(region.pk not in covered for region in regions):
        raise PermissionDenied(_("This research project does not cover that region."))
    aggregate = agreement.level == DataSharingAgreement.Level.AGGREGATE
    if aggregate and regions and [r.pk for r in regions] != [agreement.project.region_id]:
        raise PermissionDenied(_("Aggregate figures are those of the project's own region only."))
    if agreement.status != Status.ACTIVE:
        raise PermissionDenied(_("This data-sharing agreement is not valid today."))
    if agreement.project.status != Status.ACTIVE:
        raise PermissionDenied(_("This research project is not running today."))


def can_export_agreement(agreement, *, regions=()) -> bool:
    try:
        check_can_export_agreement(agreement, regions=regions)
    except PermissionDenied:
        return False
    return True
