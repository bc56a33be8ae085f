"""Everything held about one participant (AVG art. 15), found by walking the model graph.

The walk follows every relation that points at the participant, and at what hangs off those rows
(measurements of a registration, answers of a response), so a model added by a later feature is
included without touching this file. The access log itself is listed separately: it has no foreign
keys by design (docs/architecture.md).
"""

from django.apps import apps
from django.core import serializers
from django.db import models

from groepsconsult.audit.models import AccessEvent

MAX_DEPTH = 3
SKIPPED_FIELDS = (models.BinaryField,)


def related_rows(participant, *, depth=MAX_DEPTH):
    """[(model, queryset)] of every row that belongs to the participant, breadth first."""
    found, frontier, seen = [], [(type(participant), [participant.pk])], {type(participant)}
    for _ in range(depth):
        next_frontier = []
        for model, pks in frontier:
            for relation in _reverse_relations(model):
                related = relation.related_model
                if related in seen or not pks:
                    continue
                queryset = related._base_manager.filter(
                    **{f"{relation.field.name}__in": pks}
                ).order_by("pk")
                row_pks = list(queryset.values_list("pk", flat=True))
                if row_pks:
                    seen.add(related)
                    found.append((related, related._base_manager.filter(pk__in=row_pks)))
                    next_frontier.append((related, row_pks))
        frontier = next_frontier
    return found


def _reverse_relations(model):
    return [
        f
        for f in model._meta.get_fields()
        if (f.one_to_many or f.one_to_one)
        and f.auto_created
        and not f.concrete
        and f.related_model._meta.app_label in _our_apps()
    ]


def _our_apps():
    return {c.label for c in apps.get_app_configs() if c.name.startswith("groepsconsult.")}


def _serialise(queryset):
    model = queryset.model
    names = [f.name for f in model._meta.concrete_fields if not isinstance(f, SKIPPED_FIELDS)]
    return serializers.serialize("python", queryset, fields=names)


def subject_access_data(participant) -> dict:
    """One JSON-ready dict: the record, each related table, and who opened the record when."""
    sections = [
        {
            "table": model._meta.label,
            "title": str(model._meta.verbose_name_plural),
            "rows": [{"id": r["pk"], **r["fields"]} for r in _serialise(queryset)],
        }
        for model, queryset in related_rows(participant)
    ]
    me = _serialise(type(participant)._base_manager.filter(pk=participant.pk))[0]
    log = AccessEvent.objects.filter(participant_id=participant.public_id).order_by("at")
    return {
        "participant": {"id": me["pk"], **me["fields"]},
        "sections": sections,
        "access_log": list(
            log.values("at", "username", "role", "region_slug", "action", "subject_type", "purpose")
        ),
    }
