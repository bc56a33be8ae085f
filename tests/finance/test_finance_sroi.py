"""SROI stage 4 and 5 against a hand computation with planted assumptions.

Planted: 20 participants at a first session; conversion 5%/yr, risk reduction 29%, diabetes
cost EUR 1,140 (the sourced bases); deadweight 0, displacement 0 (seeded), attribution 50%,
drop-off 10%/yr, discount 2.25% (sourced), horizon 3 years; inputs EUR 1,000 (insurer).

First-year impact = 20 x 0.05 x 0.29 x 1140 x (1-0) x (1-0) x (1-0.5) = 165.30
PV = 165.30/1.0225 + 165.30 x 0.9/1.0225**2 + 165.30 x 0.81/1.0225**3
   = 161.66 + 142.31 + 125.24 = 429.20 (rounded 429)
"""

from decimal import Decimal

import pytest

from groepsconsult.finance.models import Assumption
from groepsconsult.finance.selectors import business_case
from tests.factories.finance import make_budget_line, seed_assumptions
from tests.finance.test_finance_business_case import YEAR, attend

HAND_PV = 165.30 / 1.0225 + 165.30 * 0.9 / 1.0225**2 + 165.30 * 0.81 / 1.0225**3


def plant(region, **values):
    for key, base in values.items():
        Assumption.objects.filter(region=region, key=key).update(base=base)


@pytest.fixture
def case(region_a):
    seed_assumptions(region_a)
    plant(region_a, attribution_t2d=50, dropoff_t2d=10, horizon_years=3)
    attend(region_a, 20)
    make_budget_line(region_a, year=YEAR, party="insurer", amount=Decimal("1000"))
    return business_case(region=region_a, year=YEAR)


def test_present_value_and_ratio_equal_the_hand_computation(case):
    assert round(HAND_PV, 2) == 429.20
    t2d = next(v for v in case["outcomes"] if v.outcome.key == "t2d")
    assert float(t2d.pv) == pytest.approx(HAND_PV, abs=0.005)
    assert case["sroi"] == Decimal("0.43")  # 429.20 / 1000


def test_the_insurer_gets_its_sourced_share_of_the_present_value(case):
    insurer = next(r for r in case["parties"] if r.party == "insurer")
    assert float(insurer.benefits) == pytest.approx(HAND_PV * 0.94, abs=0.005)  # 403.45
    assert insurer.ratio == Decimal("0.40")


def test_an_outcome_with_a_missing_factor_is_to_confirm_not_zero(case):
    gp = next(v for v in case["outcomes"] if v.outcome.key == "gp")
    assert gp.pv is None and "gp_consults_saved_pp" in gp.missing
    gp_party = next(r for r in case["parties"] if r.party == "gp_organisation")
    assert gp_party.benefits is None


def test_discount_rates_of_the_sensitivity_table(case):
    rows = {r["key"]: r for r in case["sensitivity"]}
    low = 165.30 / 1.015 + 165.30 * 0.9 / 1.015**2 + 165.30 * 0.81 / 1.015**3  # 435.31
    high = 165.30 / 1.03 + 165.30 * 0.9 / 1.03**2 + 165.30 * 0.81 / 1.03**3  # 423.25
    assert rows["discount"]["low"] == Decimal(round(low))
    assert rows["discount"]["high"] == Decimal(round(high))


def test_worst_case_takes_every_assumption_at_its_unfavourable_side(case):
    # conversion 1.9%, risk reduction 12%, discount 3%; the rest have no lower side.
    first = 20 * 0.019 * 0.12 * 1140 * 0.5  # 25.992
    worst = first / 1.03 + first * 0.9 / 1.03**2 + first * 0.81 / 1.03**3  # 66.55
    assert case["cases"]["worst"]["pv"] == Decimal(round(worst))
    assert case["cases"]["best"]["pv"] > Decimal(round(HAND_PV))


def test_break_even_conversions_avoided_per_100_participants(case):
    # Now 100 x 0.05 x 0.29 = 1.45 per 100 per year; needed 1.45 x 1000 / 429.20 = 3.38.
    assert case["break_even"] == {"needed": Decimal("3.38"), "current": Decimal("1.45")}


def test_without_a_horizon_nothing_is_valued_and_the_inputs_to_confirm_are_counted(region_a):
    seed_assumptions(region_a)
    attend(region_a, 5)
    Assumption.objects.filter(region=region_a, key="horizon_years").update(base=None)
    case = business_case(region=region_a, year=YEAR)
    assert all(v.pv is None for v in case["outcomes"])
    assert case["break_even"] is None
    before = case["to_confirm"]
    Assumption.objects.filter(region=region_a, key="horizon_years").update(base=5, certainty="P")
    assert business_case(region=region_a, year=YEAR)["to_confirm"] == before - 1


def test_the_overview_shows_the_sroi_and_what_is_to_confirm(case, client_for):
    html = client_for("funder").get(f"/finance/?year={YEAR}").content.decode()
    assert "€ 429" in html and "0,43" in html  # the hand-computed present value and SROI
    assert "ontbreekt: gp_consults_saved_pp" in html  # a missing factor is named, not zero
    assert "3,38" in html and "1,45" in html  # break-even next to the current assumption
