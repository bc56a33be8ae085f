"""Optimistic versioning: two people editing the same record get a conflict, not a lost update.

The edit form carries the version it showed (a hidden field); the service claims that version
with one conditional UPDATE inside its transaction (`version = version + 1 WHERE version = shown`).
When someone saved in between, nothing matches and the service refuses with a clear message; the
row lock taken by the UPDATE also makes a simultaneous second save wait and then fail the same way.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

STALE_MESSAGE = _(
    "Someone else saved this record while you were editing it, so your changes were not saved. "
    "Open the page again to see their changes, then make yours once more."
)


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def version_claim(instance, *, expected: int | None) -> None:
    """Bump the stored version if it is still `expected` (None: the version read with `instance`);
    raise ValidationError (code "stale") if someone saved in between. Call inside the writing
    transaction, before saving `instance`."""
    expected = instance.version if expected is None else expected
    bumped = (
        type(instance)
        ._base_manager.filter(pk=instance.pk, version=expected)
        .update(version=F("version") + 1)
    )
    if not bumped:
        raise ValidationError(STALE_MESSAGE, code="stale")
    instance.version = expected + 1


class VersionedFormMixin(forms.Form):
    """Adds the hidden `version` the page was built from; read it with `expected_version`."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["version"].initial = instance.version

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")
