"""Shared model bases. Imports no project app."""

import uuid

from django.db import models


class TimeStampedModel(models.Model):
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
