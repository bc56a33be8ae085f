"""Factories for registrations. Each saves a valid record; override any field."""

import datetime as dt

from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_consultation, make_participant


def make_open_consultation(region, *, days_ahead=21, **kw):
    """A session residents can still sign up for."""
    starts = timezone.now().replace(microsecond=0) + dt.timedelta(days=days_ahead)
    return make_consultation(
        region, **{"starts_at": starts, "status": Consultation.Status.OPEN, **kw}
    )


def make_registration(consultation, participant=None, **kw):
    participant = participant or make_participant(consultation.region)
    defaults = {"channel": Registration.Channel.SELF}
    if kw.get("attendance") == Registration.Attendance.PRESENT:
        defaults["checked_in_at"] = timezone.now()
    return Registration.objects.create(
        **{"consultation": consultation, "participant": participant, **defaults, **kw}
    )


def public_form_data(**overrides):
    """A valid public sign-up form, as a resident would fill it in."""
    return {
        "given_name": "Ayse",
        "family_name": "Yilmaz",
        "date_of_birth": "1968-03-14",
        "sex": "female",
        "phone": "06 12345678",
        "email": "",
        "postcode": "2532ab",
        "preferred_language": "tr",
        "privacy": "on",
        "website": "",
        **overrides,
    }
