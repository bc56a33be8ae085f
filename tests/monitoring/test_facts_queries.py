"""Pre-aggregates: the dashboard, its exports and the equity view cost the same number of
queries with 5 and with 50 people; refusals are left out; hand-over cells count people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.models import TrajectoryFact
from groepsconsult.monitoring.process import handovers_by_state
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_user
from tests.factories.consent import give
from tests.factories.handovers import make_handover
from tests.factories.monitoring import plant

PAGES = [
    ("get", "/monitoring/"),
    ("get", "/monitoring/?sex=female&age_band=40-54&channel=gp_selection"),
    ("get", "/monitoring/equity/"),
    ("get", "/monitoring/equity/?language=nl"),
    ("post", "/monitoring/export/outcomes.csv"),
    ("post", "/monitoring/export/reach.csv"),
]
# The differencing guard (monitoring/disclosure.py) adds a fixed number of queries per filter.
MAX_QUERIES = {"/monitoring/": 40, "/monitoring/equity/": 26, "/monitoring/export/": 12}


def _queries(client, method, url):
    with CaptureQueriesContext(connection) as ctx:
        assert getattr(client, method)(url).status_code == 200
    return len(ctx.captured_queries)


def _limit(url):
    return next(n for prefix, n in sorted(MAX_QUERIES.items(), reverse=True) if prefix in url)


def test_query_counts_are_the_same_with_25_and_with_70_people(
    client_for, region_a, django_assert_max_num_queries
):
    """From 25 people on, no filtered view is refused for giving a small group away (the
    guard's fallback takes fewer queries), so the counts compare like with like."""
    client = client_for("coordinator")
    plant(region_a, "BU00000001", 25)
    for method, url in PAGES:  # warm up: the first request of a session does more
        _queries(client, method, url)
    small = {url: _queries(client, method, url) for method, url in PAGES}
    plant(region_a, "BU00000002", 45, seed=2)
    assert TrajectoryFact.objects.filter(region=region_a).count() == 70
    for method, url in PAGES:
        with django_assert_max_num_queries(_limit(url)):
            assert _queries(client, method, url) == small[url], url


def test_a_refusal_keeps_the_fact_row_but_is_not_counted(client_for, region_a):
    plant(region_a, "BU00000001", 10)
    person = Trajectory.objects.filter(baseline_consultation__region=region_a).first().participant
    give(person, "anonymous_monitoring", make_user("coordinator", region_a), given=False)
    assert TrajectoryFact.objects.filter(participant=person, counted=False).count() == 1
    page = client_for("funder").get("/monitoring/").content.decode()
    assert ">10<" not in page.replace(" ", "")
    text = client_for("coordinator").post("/monitoring/export/outcomes.csv").content.decode()
    assert "ALL,systolic,<10" in text


@pytest.fixture
def people_with_handovers(region_a):
    """Eleven people in scope; each has two requested hand-overs in the social domain."""
    plant(region_a, "BU00000001", 11)
    coordinator = make_user("coordinator", region_a)
    for t in Trajectory.objects.filter(baseline_consultation__region=region_a):
        make_handover(region_a, participant=t.participant, referrer=coordinator)
        make_handover(region_a, participant=t.participant, referrer=coordinator)


def test_hand_over_cells_count_people_not_hand_overs(region_a, people_with_handovers):
    table = handovers_by_state(region=region_a, filters=Filters())
    totals = {str(label): total for label, _cells, total in table["rows"]}
    assert totals["Aangevraagd"].value == 11  # 22 hand-overs, 11 people
    assert table["grand"].value == 11
