"""The station refuses physically impossible combinations, with a message on the field."""

import pytest

from groepsconsult.measurements.models import Measurement
from tests.factories.measurements import make_measurement, make_station_registration


@pytest.mark.parametrize(
    ("station", "data", "field", "message"),
    [
        (
            "care",
            {"systolic": "80", "diastolic": "120", "method": "self"},
            "diastolic",
            "onderdruk",
        ),
        (
            "care",
            {
                "systolic": "130",
                "diastolic": "80",
                "systolic_2": "70",
                "diastolic_2": "90",
                "method": "self",
            },
            "diastolic_2",
            "onderdruk",
        ),
        ("measurement", {"total_cholesterol": "4,1", "hdl": "4,5"}, "hdl", "totale cholesterol"),
        ("movement", {"waist": "45"}, "waist", "inches"),  # 45 inches = 114 cm
        ("movement", {"waist": "40", "height": "180"}, "waist", "inches"),
        ("movement", {"weight": "81", "height": "180", "bmi": "52"}, "bmi", "BMI"),
    ],
)
def test_impossible_combination_is_refused_with_a_dutch_message(
    client_for, region_a, station, data, field, message
):
    registration = make_station_registration(region=region_a)
    response = client_for("professional").post(
        f"/measurements/entries/{registration.public_id}/?station={station}",
        data,
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors and message in str(errors[field])
    assert not Measurement.objects.exists()  # nothing of the submission is saved


def test_a_possible_combination_is_saved(client_for, region_a):
    registration = make_station_registration(region=region_a)
    response = client_for("professional").post(
        f"/measurements/entries/{registration.public_id}/?station=care",
        {"systolic": "85", "diastolic": "55", "method": "self"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    # Low, but possible: saved, coloured orange (never green) with low-pressure alarms.
    systolic = Measurement.objects.get(measure="systolic")
    assert systolic.colour == "orange"
    assert set(systolic.alerts.values_list("reason", flat=True)) == {"sbp_low", "dbp_low"}


def test_a_correction_cannot_swap_the_pressures(client_for, region_a):
    registration = make_station_registration(region=region_a)
    old = make_measurement(registration, "systolic", "130")
    make_measurement(registration, "diastolic", "80")
    response = client_for("professional").post(
        f"/measurements/values/{old.public_id}/correct/",
        {"systolic": "70", "diastolic": "80", "reason": "typefout"},
    )
    assert response.status_code == 200
    assert "onderdruk" in response.content.decode()
    old.refresh_from_db()
    assert old.superseded_by is None
