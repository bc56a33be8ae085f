"""Factories for the measurement circuit: registrations with day numbers, measurements, alerts."""

import datetime as dt
import itertools
from decimal import Decimal

from groepsconsult.measurements.models import Alert, Measurement
from groepsconsult.measurements.stations import MEASURE_STATION, unit_for
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_consultation, make_participant

_day = itertools.count(1)


def make_station_registration(consultation=None, *, region=None, participant=None, **kw):
    """A registration with a day number, as the door tally would assign it."""
    consultation = consultation or make_consultation(region)
    participant = participant or make_participant(consultation.region)
    defaults = {"channel": "self", "day_number": next(_day)}
    return Registration.objects.create(
        consultation=consultation, participant=participant, **{**defaults, **kw}
    )


def make_measurement(registration, measure="weight", value="80", **kw):
    defaults = {
        "unit": unit_for(measure),
        "station": MEASURE_STATION.get(measure, ""),
        "measured_at": dt.datetime(2026, 12, 10, 10, 30, tzinfo=dt.UTC),
    }
    return Measurement.objects.create(
        registration=registration, measure=measure, value=Decimal(value), **{**defaults, **kw}
    )


def make_alert(registration, *, measure="systolic", value="186", reason="sbp_urgent"):
    return Alert.objects.create(
        measurement=make_measurement(registration, measure, value, colour="red"), reason=reason
    )
