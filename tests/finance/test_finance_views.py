"""Money pages: the cast, forms with validation and history, reminders, fixed query counts."""

import datetime as dt

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.finance.models import Assumption, BudgetLine, FinanceEvent
from tests.factories.finance import make_agreement, make_budget_line, seed_assumptions

LISTS = ["/finance/", "/finance/budget/", "/finance/assumptions/", "/finance/agreements/"]


@pytest.fixture
def seeded(region_a):
    seed_assumptions(region_a)
    return region_a


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("role", ["coordinator", "funder", "administrator"])
def test_coordinator_and_funder_see_the_money_pages(path, role, client_for, seeded):
    assert client_for(role).get(path).status_code == 200


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("role", ["host", "physician", "researcher", "gp_practice"])
def test_other_roles_get_403(path, role, client_for, seeded):
    assert client_for(role).get(path).status_code == 403


@pytest.mark.parametrize("path", LISTS)
def test_anonymous_is_sent_to_login(path, client):
    assert client.get(path).url.startswith("/account/login")


def test_funder_may_edit_assumptions_but_not_the_budget(client_for, seeded):
    funder = client_for("funder")
    item = Assumption.objects.get(region=seeded, key="gli_rate")
    assert funder.get(f"/finance/assumptions/{item.public_id}/").status_code == 200
    assert funder.get("/finance/budget/new/").status_code == 403
    assert funder.get("/finance/agreements/new/").status_code == 403


def test_another_regions_records_are_404(client_for, region_b):
    seed_assumptions(region_b)
    line, agreement = make_budget_line(region_b), make_agreement(region_b)
    item = Assumption.objects.filter(region=region_b).first()
    client = client_for("coordinator")
    for path in (
        f"/finance/budget/{line.public_id}/",
        f"/finance/agreements/{agreement.public_id}/",
        f"/finance/assumptions/{item.public_id}/",
    ):
        assert client.get(path).status_code == 404


def test_add_an_in_kind_line_valued_at_a_sourced_rate(client_for, seeded):
    gli = Assumption.objects.get(region=seeded, key="gli_rate")
    response = client_for("coordinator").post(
        "/finance/budget/new/",
        {
            "year": 2026,
            "party": "other",
            "kind": "running",
            "category": "professionals",
            "description": "Leefstijlcoach in natura",
            "hours": "12",
            "rate": gli.pk,
        },
    )
    assert response.status_code == 302
    line = BudgetLine.objects.get(region=seeded)
    assert line.hours == 12 and line.amount is None
    assert FinanceEvent.objects.filter(subject_id=line.public_id).count() == 1
    assert AccessEvent.objects.filter(subject_type="budgetline", action="create").exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"amount": "100", "hours": "3"}, "niet allebei"),
        ({}, "Vul een bedrag in"),
        ({"amount": "-5"}, "minstens 0"),
        ({"hours": "3"}, "Kies het uurtarief"),
    ],
)
def test_bad_budget_input_is_explained_on_the_form(data, message, client_for, seeded):
    base = {
        "year": 2026,
        "party": "insurer",
        "kind": "running",
        "category": "other",
        "description": "x",
    }
    response = client_for("coordinator").post("/finance/budget/new/", {**base, **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BudgetLine.objects.exists()


def test_assumption_edit_keeps_the_old_value_in_the_history(client_for, seeded):
    item = Assumption.objects.get(region=seeded, key="gli_rate")
    client = client_for("funder")
    data = {
        "label": item.label,
        "low": "",
        "base": "60.00",
        "high": "112",
        "unit": "EUR/h",
        "price_year": "2025",
        "source": "Contract 2025",
        "certainty": "P",
    }
    assert client.post(f"/finance/assumptions/{item.public_id}/", data).status_code == 302
    html = client.get(f"/finance/assumptions/{item.public_id}/").content.decode()
    assert "58.23 → 60" in html


def test_assumption_low_above_base_is_refused(client_for, seeded):
    item = Assumption.objects.get(region=seeded, key="gli_rate")
    data = {
        "label": "x",
        "low": "70",
        "base": "60",
        "high": "",
        "unit": "EUR/h",
        "source": "s",
        "certainty": "P",
    }
    response = client_for("coordinator").post(f"/finance/assumptions/{item.public_id}/", data)
    assert response.status_code == 200
    assert Assumption.objects.get(pk=item.pk).base != 60


def test_agreements_due_for_review_are_flagged(client_for, region_a):
    make_agreement(region_a, title="Bijna toe aan evaluatie")
    make_agreement(region_a, title="Later", review_on=dt.date.today() + dt.timedelta(days=300))
    html = client_for("coordinator").get("/finance/").content.decode()
    assert "Bijna toe aan evaluatie" in html and "Later" not in html


def test_overview_query_count_does_not_grow_with_lines(
    client_for, seeded, django_assert_max_num_queries
):
    client = client_for("coordinator")
    make_budget_line(seeded)
    # 12 before the actual session costs (sessions, roster, cost lines, preparations, completed
    # trajectories: one query each), plus one each for the grant, deadline and contact warnings.
    with django_assert_max_num_queries(19):
        client.get("/finance/")
    for _ in range(20):
        make_budget_line(seeded, neighbourhood=None)
        make_agreement(seeded)
    with django_assert_max_num_queries(19):
        assert client.get("/finance/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/finance/budget/").status_code == 200


def test_a_get_writes_nothing(client_for, seeded):
    client = client_for("coordinator")
    before = (FinanceEvent.objects.count(), AccessEvent.objects.count())
    for path in LISTS:
        client.get(path)
    assert (FinanceEvent.objects.count(), AccessEvent.objects.count()) == before


@pytest.mark.parametrize("path", ["/finance/assumptions/", "/finance/agreements/"])
def test_list_query_counts_are_fixed(path, client_for, seeded, django_assert_max_num_queries):
    client = client_for("coordinator")
    for _ in range(15):
        make_agreement(seeded)
    with django_assert_max_num_queries(10):
        assert client.get(path).status_code == 200


def test_home_dashboard_lists_agreements_due_for_review(client_for, region_a):
    make_agreement(region_a, title="Afspraken POH-inzet")
    assert "Afspraken POH-inzet" in client_for("coordinator").get("/").content.decode()
    assert "Afspraken POH-inzet" not in client_for("host").get("/").content.decode()
