"""Services of the circuit: colours with rule-set version, BP pair, plausibility, alarms,
corrections with history, idempotent retries and parallel stations."""

import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.clinical import DEFAULT_RULESET_VERSION
from groepsconsult.measurements.models import Alert, Measurement
from groepsconsult.measurements.services import (
    Entry,
    alert_acknowledge,
    bmi_from,
    measurement_correct,
    measurements_record,
)
from tests.factories.backbone import make_participant, make_user
from tests.factories.measurements import make_station_registration

D = Decimal


@pytest.fixture
def registration(region_a):
    return make_station_registration(
        region=region_a, participant=make_participant(region_a, sex="male")
    )


@pytest.fixture
def user(region_a):
    return make_user("professional", region_a)


def record(registration, user, values, client_token=None, **kw):
    entry = Entry(values={k: D(v) for k, v in values.items()}, **kw)
    return measurements_record(
        registration=registration,
        entry=entry,
        by=Actor.for_user(user),
        client_token=client_token,
    )


def current(registration):
    return {
        m.measure: m
        for m in Measurement.objects.filter(registration=registration, superseded_by__isnull=True)
    }


def test_glucose_is_coloured_with_the_ruleset_version(registration, user):
    (row,) = record(registration, user, {"glucose": "12.4"}, fasting=False)
    row.refresh_from_db()
    assert (row.colour, row.ruleset_version, row.fasting) == ("red", DEFAULT_RULESET_VERSION, False)
    assert row.unit == "mmol/l" and row.station == "measurement"
    assert list(row.alerts.values_list("reason", flat=True)) == ["glucose_diabetes_range"]


def test_glucose_without_fasting_status_is_refused(registration, user):
    with pytest.raises(ValidationError) as exc:
        record(registration, user, {"glucose": "6.0"})
    assert "fasting" in exc.value.message_dict
    assert not Measurement.objects.exists()


def test_blood_pressure_pair_colour_is_stored_on_both_rows(registration, user):
    record(registration, user, {"systolic": "125", "diastolic": "92"})
    rows = current(registration)
    # Systolic alone would be green; the pair is red because of the diastolic.
    assert rows["systolic"].colour == rows["diastolic"].colour == "red"
    assert not Alert.objects.exists()


def test_systolic_186_raises_an_urgent_alert(registration, user):
    record(registration, user, {"systolic": "186", "diastolic": "95"})
    alert = Alert.objects.get()
    assert alert.reason == "sbp_urgent" and alert.measurement.measure == "systolic"


def test_total_cholesterol_above_8_raises_an_alert(registration, user):
    record(registration, user, {"total_cholesterol": "8.4"})
    assert Alert.objects.get().reason == "tc_very_high"


def test_typing_error_is_refused_with_a_dutch_message_and_nothing_saved(registration, user):
    with pytest.raises(ValidationError) as exc:
        record(registration, user, {"systolic": "1400", "diastolic": "80"})
    assert "typefout" in exc.value.message_dict["systolic"][0]
    assert not Measurement.objects.exists()


def test_bmi_is_computed_from_weight_and_height(registration, user):
    record(registration, user, {"weight": "81", "height": "175"})
    assert current(registration)["bmi"].value == bmi_from(D("81"), D("175")) == D("26.4")
    assert current(registration)["bmi"].colour == "orange"


def test_waist_uses_the_participants_sex(region_a, user):
    woman = make_station_registration(region=region_a, participant=make_participant(region_a))
    other = make_station_registration(
        region=region_a, participant=make_participant(region_a, sex="other")
    )
    record(woman, user, {"waist": "90"})
    record(other, user, {"waist": "90"})
    assert current(woman)["waist"].colour == "red"
    assert current(other)["waist"].colour == ""  # not guessed


def test_same_client_token_twice_stores_one_set_of_rows(registration, user):
    token = uuid.uuid4()
    first = record(registration, user, {"weight": "80", "waist": "95"}, client_token=token)
    again = record(registration, user, {"weight": "80", "waist": "95"}, client_token=token)
    assert {r.pk for r in first} == {r.pk for r in again}
    assert Measurement.objects.count() == 2  # weight and waist; the retry created nothing


def test_two_stations_for_one_participant_both_keep_their_rows(registration, user, region_a):
    other = make_user("physician", region_a)
    record(registration, user, {"systolic": "130", "diastolic": "80"})
    record(registration, other, {"glucose": "5.5"}, fasting=True)
    assert set(current(registration)) == {"systolic", "diastolic", "glucose"}


def test_a_second_value_for_the_same_measure_needs_a_correction(registration, user):
    record(registration, user, {"weight": "80"})
    with pytest.raises(ValidationError) as exc:
        record(registration, user, {"weight": "82"})
    assert "weight" in exc.value.message_dict
    assert Measurement.objects.count() == 1


def test_correction_keeps_history_with_reason_and_who(registration, user, region_a):
    (old,) = record(registration, user, {"glucose": "12.4"}, fasting=False)
    physician = make_user("physician", region_a)
    (new,) = measurement_correct(
        measurement=old,
        values={"glucose": D("6.4")},
        reason="typefout",
        by=Actor.for_user(physician),
    )
    old.refresh_from_db()
    assert old.superseded_by == new
    assert (new.correction_reason, new.entered_by, new.fasting) == ("typefout", physician, False)
    assert new.colour == "green"
    assert current(registration)["glucose"] == new
    assert AccessEvent.objects.filter(
        action="create",
        subject_type="measurement",
        participant_id=registration.participant.public_id,
    ).exists()


def test_correction_of_systolic_replaces_the_pair(registration, user):
    record(registration, user, {"systolic": "186", "diastolic": "80"})
    systolic = current(registration)["systolic"]
    measurement_correct(
        measurement=systolic,
        values={"systolic": D("136"), "diastolic": D("80")},
        reason="typefout",
        by=Actor.for_user(user),
    )
    rows = current(registration)
    assert rows["systolic"].value == D("136") and rows["systolic"].colour == "orange"
    assert rows["diastolic"].colour == "orange"
    assert Measurement.objects.filter(superseded_by__isnull=False).count() == 2


def test_correction_needs_a_reason_and_a_current_row(registration, user):
    (old,) = record(registration, user, {"weight": "80"})
    by = Actor.for_user(user)
    with pytest.raises(ValidationError):
        measurement_correct(measurement=old, values={"weight": D("81")}, reason=" ", by=by)
    measurement_correct(measurement=old, values={"weight": D("81")}, reason="x", by=by)
    old.refresh_from_db()
    with pytest.raises(ValidationError):
        measurement_correct(measurement=old, values={"weight": D("82")}, reason="y", by=by)


def test_acknowledging_an_alert_stores_who_and_when(registration, user, region_a):
    record(registration, user, {"systolic": "186", "diastolic": "95"})
    physician = make_user("physician", region_a)
    alert = alert_acknowledge(
        alert=Alert.objects.get(),
        by=Actor.for_user(physician),
    )
    alert.refresh_from_db()
    assert alert.acknowledged_by == physician and alert.acknowledged_at is not None


@pytest.mark.parametrize("cancelled", ["registration", "session"])
def test_finding_12_no_values_for_a_cancelled_registration_or_session(
    registration, user, cancelled
):
    target = registration if cancelled == "registration" else registration.consultation
    type(target).objects.filter(pk=target.pk).update(status="cancelled")
    with pytest.raises(ValidationError) as exc:
        record(registration, user, {"weight": "80"})
    assert exc.value.code == "cancelled"
    assert not Measurement.objects.filter(registration=registration).exists()
