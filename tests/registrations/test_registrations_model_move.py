"""Registration moved from `consultations` to `registrations` without touching the table (ADR 0006)."""

from django.apps import apps

from groepsconsult.registrations.models import Registration


def test_registration_is_owned_by_registrations_and_keeps_its_table():
    assert Registration._meta.app_label == "registrations"
    assert Registration._meta.db_table == "consultations_registration"
    assert not any(
        m.__name__ == "Registration" for m in apps.get_app_config("consultations").get_models()
    )


def test_every_foreign_key_points_at_the_new_owner():
    pointing = {
        (f.model._meta.label, f.name)
        for model in apps.get_models()
        for f in model._meta.get_fields()
        if f.is_relation and f.many_to_one and f.related_model is Registration
    }
    assert pointing >= {
        ("measurements.Measurement", "registration"),
        ("notifications.OutboundMessage", "registration"),
        ("questionnaires.Response", "registration"),
    }
