"""Writes of the funding pages that are more than one record: loading the default fund routes
and the default sustainability checklist. Single records are saved with
`services.finance_record_save` (validated, atomic, audited, with history).
"""

from django.db import transaction

from groepsconsult.audit.services import Actor
from groepsconsult.finance.funding_sources import FUND_ROUTES, SUSTAINABILITY_ITEMS
from groepsconsult.finance.models import FundRoute, SustainabilityItem
from groepsconsult.finance.services import finance_record_save


def _existing_keys(model, region):
    return set(model.objects.in_region(region).values_list("key", flat=True))


def fund_routes_seed_defaults(*, region, by: Actor) -> int:
    """Add the known routes the region does not have yet. A loaded route keeps its key when
    it is edited, so loading again never overwrites the region's edits."""
    existing = _existing_keys(FundRoute, region)
    added = 0
    with transaction.atomic():
        for key, name, kind, conditions, source in FUND_ROUTES:
            if key in existing:
                continue
            route = FundRoute(
                key=key,
                name=name,
                kind=kind,
                conditions=str(conditions),
                source=source,
                status=FundRoute.Status.TO_EXPLORE,
            )
            finance_record_save(instance=route, region=region, by=by)
            added += 1
    return added


def sustainability_seed_defaults(*, region, by: Actor) -> int:
    """Add the items of our default checklist the region does not have yet (never overwrites)."""
    existing = _existing_keys(SustainabilityItem, region)
    added = 0
    with transaction.atomic():
        for position, (key, group, question) in enumerate(SUSTAINABILITY_ITEMS, start=1):
            if key in existing:
                continue
            item = SustainabilityItem(
                key=key, group=group, position=position * 10, question=str(question)
            )
            finance_record_save(instance=item, region=region, by=by)
            added += 1
    return added
