"""The rollup (one row per first session) gives the unfiltered dashboard the very figures the
facts give, suppression included, and every refresh leaves it as a rebuild would."""

import datetime as dt

import pytest
from django.utils import timezone

from groepsconsult.monitoring import rollup_read
from groepsconsult.monitoring.aggregates import (
    MEASURES,
    RETURN_DUE_DAYS,
    Filters,
    group_pairs,
    outcome_rows,
    pair_rows_from_facts,
)
from groepsconsult.monitoring.colours import colour_counts_from_facts
from groepsconsult.monitoring.dashboard import dashboard_context
from groepsconsult.monitoring.models import FactRollup
from groepsconsult.monitoring.process import person_totals_from_facts
from groepsconsult.monitoring.rollup import rollup_rebuild
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_user
from tests.factories.consent import give
from tests.factories.monitoring import plant

ALL = Filters()


def snapshot():
    return sorted(
        tuple(sorted((k, v) for k, v in row.items() if k != "id"))
        for row in FactRollup.objects.values()
    )


@pytest.fixture
def country(region_a, region_b):
    plant(region_a, "BU00000001", 12, seed=1)
    plant(region_a, "BU00000002", 11, seed=2, returned=False)
    plant(region_a, "BU00000003", 3, seed=3)
    plant(region_b, "BU00000004", 14, seed=4, sex="female")
    Trajectory.objects.filter(pk__in=Trajectory.objects.order_by("pk")[:4]).update(
        status="stopped", stop_reason="moved"
    )
    return [region_a, region_b]


def both_paths(region):
    due = timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS)
    rolled = rollup_read.pair_rows(region=region, measures=MEASURES, due_before=due)
    facts = pair_rows_from_facts(region=region, filters=ALL, due_before=due)
    return outcome_rows(group_pairs(rolled)), outcome_rows(group_pairs(facts))


@pytest.mark.django_db
def test_rollup_figures_equal_the_fact_figures_for_one_region_and_combined(country):
    from groepsconsult.monitoring.services import facts_rebuild

    facts_rebuild()  # the status change above went round the services
    for scope in (country[0], country):
        rolled, facts = both_paths(scope)
        assert rolled == facts and any(not r.n.suppressed for r in rolled)
        assert any(r.n.suppressed for r in rolled)  # the planted cell of 3 stays hidden
        totals = rollup_read.person_totals(
            region=scope,
            today=timezone.localdate(),
            return_due=timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS),
        )
        assert totals == person_totals_from_facts(region=scope, filters=ALL)
        assert totals["dropped_out"] > 0 and totals["returned"] > 0
        assert rollup_read.colour_counts(
            region=scope, measures=list(MEASURES)
        ) == colour_counts_from_facts(region=scope, filters=ALL)


@pytest.mark.django_db
def test_a_refusal_refreshes_the_rollup_as_a_rebuild_would(country):
    region = country[0]
    person = Trajectory.objects.filter(baseline_consultation__region=region).first()
    before = dashboard_context(region=region, filters=ALL)["process"]["people"]
    give(person.participant, "anonymous_monitoring", make_user("coordinator", region), given=False)
    incremental = snapshot()
    rollup_rebuild()
    assert snapshot() == incremental
    after = dashboard_context(region=region, filters=ALL)["process"]["people"]
    assert after != before  # one person fewer is counted
