"""The readiness checklist as a pure function: each missing requirement turns its own item red."""

import datetime as dt

import pytest

from groepsconsult.consultations.readiness import ReadinessFacts, readiness_check

READY = ReadinessFacts(
    starts_at=dt.datetime(2026, 12, 10, 10, tzinfo=dt.UTC),
    capacity=15,
    has_location=True,
    room="Grote zaal",
    registered=8,
    domains=frozenset({"care", "welfare", "sport"}),
    has_big_lead=True,
    has_experience_expert=True,
    has_coordinator=True,
)


def _missing(facts):
    return [item.key for item in readiness_check(facts).missing]


def test_a_complete_session_is_ready():
    result = readiness_check(READY)
    assert result.ready and result.missing == []
    assert len(result.items) == 10


@pytest.mark.parametrize(
    "change, key",
    [
        ({"starts_at": None}, "date"),
        ({"capacity": 7}, "capacity"),
        ({"room": ""}, "room"),
        ({"has_location": False}, "room"),
        ({"registered": 7}, "registered"),
        ({"domains": frozenset({"welfare", "sport"})}, "care"),
        ({"domains": frozenset({"care", "sport"})}, "welfare"),
        ({"domains": frozenset({"care", "welfare"})}, "sport"),
        ({"has_big_lead": False}, "lead"),
        ({"has_experience_expert": False}, "experience_expert"),
        ({"has_coordinator": False}, "coordinator"),
    ],
)
def test_each_missing_requirement_turns_only_its_item_red(change, key):
    facts = ReadinessFacts(**{**READY.__dict__, **change})
    assert _missing(facts) == [key]
    assert not readiness_check(facts).ready


def test_an_empty_plan_misses_everything_but_the_date():
    facts = ReadinessFacts(
        starts_at=READY.starts_at,
        capacity=5,
        has_location=True,
        room="",
        registered=0,
        domains=frozenset(),
        has_big_lead=False,
        has_experience_expert=False,
        has_coordinator=False,
    )
    assert "date" not in _missing(facts)
    assert len(_missing(facts)) == 9


def test_the_registered_hint_says_how_many_so_far():
    facts = ReadinessFacts(**{**READY.__dict__, "registered": 3})
    (item,) = readiness_check(facts).missing
    assert "3" in str(item.hint)
