"""Reads of the maps app, always inside one region; a fixed number of queries each."""

import uuid

from django.db.models import Count

from groepsconsult.geo.models import ReferenceDataset, ReferenceFigure
from groepsconsult.regions.models import Neighbourhood

TARGET_POPULATION = "target_population"


def neighbourhood_areas(*, region):
    """[(cbs code, name, GeoJSON geometry or None)] of the region's neighbourhoods: one query."""
    return list(Neighbourhood.objects.in_region(region).values_list("cbs_code", "name", "geometry"))


def neighbourhood_areas_by_region(*, regions):
    """{region id: [(cbs code, name, geometry)]} for several regions (combined maps): one query."""
    grouped = {region.pk: [] for region in regions}
    rows = Neighbourhood.objects.filter(region__in=regions).order_by("name", "pk")
    for region_id, *area in rows.values_list("region_id", "cbs_code", "name", "geometry"):
        grouped[region_id].append(tuple(area))
    return grouped


def reference_dataset_list(*, region):
    return (
        ReferenceDataset.objects.in_region(region)
        .annotate(
            figure_count=Count("figures"),
            indicator_count=Count("figures__indicator", distinct=True),
        )
        .order_by("-published_on", "name")
    )


def reference_choices(*, region):
    """[(key, label)] of every dataset and indicator in the region: one query."""
    rows = (
        ReferenceFigure.objects.filter(dataset__region=region)
        .values_list("dataset__public_id", "dataset__name", "indicator")
        .distinct()
        .order_by("dataset__name", "indicator")
    )
    return [(f"{pid}:{indicator}", f"{indicator} ({name})") for pid, name, indicator in rows]


def reference_figures(*, region, key):
    """(dataset, {area code: value}) for a key from `reference_choices`, or (None, {})."""
    public_id, _sep, indicator = (key or "").partition(":")
    if not _is_uuid(public_id):
        return None, {}
    rows = list(
        ReferenceFigure.objects.filter(
            dataset__region=region, dataset__public_id=public_id, indicator=indicator
        )
        .select_related("dataset")
        .order_by("code")
    )
    if not rows:
        return None, {}
    return rows[0].dataset, {r.code: r.value for r in rows}


def reference_figures_for_indicator(*, region, indicator):
    """(dataset, {area code: value}) of the region's newest dataset with `indicator`: in a
    combined map each region is compared with its own figures for the chosen indicator."""
    rows = list(
        ReferenceFigure.objects.filter(dataset__region=region, indicator=indicator)
        .select_related("dataset")
        .order_by("-dataset__published_on", "-dataset__created_at")
    )
    if not rows:
        return None, {}
    newest = rows[0].dataset
    return newest, {r.code: r.value for r in rows if r.dataset_id == newest.pk}


def reference_figures_for_indicator_by_region(*, regions, indicator):
    """{region id: (dataset, {area code: value})} as `reference_figures_for_indicator` gives
    each region (None, {} without one): one query, whatever the number of regions."""
    rows = (
        ReferenceFigure.objects.filter(dataset__region__in=regions, indicator=indicator)
        .select_related("dataset")
        .order_by("-dataset__published_on", "-dataset__created_at")
    )
    newest, found = {}, {region.pk: (None, {}) for region in regions}
    for r in rows:
        dataset = newest.setdefault(r.dataset.region_id, r.dataset)
        if r.dataset_id == dataset.pk:
            found[dataset.region_id] = (dataset, found[dataset.region_id][1] | {r.code: r.value})
    return found


def target_population(*, region):
    """(dataset, {code: size}) of the newest dataset with a `target_population` indicator."""
    return reference_figures_for_indicator(region=region, indicator=TARGET_POPULATION)


def target_population_by_region(*, regions):
    """{region id: (dataset, {code: size})} as `target_population` per region: one query."""
    return reference_figures_for_indicator_by_region(regions=regions, indicator=TARGET_POPULATION)


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
