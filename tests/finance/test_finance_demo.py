"""The demo money goes through the services and can run twice."""

import random

from groepsconsult.finance import demo, demo_funding
from groepsconsult.finance.funding import funding_warnings, sustainability_progress
from groepsconsult.finance.models import Agreement, BudgetLine, FinanceEvent, Grant
from groepsconsult.finance.selectors import business_case
from tests.factories.backbone import make_location, make_organisation


def test_demo_seed_is_idempotent_and_gives_a_business_case(region_a):
    make_location(region_a)
    demo.seed(region=region_a, rng=random.Random(1))
    demo.seed(region=region_a, rng=random.Random(1))
    assert BudgetLine.objects.filter(region=region_a).count() == len(demo.LINES)
    assert Agreement.objects.filter(region=region_a).count() == 2
    assert FinanceEvent.objects.filter(region=region_a).count() > len(demo.LINES)
    year = BudgetLine.objects.filter(region=region_a).first().year
    assert business_case(region=region_a, year=year)["inputs"] > 0


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
