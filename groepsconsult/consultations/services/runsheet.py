"""The run sheet: the region's template (with a sensible default) and each session's own copy."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.consultations.models import RunSheetBlock, RunSheetTemplate
from groepsconsult.consultations.policies import check_can_edit_consultation
from groepsconsult.consultations.services._audit import PURPOSE, audited_change, audited_delete


def default_blocks():
    """The programme of domain notes section 2, the team's debrief included: 90 minutes."""
    return [
        (
            _("Welcome and introductions"),
            10,
            _("Host and GP"),
            _("Why we are here; expectations; the GP asks for consent."),
        ),
        (
            _("Walk or movement session"),
            10,
            _("Sport coach"),
            _("A short joint walk or movement in the room."),
        ),
        (
            _("Measurement circuit"),
            30,
            _("Team at the tables"),
            _("Care, measurement, movement and welfare tables; the host keeps time and rotation."),
        ),
        (
            _("Results and plenary explanation"),
            15,
            _("GP"),
            _("Traffic-light booklet; how insulin resistance, diabetes and heart disease arise."),
        ),
        (
            _("Individual talk and personal goal"),
            15,
            _("Professionals and experience expert"),
            _("Each participant leaves with a personal goal and a warm hand-over if needed."),
        ),
        (
            _("Team debrief"),
            10,
            _("Whole team"),
            _("Was everyone informed and referred as needed?"),
        ),
    ]


@transaction.atomic
def runsheet_template_default(*, region, by: Actor) -> RunSheetTemplate:
    """The region's template, created with the default programme the first time it is needed."""
    template = RunSheetTemplate.objects.in_region(region).order_by("created_at").first()
    if template:
        return template
    template = audited_save(
        instance=RunSheetTemplate(region=region, name=_("Standard run sheet")),
        by=by,
        purpose=PURPOSE,
    )
    RunSheetBlock.objects.bulk_create(
        RunSheetBlock(template=template, position=i, title=t, minutes=m, who=w, notes=n)
        for i, (t, m, w, n) in enumerate(default_blocks())
    )
    return template


@transaction.atomic
def runsheet_reset_from_template(*, consultation, by: Actor) -> None:
    """Replace the session's blocks by a fresh copy of the region's template."""
    check_can_edit_consultation(consultation)
    template = runsheet_template_default(region=consultation.region, by=by)
    consultation.runsheet_blocks.all().delete()
    RunSheetBlock.objects.bulk_create(
        RunSheetBlock(
            consultation=consultation,
            position=b.position,
            title=b.title,
            minutes=b.minutes,
            who=b.who,
            notes=b.notes,
        )
        for b in template.blocks.all()
    )


def _owner_check(block_owner):
    if hasattr(block_owner, "starts_at"):  # a consultation, not a template
        check_can_edit_consultation(block_owner)


def _siblings(block):
    if block.consultation_id:
        return RunSheetBlock.objects.filter(consultation_id=block.consultation_id)
    return RunSheetBlock.objects.filter(template_id=block.template_id)


@transaction.atomic
def runsheet_block_add(*, owner, by: Actor, title, minutes, who="", notes="") -> RunSheetBlock:
    """Append a block to a consultation's run sheet or to a region template (`owner`)."""
    _owner_check(owner)
    field = "consultation" if hasattr(owner, "starts_at") else "template"
    last = RunSheetBlock.objects.filter(**{field: owner}).aggregate(m=Max("position"))["m"]
    block = RunSheetBlock(
        **{field: owner},
        position=0 if last is None else last + 1,
        title=title,
        minutes=minutes,
        who=who,
        notes=notes,
    )
    return audited_save(instance=block, by=by, purpose=PURPOSE)


@transaction.atomic
def runsheet_block_update(*, block: RunSheetBlock, by: Actor, **fields) -> RunSheetBlock:
    _owner_check(block.consultation or block.template)
    for name in ("title", "minutes", "who", "notes"):
        if name in fields:
            setattr(block, name, fields[name])
    return audited_save(instance=block, by=by, purpose=PURPOSE)


@transaction.atomic
def runsheet_block_remove(*, block: RunSheetBlock, by: Actor) -> None:
    _owner_check(block.consultation or block.template)
    audited_delete(instance=block, by=by)


@transaction.atomic
def runsheet_block_move(*, block: RunSheetBlock, direction: str, by: Actor) -> None:
    """Move one place up or down; positions are renumbered 0..n so gaps never accumulate."""
    _owner_check(block.consultation or block.template)
    blocks = list(_siblings(block).select_for_update())
    index = next(i for i, b in enumerate(blocks) if b.pk == block.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(blocks):
        blocks[index], blocks[target] = blocks[target], blocks[index]
    for position, item in enumerate(blocks):
        item.position = position
    RunSheetBlock.objects.bulk_update(blocks, ["position"])
    audited_change(instance=block, by=by)
