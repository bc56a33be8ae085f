"""The demo money goes through the services and can run twice."""

import random

from groepsconsult.finance import demo
from groepsconsult.finance.models import Agreement, BudgetLine, FinanceEvent
from groepsconsult.finance.selectors import business_case
from tests.factories.backbone import make_location


def test_demo_seed_is_idempotent_and_gives_a_business_case(region_a):
    make_location(region_a)
    demo.seed(region=region_a, rng=random.Random(1))
    demo.seed(region=region_a, rng=random.Random(1))
    assert BudgetLine.objects.filter(region=region_a).count() == len(demo.LINES)
    assert Agreement.objects.filter(region=region_a).count() == 2
    assert FinanceEvent.objects.filter(region=region_a).count() > len(demo.LINES)
    year = BudgetLine.objects.filter(region=region_a).first().year
    assert business_case(region=region_a, year=year)["inputs"] > 0
