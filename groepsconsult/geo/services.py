"""Writes of the maps app: boundaries onto the region's neighbourhoods (through the regions
service that owns them) and reference datasets with their figures. Each import is atomic: all
of it is saved, or nothing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.geo.models import ReferenceDataset, ReferenceFigure
from groepsconsult.regions.models import Neighbourhood
from groepsconsult.regions.services import neighbourhood_save


@dataclass
class BoundaryReport:
    updated: list = field(default_factory=list)  # neighbourhood names
    created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # codes in the file, not in the region
    without_boundary: list = field(default_factory=list)  # the region's, not in the file
    saved: bool = False


def boundaries_import(*, region, features, by: Actor, create=False, dry_run=False):
    """Match `features` (geojson.Feature) to the region's neighbourhoods by CBS code and store
    their geometry; with `create`, add a neighbourhood for a code the region does not have.
    Raises ValidationError listing every feature that cannot be saved; saves nothing then."""
    by_code = {n.cbs_code: n for n in Neighbourhood.objects.in_region(region) if n.cbs_code}
    report, changed, errors = BoundaryReport(), [], []
    for feature in features:
        hood = by_code.get(feature.code)
        if hood is None and not create:
            report.skipped.append(feature.code)
            continue
        if hood is None:
            hood = Neighbourhood(region=region, cbs_code=feature.code, name=feature.name)
            report.created.append(feature.name)
        else:
            report.updated.append(hood.name)
        hood.geometry = feature.geometry
        try:
            hood.full_clean()
        except ValidationError as error:
            label = _("Feature %(n)s") % {"n": feature.number}
            errors.append(f"{label} ({feature.code}): {' '.join(error.messages)}")
        changed.append(hood)
    errors += _same_new_names(report.created)
    if errors:
        raise ValidationError(errors)
    found = {f.code for f in features}
    report.without_boundary = sorted(
        n.name for code, n in by_code.items() if code not in found and not n.geometry
    )
    if not dry_run:
        with transaction.atomic():
            for hood in changed:
                neighbourhood_save(neighbourhood=hood, region=region, by=by)
        report.saved = True
    return report


def _same_new_names(names):
    twice = sorted({n for n in names if n and names.count(n) > 1})
    return [_("Two new neighbourhoods would both be called %(name)s.") % {"name": n} for n in twice]


def reference_dataset_import(*, dataset: ReferenceDataset, region, rows, by: Actor):
    """Save a new dataset and its figures (reference_csv.Row) in one transaction."""
    dataset.region = region
    with transaction.atomic():
        audited_save(instance=dataset, by=by, purpose=Purpose.REGIONAL_SETUP)
        ReferenceFigure.objects.bulk_create(
            ReferenceFigure(dataset=dataset, code=r.code, indicator=r.indicator, value=r.value)
            for r in rows
        )
    return dataset
