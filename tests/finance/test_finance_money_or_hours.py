"""Budget lines and session cost lines share one money-or-hours owner (MoneyOrHours): the same
fields, the same database check and the same value, each under its own constraint name."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from groepsconsult.core.models import ChangeHistory
from groepsconsult.finance.models import Assumption, BudgetLine, CostLine, FinanceEvent
from groepsconsult.finance.models.base import MoneyOrHours
from groepsconsult.research.models import ResearchEvent
from tests.factories.backbone import make_consultation
from tests.factories.finance import seed_assumptions


@pytest.fixture
def rate(region_a):
    seed_assumptions(region_a)
    return Assumption.objects.get(region=region_a, key="gli_rate")  # low None, base 58.23


def budget_line(region, **kw):
    return BudgetLine.objects.create(
        region=region, year=2026, party="municipality", kind="running", category="other",
        description="x", **kw,
    )  # fmt: skip


def cost_line(region, **kw):
    session = make_consultation(region)
    return CostLine.objects.create(
        region=region, consultation=session, category="other", party="municipality",
        description="x", **kw,
    )  # fmt: skip


MAKERS = [budget_line, cost_line]


def test_both_lines_have_one_owner():
    assert issubclass(FinanceEvent, ChangeHistory) and issubclass(ResearchEvent, ChangeHistory)
    assert ResearchEvent._meta.get_field("subject_type").max_length == 40
    assert issubclass(BudgetLine, MoneyOrHours) and issubclass(CostLine, MoneyOrHours)
    with translation.override("en"):  # each keeps its own label
        assert BudgetLine._meta.get_field("hours").verbose_name == "in-kind hours"
        assert CostLine._meta.get_field("hours").verbose_name == "hours"


@pytest.mark.parametrize("make", MAKERS)
def test_value_is_the_amount_or_hours_at_the_rate(make, region_a, rate):
    assert make(region_a, amount=Decimal("12.50")).value() == Decimal("12.50")
    line = make(region_a, hours=Decimal("2"), rate=rate)
    assert line.value() == Decimal("116.46")
    assert line.value("low") is None  # the low figure is still to confirm


@pytest.mark.parametrize("make", MAKERS)
@pytest.mark.parametrize(
    "fields",
    [{}, {"amount": Decimal("1"), "hours": Decimal("1")}, {"hours": Decimal("1")}],
    ids=["neither", "both", "hours-without-rate"],
)
def test_the_database_refuses_anything_but_money_or_hours(make, fields, region_a, rate):
    with pytest.raises(IntegrityError), transaction.atomic():
        make(region_a, **fields)
