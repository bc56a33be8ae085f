"""Actual costs per session: roster hours x rates plus cost lines, by category and party;
cost per participant and per completed trajectory. Checked against a hand computation.

Session of 90 min, preparation 0.5 h (this session), so 2.0 h per professional:
  2 lifestyle coaches of a sport organisation: 2 x 2.0 h x EUR 58.23 (gli_rate) = 232.92, in kind
  1 GP: the GP rate has no base (to confirm): not summed, counted as 1 part to confirm
  1 experience expert: paid through the fee line below, so not valued twice
  lines: location EUR 150 (municipality, money), catering EUR 60 (other, in kind),
         experience-expert fee EUR 100 (fund, money), coordination 2 h x 58.23 = 116.46
Total = 232.92 + 150 + 60 + 100 + 116.46 = 659.38
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from groepsconsult.finance.models import Assumption, CostLine, SessionPreparation
from groepsconsult.finance.selectors import region_cost_summary
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_consultation, make_organisation, make_participant
from tests.factories.consultations import make_assignment
from tests.factories.documents import make_registration
from tests.factories.finance import seed_assumptions

PAST = dt.datetime(2026, 3, 10, 10, 0, tzinfo=dt.UTC)


def cost_line(session, **kw):
    defaults = {"party": "municipality", "description": "x", "amount": Decimal("0")}
    return CostLine.objects.create(
        region=session.region, consultation=session, **{**defaults, **kw}
    )


def planted_session(region, starts_at=PAST):
    session = make_consultation(region, starts_at=starts_at, duration_minutes=90)
    SessionPreparation.objects.create(region=region, consultation=session, hours=Decimal("0.5"))
    sport = make_organisation(region, kind="sport")
    for _ in range(2):
        make_assignment(session, role="host", discipline="lifestyle_coach", organisation=sport)
    make_assignment(session, role="lead", discipline="gp")
    make_assignment(session, role="experience_expert", discipline="experience_expert")
    gli = Assumption.objects.get(region=region, key="gli_rate")
    cost_line(session, category="location", amount=Decimal("150"))
    cost_line(session, category="catering", party="other", in_kind=True, amount=Decimal("60"))
    cost_line(session, category="experience_experts", party="fund", amount=Decimal("100"))
    cost_line(session, category="coordination", amount=None, hours=Decimal("2"), rate=gli)
    return session


@pytest.fixture
def seeded(region_a):
    seed_assumptions(region_a)
    return region_a


def test_region_costs_equal_the_hand_computation(seeded):
    planted_session(seeded)
    totals = region_cost_summary(region=seeded, year=2026)
    assert totals.total == Decimal("659.38")
    assert totals.to_confirm == 1  # the GP's hours
    assert totals.by_category == {
        "professionals": Decimal("232.92"),
        "location": Decimal("150"),
        "catering": Decimal("60"),
        "experience_experts": Decimal("100"),
        "coordination": Decimal("116.46"),
    }
    assert totals.by_party["sport"] == {"money": 0, "in_kind": Decimal("232.92")}
    assert totals.by_party["other"] == {"money": 0, "in_kind": Decimal("60")}
    assert totals.by_party["municipality"]["money"] == Decimal("266.46")


def test_cost_per_participant_and_per_completed_trajectory(seeded):
    session = planted_session(seeded)
    people = [make_participant(seeded) for _ in range(4)]
    for person in people:
        make_registration(session, person, attendance="present", checked_in_at=session.starts_at)
    Trajectory.objects.filter(participant__in=people[:2]).update(
        baseline_consultation=session, status="completed"
    )
    Trajectory.objects.filter(participant=people[2]).update(
        baseline_consultation=session, status="stopped", stop_reason="moved"
    )
    totals = region_cost_summary(region=seeded, year=2026)
    assert (totals.participants, totals.completed) == (4, 2)
    assert totals.per_participant == Decimal("165")  # 659.38 / 4 = 164.85
    assert totals.per_completed == Decimal("330")  # 659.38 / 2 = 329.69


def test_without_preparation_hours_the_roster_is_to_confirm_not_zero(seeded):
    session = planted_session(seeded)
    SessionPreparation.objects.filter(consultation=session).delete()  # region's: no figure
    totals = region_cost_summary(region=seeded, year=2026)
    assert totals.total == Decimal("426.46")  # the lines only
    assert totals.to_confirm == 2  # coaches and GP


def test_a_session_not_yet_held_has_no_roster_hours(seeded):
    later = timezone.now() + dt.timedelta(days=7)
    planted_session(seeded, starts_at=later)
    totals = region_cost_summary(region=seeded, year=later.year)
    assert totals.by_category.get("professionals") is None and totals.total == Decimal("426.46")
