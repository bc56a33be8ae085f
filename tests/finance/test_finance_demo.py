"""The demo money goes through the services and can run twice."""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from groepsconsult.finance import demo
from groepsconsult.finance.models import Agreement, BudgetLine, CostLine, FinanceEvent
from groepsconsult.finance.selectors import business_case
from groepsconsult.finance.selectors import region_cost_summary as summary
from tests.factories.backbone import make_consultation, make_location
from tests.factories.consultations import make_assignment


def test_demo_seed_is_idempotent_and_gives_a_business_case(region_a):
    location = make_location(region_a)
    held = make_consultation(
        region_a, location=location, starts_at=timezone.now() - dt.timedelta(days=30)
    )
    make_assignment(held, role="host", discipline="lifestyle_coach")
    demo.seed(region=region_a, rng=random.Random(1))
    demo.seed(region=region_a, rng=random.Random(1))
    assert BudgetLine.objects.filter(region=region_a).count() == len(demo.LINES)
    assert Agreement.objects.filter(region=region_a).count() == 2
    assert FinanceEvent.objects.filter(region=region_a).count() > len(demo.LINES)
    year = BudgetLine.objects.filter(region=region_a).first().year
    case = business_case(region=region_a, year=year)
    assert case["inputs"] > 0
    assert CostLine.objects.filter(consultation=held).count() == len(demo.SESSION_LINES)
    # the lines, plus the coach's 2.0 h (90 min + 0.5 h demo preparation) x EUR 58.23
    assert summary(region=region_a, year=held.starts_at.year).total == Decimal("451.46")
