"""`get_FOO_display()` through `core.models.ChoiceLabelsModel`: same labels, no per-call rebuild."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from groepsconsult.audit.models import AccessEvent
from groepsconsult.consultations.models import Consultation
from groepsconsult.core.models import ChoiceLabelsModel, choice_labels


def _choice_fields():
    for model in apps.get_app_config("audit").get_models():
        yield from ((model, f) for f in model._meta.concrete_fields if f.choices)
    for f in Consultation._meta.concrete_fields:
        if f.choices:
            yield Consultation, f


def test_list_page_models_use_the_cached_labels():
    # Django's own version hashes every lazy label (a translation each) per call.
    for model in (AccessEvent, Consultation):
        assert issubclass(model, ChoiceLabelsModel)
        assert model._get_FIELD_display is ChoiceLabelsModel._get_FIELD_display


@pytest.mark.parametrize("language", ["nl", "en"])
def test_labels_equal_djangos_for_every_choice_and_an_unknown_value(language):
    fields = list(_choice_fields())
    assert fields
    with translation.override(language):
        for model, field in fields:
            values = [value for value, _label in field.flatchoices] + ["not-a-choice"]
            for value in values:
                instance = model(**{field.attname: value})
                ours = getattr(instance, f"get_{field.name}_display")()
                assert ours == models.Model._get_FIELD_display(instance, field)


def test_labels_follow_the_active_language():
    field = Consultation._meta.get_field("status")
    instance = Consultation(status=Consultation.Status.CANCELLED)
    with translation.override("en"):
        english = instance.get_status_display()
    with translation.override("nl"):
        dutch = instance.get_status_display()
    assert english != dutch
    assert choice_labels(field) is choice_labels(field)  # built once
