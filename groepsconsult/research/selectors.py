"""Reads of research projects and agreements, always inside one region (404 outside it)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from groepsconsult.accounts.permissions import Permission, role_has_permission
from groepsconsult.research.models import DataSharingAgreement, ResearchEvent, ResearchProject


def project_list(*, region):
    rows = ResearchProject.objects.in_region(region).select_related("region")
    return rows.prefetch_related("agreements", "other_regions")


def project_get(*, region, public_id):
    return get_object_or_404(ResearchProject.objects.in_region(region), public_id=public_id)


def agreement_get(*, region, public_id):
    rows = DataSharingAgreement.objects.in_region(region).select_related("project__region")
    return get_object_or_404(rows, public_id=public_id)


def agreement_export_get(*, region, public_id):
    """An agreement a researcher of `region` may download (`exportable_in`), else 404."""
    rows = DataSharingAgreement.objects.exportable_in(region).select_related("project__region")
    return get_object_or_404(rows, public_id=public_id)


def _region_ids_with(user, permission):
    return {
        m.region_id
        for m in user.memberships.filter(is_active=True)
        if role_has_permission(m.role, permission)
    }


def export_region_ids_for_user(*, user):
    """Ids of the regions where `user` holds an active role that may export research data."""
    return _region_ids_with(user, Permission.RESEARCH_EXPORT)


def manage_region_ids_for_user(*, user):
    """Ids of the regions where `user` may manage research projects."""
    return _region_ids_with(user, Permission.RESEARCH_MANAGE)


def export_regions_for_user(*, user, project, region_ids=None):
    """The project's regions where `user` may export research data (its own region first)."""
    region_ids = export_region_ids_for_user(user=user) if region_ids is None else region_ids
    return [region for region in project.covered_regions() if region.pk in region_ids]


def agreement_active_list(*, region, day=None):
    """Agreements a recipient may export now: the agreement and its project both running, of
    the projects that cover `region`."""
    day = day or timezone.localdate()
    return (
        DataSharingAgreement.objects.exportable_in(region)
        .filter(valid_from__lte=day, valid_until__gte=day)
        .filter(project__starts_on__lte=day, project__ends_on__gte=day)
        .select_related("project__region")
        .prefetch_related("project__other_regions")
        .order_by("project__name", "recipient_name")
    )


def project_by_name(*, region, name):
    """The project called `name` (or with that short name) of `region`, else one of another
    region that also covers `region`, or None."""
    for rows in (
        ResearchProject.objects.in_region(region),
        ResearchProject.objects.covering(region),
    ):
        found = rows.filter(name=name).first() or rows.filter(slug=name).first()
        if found:
            return found
    return None


def research_event_list(*, region, subject):
    return ResearchEvent.objects.filter(region=region, subject_id=subject.public_id)
