"""Colour moves: red or orange at baseline, a better stored colour six months later."""

import csv
import io

import pytest

from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.colours import colour_moves
from groepsconsult.monitoring.exports_process import process_csv
from groepsconsult.monitoring.models import TrajectoryFact
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import (
    make_consultation,
    make_location,
    make_neighbourhood,
    make_participant,
    make_user,
)
from tests.factories.consent import give
from tests.factories.documents import make_measurement, make_registration
from tests.factories.monitoring import BASELINE, RETURN


def plant_colours(region, moves, code="BU00000001"):
    """One person per (baseline colour, return colour or None) with a systolic value each."""
    location = make_location(region, make_neighbourhood(region, cbs_code=code, name=code))
    first = make_consultation(region, location=location, starts_at=BASELINE)
    back = make_consultation(region, location=location, starts_at=RETURN, kind="return")
    people = []
    for was, now in moves:
        participant = make_participant(region)
        reg0 = make_registration(first, participant, attendance="present", checked_in_at=BASELINE)
        make_measurement(reg0, "systolic", 150, colour=was)
        Trajectory.objects.create(
            participant=participant,
            status="returned" if now else "follow_up",
            baseline_consultation=first,
            return_consultation=back if now else None,
            started_on=BASELINE.date(),
        )
        if now:
            make_measurement(make_registration(back, participant), "systolic", 140, colour=now)
        people.append(participant)
    facts_rebuild(region=region)
    return people


MOVES = (
    [("red", "orange")] * 8
    + [("orange", "green")] * 4
    + [("orange", "orange")] * 6
    + [("red", "red")] * 5
    + [("green", "green")] * 5  # not red or orange at baseline: not counted
    + [("red", None)] * 2  # no return colour: not counted
)


def systolic(region, filters=None):
    return next(m for m in colour_moves(region=region, filters=filters or Filters()))


def test_share_of_red_or_orange_that_came_back_better(region_a):
    plant_colours(region_a, MOVES)
    move = systolic(region_a)
    assert (move.n.value, move.better.value, move.share.percent) == (23, 12, 52)
    # No colours stored for the other measures: nobody to count, so "<10".
    assert all(m.n.label == "<10" for m in colour_moves(region=region_a, filters=Filters())[1:])


def test_facts_carry_the_stored_colours_and_a_rebuild_agrees(region_a):
    plant_colours(region_a, [("red", "green"), ("orange", None)])
    colours = set(
        TrajectoryFact.objects.values_list("systolic_base_colour", "systolic_return_colour")
    )
    assert colours == {("red", "green"), ("orange", "")}


def test_small_part_hides_its_complement_and_the_share(region_a):
    plant_colours(region_a, [("red", "green")] * 3 + [("red", "red")] * 11)
    move = systolic(region_a)
    assert move.n.value == 14
    assert move.better.label == "<10" and move.share.percent is None


def test_fewer_than_k_people_read_less_than_ten(region_a):
    plant_colours(region_a, [("red", "green")] * 9)
    move = systolic(region_a)
    assert (move.n.label, move.better.label, move.share.percent) == ("<10", "<10", None)


def test_refused_anonymous_monitoring_is_not_counted(region_a):
    people = plant_colours(region_a, [("red", "green")] * 10)
    give(people[0], "anonymous_monitoring", make_user("coordinator", region_a), given=False)
    assert systolic(region_a).n.label == "<10"


def test_dashboard_and_process_export_show_the_moves(client_for, region_a):
    plant_colours(region_a, MOVES)
    page = client_for("coordinator").get("/monitoring/").content.decode()
    assert "Kleurverschuiving" in page and "52%" in page
    lines = list(csv.reader(io.StringIO(process_csv(region=region_a))))
    found = {(g, i): v for t, g, i, v in lines[1:] if t == "colour_moves"}
    assert found["systolic", "red_or_orange_at_baseline"] == "23"
    assert found["systolic", "better"] == "12"
    assert found["systolic", "better_percent"] == "52"
    assert found["weight", "better"] == "<10"


@pytest.mark.parametrize("people", [12, 40])
def test_one_query_whatever_the_number_of_people(region_a, people, django_assert_num_queries):
    plant_colours(region_a, [("red", "green")] * people)
    with django_assert_num_queries(1):
        colour_moves(region=region_a, filters=Filters())
