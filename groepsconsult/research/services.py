"""Writes of research projects and agreements, and the export itself.

Every save is validated, atomic and audited, with a history row (old and new values; the
project's secret key is never in it). Every export is written to the access log with one row
per participant in the file, so a privacy officer can find each person's exports.
"""

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.research.exports import ExportFiles, agreement_export
from groepsconsult.research.models import ResearchEvent, ResearchProject
from groepsconsult.research.policies import check_can_export_agreement

# Every export of the research app (pseudonymised or aggregate) is logged under its own purpose,
# so the privacy officer can filter the access log on it.
PURPOSE = Purpose.RESEARCH_EXPORT
SETUP_PURPOSE = Purpose.REGIONAL_SETUP  # projects and agreements hold no personal data
UNTRACKED = {"id", "public_id", "created_at", "updated_at", "region", "salt"}


def _plain(value):
    if value is None or isinstance(value, str | int | bool | list):
        return value
    return str(value)


def _changes(before, after):
    names = [f.attname for f in after._meta.concrete_fields if f.name not in UNTRACKED]
    return {
        name: [_plain(getattr(before, name)), _plain(getattr(after, name))]
        for name in names
        if getattr(before, name) != getattr(after, name)
    }


def _set_other_regions(project, other_regions):
    """Store the other regions a project covers; the change for the history, or {}."""
    before = sorted(project.other_regions.values_list("slug", flat=True)) if project.pk else []
    project.other_regions.set([r for r in other_regions if r.pk != project.region_id])
    after = sorted(project.other_regions.values_list("slug", flat=True))
    return {"other_regions": [before, after]} if before != after else {}


def research_record_save(*, instance, region, by: Actor, other_regions=None):
    """Create or update a project or an agreement of `region`, with its history. For a
    project, `other_regions` (when given) are the other regions it covers."""
    if isinstance(instance, ResearchProject):
        instance.region = region
    elif instance.project.region_id != region.pk:
        raise ValidationError({"project": _("Choose a project of this region.")})
    with transaction.atomic():
        model = type(instance)
        before = model.objects.select_for_update().get(pk=instance.pk) if instance.pk else None
        changes = _changes(before, instance) if before else {}
        audited_save(instance=instance, by=by, purpose=SETUP_PURPOSE)
        if other_regions is not None:
            moved = _set_other_regions(instance, other_regions)
            changes |= moved if before else {}
        if before is None or changes:
            ResearchEvent.objects.create(
                region=region,
                subject_type=model._meta.model_name,
                subject_id=instance.public_id,
                by=by.username,
                changes=changes,
            )
    return instance


def research_export(*, agreement, by: Actor, regions=None) -> ExportFiles:
    """The files of one agreement over `regions` (default the project's own region; each must
    be covered by the project), logged: one access-log row per participant in the file, in the
    participant's region, so each region's privacy officer finds the export."""
    project = agreement.project
    regions = list(regions or [project.region])
    check_can_export_agreement(agreement, regions=regions)
    with transaction.atomic():
        export = agreement_export(agreement=agreement, regions=regions)
        by_region = export.by_region or {project.region.slug: []}
        detail = f"research export {project.slug} / {agreement.reference}: " + ", ".join(
            export.files
        )
        for slug, participant_ids in by_region.items():
            access_log_write(
                by=replace(by, region_slug=slug),
                action=AccessEvent.Action.EXPORT,
                subject_type="datasharingagreement",
                subject_ids=[agreement.public_id],
                participant_ids=participant_ids,
                purpose=PURPOSE,
                detail=detail,
            )
    return export
