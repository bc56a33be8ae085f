"""Reads of research projects and agreements, always inside one region (404 outside it)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from groepsconsult.research.models import DataSharingAgreement, ResearchEvent, ResearchProject


def project_list(*, region):
    return ResearchProject.objects.in_region(region).prefetch_related("agreements")


def project_get(*, region, public_id):
    return get_object_or_404(ResearchProject.objects.in_region(region), public_id=public_id)


def agreement_get(*, region, public_id):
    rows = DataSharingAgreement.objects.in_region(region).select_related("project__region")
    return get_object_or_404(rows, public_id=public_id)


def agreement_active_list(*, region, day=None):
    """Agreements a recipient may export now: the agreement and its project both running."""
    day = day or timezone.localdate()
    return (
        DataSharingAgreement.objects.in_region(region)
        .filter(valid_from__lte=day, valid_until__gte=day)
        .filter(project__starts_on__lte=day, project__ends_on__gte=day)
        .select_related("project")
        .order_by("project__name", "recipient_name")
    )


def project_by_name(*, region, name):
    """The project called `name` (or with that short name) in `region`, or None."""
    rows = ResearchProject.objects.in_region(region)
    return rows.filter(name=name).first() or rows.filter(slug=name).first()


def research_event_list(*, region, subject):
    return ResearchEvent.objects.filter(region=region, subject_id=subject.public_id)
