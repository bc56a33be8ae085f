"""Reads for the regional backbone, always scoped to one region."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Professional


def neighbourhood_list(*, region, q=""):
    qs = Neighbourhood.objects.in_region(region)
    return qs.filter(Q(name__icontains=q) | Q(cbs_code__icontains=q)) if q else qs


def location_list(*, region, q="", neighbourhood=None):
    qs = Location.objects.in_region(region).select_related("neighbourhood")
    if neighbourhood:
        qs = qs.filter(neighbourhood__public_id=neighbourhood)
    return qs.filter(Q(name__icontains=q) | Q(address__icontains=q)) if q else qs


def organisation_list(*, region, q="", kind=""):
    qs = Organisation.objects.in_region(region).select_related("neighbourhood")
    if kind:
        qs = qs.filter(kind=kind)
    return qs.filter(Q(name__icontains=q) | Q(agb_code=q)) if q else qs


def professional_list(*, region, q="", discipline="", language=""):
    qs = Professional.objects.in_region(region).select_related("organisation")
    if discipline:
        qs = qs.filter(discipline=discipline)
    if language:
        # The JSON text holds each code in quotes: '"tr"' matches Turkish, never "tig" or "str".
        qs = qs.filter(languages__icontains=f'"{language}"')
    return qs.filter(name__icontains=q) if q else qs


def gp_practice_list(*, region):
    return Organisation.objects.in_region(region).filter(kind=Organisation.Kind.GP_PRACTICE)


def region_object_get(*, model, region, public_id):
    """Fetch one record of `model` in `region`: a 404 for anything outside it."""
    return get_object_or_404(model.objects.in_region(region), public_id=public_id)


def region_counts(*, region):
    """Counts for the dashboard: four indexed COUNTs, whatever the region's size."""
    return {
        "neighbourhoods": Neighbourhood.objects.in_region(region).count(),
        "locations": Location.objects.in_region(region).count(),
        "organisations": Organisation.objects.in_region(region).count(),
        "professionals": Professional.objects.in_region(region).count(),
    }
