"""Equity view and process indicators: a planted group of 3 never leaks, query counts, cast."""

import pytest

from groepsconsult.audit.services import Actor
from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.equity import equity_breakdowns
from groepsconsult.monitoring.process import dropout_reasons, process_context
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.participants.models import ParticipantBackground
from groepsconsult.regions.models import Neighbourhood
from groepsconsult.trajectories import services as trajectory_services
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_user
from tests.factories.handovers import make_handover
from tests.factories.monitoring import plant


def _quintiles(region, **codes):
    for code, quintile in codes.items():
        Neighbourhood.objects.filter(region=region, cbs_code=code).update(ses_quintile=quintile)
    facts_rebuild(region=region)  # a bulk update skips the services' signal: rebuild


@pytest.fixture
def planted(region_a):
    plant(region_a, "BU00000001", 12, seed=1)
    plant(region_a, "BU00000002", 11, seed=2)
    plant(region_a, "BU00000003", 3, seed=3)
    _quintiles(region_a, BU00000001=1, BU00000002=2, BU00000003=3)


def _breakdown(region, key, filters=None):
    _labels, breakdowns = equity_breakdowns(region=region, filters=filters or Filters())
    found = next(b for b in breakdowns if b.key == key)
    return {str(group): [cell for cell, _share in cells] for group, cells in found.rows}, [
        cell for cell, _share in found.totals
    ]


def test_planted_group_of_three_cannot_be_read_or_derived_by_deprivation(region_a, planted):
    rows, totals = _breakdown(region_a, "deprivation")
    attended = 0  # first indicator column: attended the first session
    assert rows["3"][attended].label == "<10"
    # Its complement is hidden too: the total minus the shown groups is 14, not 3.
    assert rows["2"][attended].label == "<10"
    assert rows["1 (laagste status)"][attended].value == 12
    assert totals[attended].value == 26
    hidden = [g for g, cells in rows.items() if cells[attended].suppressed]
    assert {"2", "3"} <= set(hidden)
    for cells in rows.values():  # no cell anywhere shows the 3
        assert all(c.value != 3 for c in cells)


def test_quintiles_no_neighbourhood_has_are_not_rows(region_a, planted):
    rows, _totals = _breakdown(region_a, "deprivation")
    assert set(rows) == {"1 (laagste status)", "2", "3"}


def test_groups_from_the_optional_answers(region_a, planted):
    people = list(Trajectory.objects.filter(baseline_consultation__region=region_a))
    for i, t in enumerate(people[:23]):
        low = i < 12
        ParticipantBackground.objects.create(
            participant=t.participant,
            education="11" if low else "31",
            help_reading="4" if low else "1",
            self_rated_health="2" if low else "declined",
        )
    facts_rebuild(region=region_a)  # written directly, not through the service
    education, totals = _breakdown(region_a, "education")
    assert education["Laag (tot en met mbo-1)"][0].value == 12
    # Three not known: hidden, and the next smallest group with it.
    assert (
        education["Niet bekend"][0].suppressed
        and education["Hoog (hbo of universiteit)"][0].suppressed
    )
    assert totals[0].value == 26
    literacy, _totals = _breakdown(region_a, "literacy")
    assert literacy["Beperkt"][0].value == 12


def test_equity_page_as_funder_shows_suppressed_cells(client_for, planted):
    html = client_for("funder").get("/monitoring/equity/").content.decode()
    assert "&lt;10" in html and "Opleiding" in html and "Gezondheidsvaardigheden" in html


@pytest.mark.parametrize("role", ["host", "professional", "gp_practice"])
def test_equity_page_other_roles_get_403(role, client_for):
    assert client_for(role).get("/monitoring/equity/").status_code == 403


def test_equity_page_anonymous_goes_to_login(client):
    assert client.get("/monitoring/equity/").url.startswith("/account/login")


def test_equity_page_does_not_show_another_region(client_for, region_b):
    plant(region_b, "BU00000009", 12)
    html = client_for("funder").get("/monitoring/equity/").content.decode()
    assert ">12<" not in html


def test_equity_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    client = client_for("funder")
    plant(region_a, "BU00000001", 2)
    with django_assert_max_num_queries(16):  # session, user, six breakdowns, filter form
        client.get("/monitoring/equity/")
    # The differencing guard: the parent's sizes and sex breakdown, and the view's people.
    with django_assert_max_num_queries(26):
        assert client.get("/monitoring/equity/?sex=female").status_code == 200
    plant(region_a, "BU00000002", 15, seed=5)
    with django_assert_max_num_queries(26):
        assert client.get("/monitoring/equity/?sex=female").status_code == 200


def _drop(region, reason, n, seed):
    plant(region, f"BU0000{seed:04d}", n, seed=seed, returned=False)
    user = make_user("coordinator", region)
    by = Actor.for_user(user, role="coordinator", region_slug=region.slug)
    for t in Trajectory.objects.filter(status="follow_up"):
        trajectory_services.trajectory_stop(trajectory=t, reason=reason, by=by)


def test_a_reason_given_by_fewer_than_k_is_not_named(region_a):
    _drop(region_a, "Verhuisd", 12, 21)
    _drop(region_a, "Mantelzorg voor moeder", 3, 22)
    result = dropout_reasons(region=region_a, filters=Filters())
    named = [row[0] for row in result["rows"]]
    assert "Verhuisd" in named and "Mantelzorg voor moeder" not in named
    other = result["rows"][-1]
    assert other[1].label == "<10"
    # The stopped column is complemented, so the total minus "Verhuisd" gives nothing away.
    assert result["totals"][0].value == 15
    assert {r[0]: r[1] for r in result["rows"]}["Verhuisd"].suppressed


def test_handovers_by_state_and_domain_are_suppressed(region_a):
    for _ in range(3):
        make_handover(region_a)
    handovers = process_context(region=region_a, filters=Filters())["handovers"]
    assert all(
        cell.suppressed for _label, cells, _total in handovers["rows"] for cell in cells.values()
    )
    assert handovers["grand"].label == "<10"
