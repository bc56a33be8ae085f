"""The current value and its meaning, written once: `current()` and `interpret()`.

Rows are saved through the real station service (classify stores colour and rule-set
version); `interpret` must read what was stored and never classify again.
"""

from decimal import Decimal
from pathlib import Path

import pytest

from groepsconsult.audit.services import Actor
from groepsconsult.clinical import DEFAULT_RULESET_VERSION
from groepsconsult.measurements.interpretation import interpret
from groepsconsult.measurements.models import Measurement
from groepsconsult.measurements.selectors import (
    measurement_body_size,
    measurement_current_by_registration,
)
from groepsconsult.measurements.services import Entry, measurement_correct, measurements_record
from tests.factories.measurements import make_measurement, make_station_registration

BY = Actor.system("test")
D = Decimal


@pytest.fixture
def registration(region_a):
    return make_station_registration(region=region_a)


def record(registration, values, fasting=None):
    entry = Entry(values={k: D(v) for k, v in values.items()}, fasting=fasting)
    return measurements_record(registration=registration, entry=entry, by=BY)


def test_current_picks_the_corrected_row(registration):
    (old,) = record(registration, {"total_cholesterol": "9.9"})
    (new,) = measurement_correct(
        measurement=old, values={"total_cholesterol": D("5.2")}, reason="typo", by=BY
    )
    current = Measurement.objects.filter(registration=registration).current()
    assert list(current) == [new]
    assert measurement_current_by_registration([registration.pk])[registration.pk] == {
        "total_cholesterol": new
    }


def test_current_takes_the_latest_of_two_uncorrected_rows(registration):
    """A station that saved twice (before the one-current-row check existed): latest wins."""
    early = make_measurement(registration, "weight", "80")
    late = make_measurement(registration, "weight", "81", measured_at=early.measured_at)
    other = make_station_registration(registration.consultation)
    theirs = make_measurement(other, "weight", "70")
    assert set(Measurement.objects.current()) == {late, theirs}


def test_interpret_reads_the_stored_colour_not_the_rules(registration):
    """A row stored under an older rule set keeps its colour, even if today's rules differ."""
    make_measurement(
        registration, "total_cholesterol", "7.1", colour="green", ruleset_version="nl-2025.1"
    )
    line = interpret(Measurement.objects.filter(registration=registration).current())[
        "total_cholesterol"
    ]
    assert (line.colour, str(line.word), line.symbol) == ("green", "goed", "✓")  # today: red
    assert line.ruleset_version == "nl-2025.1" and line.advice == ()


def test_interpret_blood_pressure_is_one_line_with_advice(region_a):
    registration = make_station_registration(region=region_a)
    record(registration, {"systolic": "186", "diastolic": "95", "total_cholesterol": "8.6"})
    lines = interpret(measurement_current_by_registration([registration.pk])[registration.pk])
    bp = lines["bp"]
    assert (bp.value, bp.value2, bp.unit, bp.colour) == (D(186), D(95), "mmHg", "red")
    assert bp.advice == ("retest", "urgent")
    assert bp.ruleset_version == DEFAULT_RULESET_VERSION and bp.verified
    assert lines["total_cholesterol"].advice == ("retest", "fh_hint")
    assert "systolic" not in lines and "diastolic" not in lines


def test_interpret_explains_a_missing_colour(registration):
    make_measurement(registration, "glucose", "6.5")  # an old row without fasting status
    make_measurement(registration, "height", "170")
    lines = interpret(Measurement.objects.filter(registration=registration).current())
    assert lines["glucose"].colour == "none" and lines["glucose"].advice == ("fasting_unknown",)
    assert lines["glucose"].symbol == "–" and lines["glucose"].word == ""
    assert "height" not in lines  # no kind of its own: no line


def test_body_size_uses_the_current_weight_height_and_waist(registration):
    record(registration, {"weight": "92", "height": "170", "waist": "95"})
    size = measurement_body_size(registration=registration)
    assert size["waist"] == D(95)
    assert abs(size["bmi"] - D("31.834")) < D("0.001")  # unrounded, not the stored 31.8


def test_only_classify_turns_values_into_colours():
    """Colours are computed once: no other module of the project calls the traffic-light rules."""
    root = Path(__file__).resolve().parents[2] / "groepsconsult"
    callers = {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "clinical" not in path.parts and "traffic_light" in path.read_text(encoding="utf-8")
    }
    assert callers == {"measurements/classify.py"}
