"""Business case per party: money and in kind in, valued outcomes out; to-confirm never summed."""

from decimal import Decimal

import pytest

from groepsconsult.finance.models import Assumption
from groepsconsult.finance.selectors import business_case
from groepsconsult.finance.services import assumptions_seed_defaults
from groepsconsult.finance.sources import DEFAULT_ASSUMPTIONS
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.documents import make_registration
from tests.factories.finance import BY, make_budget_line, seed_assumptions

YEAR = 2026


def attend(region, count, **kw):
    session = make_consultation(region, **kw)
    for _ in range(count):
        make_registration(
            session, make_participant(region), attendance="present", checked_in_at=session.starts_at
        )


@pytest.fixture
def seeded(region_a):
    seed_assumptions(region_a)
    return region_a


def test_cost_per_participant_counts_money_and_valued_in_kind(seeded):
    attend(seeded, 10)
    make_budget_line(seeded, year=YEAR, party="municipality", amount=Decimal("3000"))
    gli = Assumption.objects.get(region=seeded, key="gli_rate")
    make_budget_line(seeded, year=YEAR, party="other", amount=None, hours=10, rate=gli)
    case = business_case(region=seeded, year=YEAR)
    assert case["participants"] == 10
    assert case["inputs"] == Decimal("3582.30")  # 3000 + 10 h x 58.23
    assert case["cost_per_participant"] == Decimal("358")


def test_in_kind_at_a_rate_to_confirm_is_counted_as_to_confirm_not_as_zero(seeded):
    coach = Assumption.objects.get(region=seeded, key="rate_sport_coach")
    make_budget_line(seeded, year=YEAR, party="sport", amount=None, hours=60, rate=coach)
    sport = next(
        r for r in business_case(region=seeded, year=YEAR)["parties"] if r.party == "sport"
    )
    assert sport.in_kind == 0 and sport.in_kind_to_confirm == 1


def test_with_only_the_sourced_defaults_the_diabetes_outcome_waits_for_attribution(seeded):
    attend(seeded, 20)
    make_budget_line(seeded, year=YEAR, party="insurer", amount=Decimal("1000"))
    case = business_case(region=seeded, year=YEAR)
    insurer = next(r for r in case["parties"] if r.party == "insurer")
    assert insurer.benefits is None and insurer.ratio is None  # "to confirm", not zero
    t2d = next(v for v in case["outcomes"] if v.outcome.key == "t2d")
    assert t2d.missing == ["attribution_t2d"]
    assert case["to_confirm"] >= 5


def test_sensitivity_moves_the_total_with_low_and_high(seeded):
    Assumption.objects.filter(region=seeded, key="attribution_t2d").update(base=20)
    attend(seeded, 20)
    rows = {r["key"]: r for r in business_case(region=seeded, year=YEAR)["sensitivity"]}
    assert rows["rrr_realworld"]["low"] < rows["rrr_realworld"]["high"]
    assert rows["t2d_cost_pp"]["low"] == rows["t2d_cost_pp"]["high"]  # no range in the source
    assert rows["discount"]["low"] > rows["discount"]["high"]  # a lower rate, a higher value


def test_seeding_the_defaults_is_idempotent_and_keeps_edits(region_a):
    assert assumptions_seed_defaults(region=region_a, by=BY) == len(DEFAULT_ASSUMPTIONS)
    Assumption.objects.filter(region=region_a, key="gli_rate").update(base=60)
    assert assumptions_seed_defaults(region=region_a, by=BY) == 0
    assert Assumption.objects.get(region=region_a, key="gli_rate").base == 60


def test_every_default_names_a_source_and_unsourced_ones_are_to_confirm():
    for key, _label, _low, base, _high, _unit, _year, source, tag in DEFAULT_ASSUMPTIONS:
        assert source, key
        assert tag in "VPU"
        if base is None:
            assert tag == "U", key
