"""The demo money goes through the services and can run twice."""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from groepsconsult.finance import demo, demo_funding
from groepsconsult.finance.funding import funding_warnings, sustainability_progress
from groepsconsult.finance.models import Agreement, BudgetLine, CostLine, FinanceEvent, Grant
from groepsconsult.finance.selectors import business_case
from groepsconsult.finance.selectors import region_cost_summary as summary
from tests.factories.backbone import make_consultation, make_location, make_organisation
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


def test_demo_funding_gives_a_warning_of_each_kind_and_runs_twice(region_a):
    make_location(region_a)
    make_organisation(region_a)
    make_organisation(region_a)
    demo.seed(region=region_a, rng=random.Random(1))
    demo.seed(region=region_a, rng=random.Random(1))
    assert Grant.objects.filter(region=region_a).count() == len(demo_funding.GRANTS)
    warnings = funding_warnings(region=region_a)
    assert [g.title for g, ending, _o in warnings["grants"] if ending] == [
        "Implementatievoucher (demo)"
    ]
    assert [r.key for r in warnings["routes"]] == ["implementatievoucher"]
    assert [c.successor for c in warnings["contacts"]] == [""]
    progress = {p.group: p.done for p in sustainability_progress(region=region_a)}
    assert progress["content"] == 2 and progress["finance"] == 1
