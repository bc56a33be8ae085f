"""Shared model bases. Imports no project app."""

import uuid

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

_CHOICE_LABELS = {}


def choice_labels(field):
    """{value: label} of a field's choices, built once per field (labels stay lazy)."""
    try:
        return _CHOICE_LABELS[field]
    except KeyError:
        labels = {make_hashable(value): label for value, label in field.flatchoices}
        if isinstance(field.choices, list | tuple):  # callable choices may change: not kept
            _CHOICE_LABELS[field] = labels
        return labels


class ChoiceLabelsModel(models.Model):
    """`get_FOO_display()` that looks the label up instead of rebuilding the choices.

    Django's own version hashes every (value, lazy label) pair of the field on each call, and
    hashing a lazy label translates it: 20-170 us per call, paid per row and column of a list.
    Same result (the label in the active language, or the value itself when it is no choice).
    """

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        label = choice_labels(field).get(make_hashable(value), value)
        return force_str(label, strings_only=True)


class TimeStampedModel(ChoiceLabelsModel):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class PublicModel(TimeStampedModel):
    """A model addressed in URLs by an opaque UUID, never by its sequential primary key.

    Sequential ids in URLs leak how many participants a region has and invite guessing.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class RegionScopedQuerySet(models.QuerySet):
    """Every tenant-owned model filters through this, so a region boundary is one call away."""

    region_path = "region"

    def in_region(self, region):
        return self.filter(**{self.region_path: region})


class ChangeHistory(models.Model):
    """A history row of a region's record: who changed it, when, and which fields (old, new).

    The subject is named by its model and public id (the row outlives nothing and points at no
    table); `changes` is {field: [old, new]}, or {} for "created".
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    subject_type = models.CharField(max_length=20)
    subject_id = models.UUIDField(db_index=True)
    by = models.CharField(max_length=150)
    at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(default=dict)

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.subject_type} {self.subject_id} by {self.by}"
