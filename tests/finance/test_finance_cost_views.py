"""Session cost pages: the cast, adding a cost line and preparation hours, fixed query counts."""

import pytest

from groepsconsult.finance.models import Assumption, CostLine, FinanceEvent, SessionPreparation
from tests.factories.backbone import make_consultation
from tests.factories.finance import seed_assumptions
from tests.finance.test_finance_costs import PAST, cost_line, planted_session


@pytest.fixture
def session(region_a):
    seed_assumptions(region_a)
    return planted_session(region_a)


def pages(session):
    pid = session.public_id
    return ["/finance/consultations/", f"/finance/consultations/{pid}/"]


@pytest.mark.parametrize("role", ["coordinator", "funder", "administrator"])
def test_money_roles_see_the_session_costs(role, client_for, session):
    for path in pages(session):
        response = client_for(role).get(path)
        assert response.status_code == 200
    assert "659,38" in response.content.decode()  # the planted total, Dutch format


@pytest.mark.parametrize("role", ["host", "physician", "researcher", "gp_practice"])
def test_other_roles_get_403(role, client_for, session):
    for path in pages(session):
        assert client_for(role).get(path).status_code == 403


def test_anonymous_is_sent_to_login(client, session):
    for path in pages(session):
        assert client.get(path).url.startswith("/account/login")


def test_another_regions_session_and_lines_are_404(client_for, region_b):
    seed_assumptions(region_b)
    other = planted_session(region_b)
    line = CostLine.objects.filter(consultation=other).first()
    client = client_for("coordinator")
    for path in (
        f"/finance/consultations/{other.public_id}/",
        f"/finance/consultations/{other.public_id}/costs/new/",
        f"/finance/consultations/{other.public_id}/preparation/",
        f"/finance/costs/{line.public_id}/",
    ):
        assert client.get(path).status_code == 404


def test_funder_reads_but_cannot_enter_costs(client_for, session):
    funder = client_for("funder")
    assert funder.get(f"/finance/consultations/{session.public_id}/costs/new/").status_code == 403
    body = funder.get(f"/finance/consultations/{session.public_id}/").content.decode()
    assert "/costs/new/" not in body


def test_coordinator_adds_an_in_kind_room(client_for, session):
    response = client_for("coordinator").post(
        f"/finance/consultations/{session.public_id}/costs/new/",
        {
            "category": "location",
            "party": "municipality",
            "in_kind": "on",
            "description": "Buurthuis in natura",
            "amount": "75",
        },
    )
    assert response.status_code == 302
    assert response.url == f"/finance/consultations/{session.public_id}/"
    line = CostLine.objects.get(description="Buurthuis in natura")
    assert line.in_kind and line.consultation == session
    assert FinanceEvent.objects.filter(subject_id=line.public_id).exists()


def test_amount_and_hours_together_is_refused_at_the_form(client_for, session):
    gli = Assumption.objects.get(region=session.region, key="gli_rate")
    response = client_for("coordinator").post(
        f"/finance/consultations/{session.public_id}/costs/new/",
        {
            "category": "coordination",
            "party": "municipality",
            "description": "Coördinatie",
            "amount": "10",
            "hours": "2",
            "rate": gli.pk,
        },
    )
    assert response.status_code == 200
    assert "niet allebei" in response.content.decode()
    assert not CostLine.objects.filter(description="Coördinatie").exists()


def test_coordinator_sets_the_preparation_hours_of_a_session(client_for, region_a):
    seed_assumptions(region_a)
    session = make_consultation(region_a, starts_at=PAST)
    url = f"/finance/consultations/{session.public_id}/preparation/"
    client = client_for("coordinator")
    assert client.post(url, {"hours": "-1"}).status_code == 200  # refused at the field
    assert client.post(url, {"hours": "1.5"}).status_code == 302
    assert client.post(url, {"hours": "1"}).status_code == 302  # edits the same row
    assert SessionPreparation.objects.get(consultation=session).hours == 1


def test_a_get_writes_nothing(client_for, session):
    before = (CostLine.objects.count(), SessionPreparation.objects.count())
    client_for("coordinator").get(f"/finance/consultations/{session.public_id}/preparation/")
    assert (CostLine.objects.count(), SessionPreparation.objects.count()) == before


def test_list_query_count_does_not_grow_with_sessions(
    client_for, session, django_assert_max_num_queries
):
    client = client_for("coordinator")
    client.get("/finance/consultations/")  # warm the session and the membership cache
    with django_assert_max_num_queries(24) as few:
        assert client.get("/finance/consultations/?year=2026").status_code == 200
    for _ in range(4):
        extra = planted_session(session.region)
        cost_line(extra, category="materials", amount=5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/finance/consultations/?year=2026").status_code == 200


def test_detail_and_overview_query_counts_do_not_grow(
    client_for, session, django_assert_max_num_queries
):
    client = client_for("coordinator")
    detail = f"/finance/consultations/{session.public_id}/"
    client.get(detail)
    with django_assert_max_num_queries(30) as few_detail:
        client.get(detail)
    with django_assert_max_num_queries(40) as few_overview:
        client.get("/finance/?year=2026")
    for _ in range(3):
        cost_line(session, category="materials", amount=5)
        planted_session(session.region)
    with django_assert_max_num_queries(len(few_detail.captured_queries)):
        client.get(detail)
    with django_assert_max_num_queries(len(few_overview.captured_queries)):
        client.get("/finance/?year=2026")
