"""A measured patient of a GP practice, with or without consent to share with the GP."""

from groepsconsult.audit.services import Actor
from groepsconsult.gpfeedback.services import gp_feedback_prepare
from tests.factories.backbone import (
    make_consultation,
    make_organisation,
    make_participant,
    make_user,
)
from tests.factories.consent import give
from tests.factories.measurements import make_measurement, make_station_registration

VALUES = [
    ("systolic", "152"),
    ("diastolic", "95"),
    ("pulse", "72"),
    ("weight", "84.5"),
    ("height", "165"),
    ("bmi", "31.0"),
    ("waist", "98"),
    ("total_cholesterol", "6.1"),
    ("hdl", "1.2"),
    ("hba1c", "44"),
    ("fat_percent", "38.5"),
    ("visceral_fat_level", "11"),
]


def make_practice(region):
    return make_organisation(region, kind="gp_practice")


def make_measured_patient(region, *, practice=None, consent=True, consultation=None, **kw):
    practice = practice or make_practice(region)
    participant = make_participant(region, gp_practice=practice, **kw)
    registration = make_station_registration(
        consultation or make_consultation(region, status="held"), participant=participant
    )
    for measure, value in VALUES:
        make_measurement(registration, measure, value)
    make_measurement(registration, "glucose", "7.4", fasting=True, colour="red")
    if consent:
        give(participant, "share_with_gp", make_user("coordinator", region))
    return registration


def prepare(registration):
    return gp_feedback_prepare(registration=registration, by=Actor.system("test"))
