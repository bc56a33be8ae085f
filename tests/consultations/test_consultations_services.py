"""Services: plan, change, copy, status, roster and run sheet. Real DB, audited, atomic."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.consultations import services
from groepsconsult.consultations.models import (
    Consultation,
    RosterAssignment,
    RunSheetBlock,
    StationKind,
)
from groepsconsult.measurements.models import Station
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_location, make_neighbourhood, make_professional
from tests.factories.consultations import (
    ROOMS,
    future,
    make_assignment,
    make_block,
    make_full_team,
    make_planned_consultation,
    make_registrations,
)

BY = Actor(user_id=None, username="tester", role="coordinator", region_slug="alpha")


def _plan(region, **kw):
    location = kw.pop("location", None) or make_location(region, rooms=ROOMS)
    fields = dict(
        neighbourhood=location.neighbourhood,
        location=location,
        room="Keuken",
        title="Vrouwen-groepsconsult",
        starts_at=future(42),
        audience="women",
        languages=["tr", "nl"],
        interpreter_needed=True,
        interpreter_language="tr",
    )
    fields.update(kw)
    return services.consultation_create(region=region, by=BY, **fields)


def test_station_kinds_mirror_the_measurement_stations():
    assert {v for v in StationKind.values if v != "themed"} == set(Station.values)


def test_create_makes_a_draft_with_four_tables_and_the_default_run_sheet(region_a):
    consultation = _plan(region_a)
    assert consultation.status == Consultation.Status.DRAFT
    assert list(consultation.stations.values_list("kind", flat=True)) == [
        "care",
        "measurement",
        "movement",
        "welfare",
    ]
    titles = list(consultation.runsheet_blocks.values_list("title", flat=True))
    assert len(titles) == 6 and "Meetcircuit" in titles
    assert AccessEvent.objects.filter(action="create", subject_type="consultation").exists()


def test_create_refuses_a_room_the_location_does_not_have(region_a):
    with pytest.raises(ValidationError) as exc:
        _plan(region_a, room="Gymzaal")
    assert "room" in exc.value.message_dict
    assert not Consultation.objects.exists()


def test_create_refuses_unknown_languages_and_interpreter_without_language(region_a):
    with pytest.raises(ValidationError):
        _plan(region_a, languages=["xx"])
    with pytest.raises(ValidationError):
        _plan(region_a, interpreter_language="")
    assert not Consultation.objects.exists()


def test_create_refuses_a_location_of_another_region(region_a, region_b):
    with pytest.raises(ValidationError):
        _plan(region_a, location=make_location(region_b, rooms=ROOMS))
    assert not Consultation.objects.exists()


def test_update_changes_the_plan_and_is_audited(region_a):
    consultation = _plan(region_a)
    services.consultation_update(consultation=consultation, by=BY, capacity=12, theme="Hart")
    consultation.refresh_from_db()
    assert (consultation.capacity, consultation.theme) == (12, "Hart")
    assert AccessEvent.objects.filter(action="change", subject_type="consultation").exists()


def test_a_cancelled_session_cannot_be_changed(region_a):
    consultation = _plan(region_a)
    services.consultation_set_status(consultation=consultation, status="cancelled", by=BY)
    with pytest.raises(ValidationError):
        services.consultation_update(consultation=consultation, by=BY, capacity=10)


def test_set_status_follows_the_policy(region_a):
    consultation = _plan(region_a)
    services.consultation_set_status(consultation=consultation, status="open", by=BY)
    assert Consultation.objects.get().status == "open"
    with pytest.raises(ValidationError):
        services.consultation_set_status(consultation=consultation, status="held", by=BY)
    assert Consultation.objects.get().status == "open"


def test_held_is_allowed_after_the_start(region_a):
    consultation = make_planned_consultation(
        region_a, status="open", starts_at=timezone.now() - dt.timedelta(hours=3)
    )
    services.consultation_set_status(consultation=consultation, status="held", by=BY)
    assert Consultation.objects.get().status == "held"


def test_copy_to_a_new_date_copies_team_and_run_sheet_not_registrations(region_a):
    original = make_planned_consultation(region_a, status="open", title="Moerwijk")
    make_full_team(original)
    make_block(original, title="Eigen blok")
    make_registrations(original, 3)
    copy = services.consultation_copy(consultation=original, by=BY, starts_at=future(90))
    assert copy.status == "draft" and copy.copied_from == original
    assert copy.title == "Moerwijk" and copy.room == original.room
    assert copy.assignments.count() == original.assignments.count() == 6
    assert copy.stations.count() == 4
    station_copy = copy.assignments.filter(role="station").first().station
    assert station_copy.consultation == copy
    assert list(copy.runsheet_blocks.values_list("title", flat=True)) == ["Eigen blok"]
    assert Registration.objects.filter(consultation=copy).count() == 0


def test_copy_a_whole_set_up_to_another_neighbourhood(region_a):
    original = make_planned_consultation(region_a)
    make_full_team(original)
    elsewhere = make_location(region_a, neighbourhood=make_neighbourhood(region_a), rooms="Aula")
    copy = services.consultation_copy(
        consultation=original, by=BY, starts_at=future(60), location=elsewhere
    )
    assert copy.neighbourhood == elsewhere.neighbourhood
    assert copy.room == ""  # the room does not exist at the new location
    assert copy.assignments.count() == 6


def test_copy_without_roster_keeps_the_tables_but_not_the_people(region_a):
    original = make_planned_consultation(region_a)
    make_full_team(original)
    copy = services.consultation_copy(
        consultation=original, by=BY, starts_at=future(60), with_roster=False, with_runsheet=False
    )
    assert copy.assignments.count() == 0 and copy.stations.count() == 4
    assert copy.runsheet_blocks.count() == 6  # fresh from the region's template


def test_roster_assign_refuses_a_professional_of_another_region(region_a, region_b):
    consultation = make_planned_consultation(region_a)
    foreign = make_professional(region_b)
    with pytest.raises(ValidationError):
        services.roster_assign(consultation=consultation, professional=foreign, role="host", by=BY)
    assert not RosterAssignment.objects.exists()


def test_roster_assign_needs_the_table_for_a_station_booking(region_a):
    consultation = make_planned_consultation(region_a)
    with pytest.raises(ValidationError):
        services.roster_assign(
            consultation=consultation,
            professional=make_professional(region_a),
            role="station",
            by=BY,
        )


def test_only_one_lead_per_session(region_a):
    consultation = make_planned_consultation(region_a)
    make_assignment(consultation, role="lead", discipline="gp", big_number="12345678901")
    with pytest.raises(ValidationError):
        services.roster_assign(
            consultation=consultation,
            professional=make_professional(region_a, discipline="gp"),
            role="lead",
            by=BY,
        )


def test_a_themed_table_needs_a_name_and_a_fixed_table_exists_once(region_a):
    consultation = make_planned_consultation(region_a)
    with pytest.raises(ValidationError):
        services.roster_station_add(consultation=consultation, kind="themed", by=BY)
    with pytest.raises(ValidationError):
        services.roster_station_add(consultation=consultation, kind="care", by=BY)
    station = services.roster_station_add(
        consultation=consultation, kind="themed", name="Stoppen met roken", by=BY
    )
    assert station.position == 4


def test_removing_a_table_removes_its_bookings_and_is_logged(region_a):
    consultation = make_planned_consultation(region_a)
    booking = make_assignment(consultation, station_kind="welfare")
    services.roster_station_remove(station=booking.station, by=BY)
    assert not RosterAssignment.objects.exists()
    assert AccessEvent.objects.filter(action="delete", subject_type="rosterstation").exists()


def test_run_sheet_blocks_move_and_renumber(region_a):
    consultation = make_planned_consultation(region_a)
    a, b, c = (make_block(consultation, title=t) for t in "ABC")
    services.runsheet_block_move(block=c, direction="up", by=BY)
    assert list(consultation.runsheet_blocks.values_list("title", flat=True)) == ["A", "C", "B"]
    services.runsheet_block_move(block=a, direction="up", by=BY)  # already first: no change
    services.runsheet_block_remove(block=b, by=BY)
    assert list(consultation.runsheet_blocks.values_list("title", "position")) == [
        ("A", 0),
        ("C", 1),
    ]


def test_run_sheet_block_minutes_are_validated(region_a):
    consultation = make_planned_consultation(region_a)
    with pytest.raises(ValidationError):
        services.runsheet_block_add(owner=consultation, by=BY, title="Te lang", minutes=999)
    assert not RunSheetBlock.objects.filter(title="Te lang").exists()


def test_region_template_is_created_once_with_the_default_programme(region_a):
    first = services.runsheet_template_default(region=region_a, by=BY)
    again = services.runsheet_template_default(region=region_a, by=BY)
    assert first == again
    assert [b.minutes for b in first.blocks.all()] == [10, 10, 30, 15, 15, 10]


def test_the_same_place_cannot_be_booked_twice(region_a):
    consultation = make_planned_consultation(region_a)
    booking = make_assignment(consultation, role="host", discipline="host")
    with pytest.raises(ValidationError):
        services.roster_assign(
            consultation=consultation, professional=booking.professional, role="host", by=BY
        )
    table = make_assignment(consultation, station_kind="care")
    with pytest.raises(ValidationError):
        services.roster_assign(
            consultation=consultation,
            professional=table.professional,
            role="station",
            station=table.station,
            by=BY,
        )
    assert RosterAssignment.objects.count() == 2
