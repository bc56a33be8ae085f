"""Writes of the money pages: validated, atomic, audited, each with a history row (old and new).

Assumptions are versioned through that history: a change keeps the previous value, source and
tag readable on the assumption's page.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.finance.models import Assumption, FinanceEvent
from groepsconsult.finance.sources import DEFAULT_ASSUMPTIONS

PURPOSE = Purpose.FINANCE
UNTRACKED = {"id", "public_id", "created_at", "updated_at", "region"}


def _plain(value):
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 60.00 -> "60", never "6E+1"
    return str(value)


def _changes(before, after):
    names = [f.attname for f in after._meta.concrete_fields if f.name not in UNTRACKED]
    if before is None:
        return {}
    return {
        name: [_plain(getattr(before, name)), _plain(getattr(after, name))]
        for name in names
        if getattr(before, name) != getattr(after, name)
    }


def finance_record_save(*, instance, region, by: Actor):
    """Create or update a finance record (budget line, assumption, agreement, grant, fund route,
    checklist item, partner contact) of `region` with its history."""
    instance.region = region
    _check_same_region(instance=instance, region=region)
    with transaction.atomic():
        model = type(instance)
        before = model.objects.select_for_update().get(pk=instance.pk) if instance.pk else None
        changes = _changes(before, instance)
        audited_save(instance=instance, by=by, purpose=PURPOSE)
        if before is None or changes:
            FinanceEvent.objects.create(
                region=region,
                subject_type=model._meta.model_name,
                subject_id=instance.public_id,
                by=by.username,
                changes=changes,
            )
    return instance


def _check_same_region(*, instance, region):
    # Forms limit the choices; this guards every other caller.
    errors = {}
    for name in ("neighbourhood", "rate", "organisation", "consultation"):
        related = getattr(instance, name, None)
        if related is not None and related.region_id != region.pk:
            errors[name] = _("Choose one of this region.")
    if errors:
        raise ValidationError(errors)


def assumptions_seed_defaults(*, region, by: Actor) -> int:
    """Add the sourced defaults the region does not have yet; never overwrite an edited one."""
    existing = set(Assumption.objects.in_region(region).values_list("key", flat=True))
    added = 0
    for key, label, low, base, high, unit, year, source, tag in DEFAULT_ASSUMPTIONS:
        if key in existing:
            continue
        assumption = Assumption(
            key=key,
            label=str(label),
            low=low,
            base=base,
            high=high,
            unit=unit,
            price_year=year,
            source=source,
            certainty=tag,
        )
        finance_record_save(instance=assumption, region=region, by=by)
        added += 1
    return added
