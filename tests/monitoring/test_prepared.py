"""The facts refresh runs its hot queries from SQL compiled once (monitoring/prepared.py): the
rows must be exactly those the ORM gives for the same values, on every shape of key."""

import pytest

from groepsconsult.monitoring import facts, rollup
from groepsconsult.monitoring.models import FactRollup, TrajectoryFact
from groepsconsult.monitoring.prepared import Prepared
from groepsconsult.trajectories.models import Trajectory
from tests.factories.monitoring import plant


@pytest.fixture
def planted(region_a):
    plant(region_a, "BU00000001", 6, seed=1)
    plant(region_a, "BU00000002", 5, seed=2, returned=False)
    # A first session without a neighbourhood and a fact without a call date: keys with NULLs.
    TrajectoryFact.objects.filter(pk=TrajectoryFact.objects.order_by("pk").first().pk).update(
        neighbourhood=None, follow_up_call_due=None
    )
    rollup.rollup_rebuild(region=region_a)
    return list(TrajectoryFact.objects.order_by("pk"))


def _by_pk(rows):
    return sorted(rows, key=lambda row: row["pk"])


def test_the_source_is_the_querysets_for_one_and_for_several_trajectories(planted):
    ids = [fact.pk for fact in planted]
    for chosen in ([ids[0]], [ids[-1]], ids[:3], ids[2:4], ids):
        orm = list(facts._source_base().filter(pk__in=chosen))
        assert orm, chosen
        assert _by_pk(facts._source(chosen)) == _by_pk(orm)
        assert _by_pk(facts._source(chosen)) == _by_pk(orm)  # the second run reuses the SQL


def test_values_and_hand_overs_are_the_querysets(planted):
    for fact in planted:
        rows = facts._source([fact.pk])
        people = {r["participant_id"] for r in rows}
        sessions = {r["baseline_id"] for r in rows} | {r["return_id"] for r in rows}
        orm = facts._current_values().filter(
            registration__participant_id__in=people,
            registration__consultation_id__in=sessions - {None},
        )
        expected = {(p, c, m): (float(v), col or "") for p, c, m, v, col in orm}
        assert facts._values(rows) == expected
        assert expected  # the planted systolic values were found
        handovers = facts._handover_states().filter(participant_id__in=people)
        assert facts._handovers(rows) == {p: {(s, d)} for p, s, d in handovers}


def test_the_rollup_of_each_key_is_the_querysets_null_keys_included(planted):
    keys = sorted(FactRollup.objects.values_list(*rollup.KEY), key=str)
    assert any(None in key for key in keys)
    for key in keys:
        assert rollup._rows_of([key]) == rollup._rows(rollup._key_q([key])), key
    assert rollup._rows_of(keys) == rollup._rows(rollup._key_q(keys))


def test_a_refresh_leaves_the_rollup_as_a_rebuild_would(planted, region_a):
    Trajectory.objects.filter(pk=planted[1].pk).update(status="stopped", stop_reason="moved")
    facts.facts_refresh([planted[1].pk])
    refreshed = sorted(map(sorted, FactRollup.objects.values(*rollup.KEY, "people", "dropped_out")))
    rollup.rollup_rebuild(region=region_a)
    rebuilt = sorted(map(sorted, FactRollup.objects.values(*rollup.KEY, "people", "dropped_out")))
    assert refreshed == rebuilt


@pytest.mark.django_db
def test_a_query_whose_value_is_rewritten_runs_through_the_orm(region_a):
    plant(region_a, "BU00000001", 3)
    ids = sorted(Trajectory.objects.values_list("pk", flat=True))
    # The stand-in never reaches the SQL as given (pk + 1): no SQL is kept, the ORM answers.
    shifted = Prepared(lambda pk: Trajectory.objects.filter(pk=pk + 1).values_list("pk"))
    for pk in ids:
        assert shifted.rows(pk) == ([(pk + 1,)] if pk + 1 in ids else [])
    assert shifted.rows(ids[-1]) == []
