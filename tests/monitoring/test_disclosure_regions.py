"""The combined view's differencing guard reads every region at once (issue 12).

`combined_gives_away_small_region` used to build each region's tables with the page functions,
about 14 queries per region. It now reads each source once, grouped by region. The reference
below is that old per-region code, kept here only to show that both take the same decisions
(the same cells hidden in every region's tables and in the combined ones) on the same data.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groepsconsult.accounts.models import Membership
from groepsconsult.monitoring import disclosure
from groepsconsult.monitoring.aggregates import ALL, Filters, reach_by_channel, reach_rows
from groepsconsult.monitoring.equity import equity_breakdowns
from groepsconsult.monitoring.process import person_totals
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.participants.models import Participant
from groepsconsult.regions.models import Neighbourhood
from tests.factories.backbone import make_region
from tests.factories.monitoring import plant

K = 10


# ---- the old per-region code (the reference) ----------------------------------------------


def old_tables(region, filters):
    """Every table of one scope (a region or a list of them), through the page functions."""
    cells = {("hood", *key): c for key, c in disclosure.hood_cells(region, filters).items()}
    channels, totals = reach_by_channel(reach_rows(region=region, filters=filters))
    for label, row in [*channels, (ALL, totals)]:
        cells |= {("channel", str(label), what): c for what, c in row.items()}
    for i, n in enumerate(person_totals(region=region, filters=filters).values()):
        cells["people", i] = disclosure.suppress_count(n)
    for breakdown in equity_breakdowns(region=region, filters=filters)[1]:
        for group, row in breakdown.rows:
            for i, (cell, _share) in enumerate(row):
                cells["equity", breakdown.key, str(group), i] = cell
    return cells


def old_combined_gives_away(regions, filters):
    k = disclosure.threshold()
    per_region = [disclosure._sizes(region, filters) for region in regions]
    for column in zip(*per_region, strict=True):
        if 0 < sum(n for n in column if n < k) < k:
            return True
    own = [old_tables(region, filters) for region in regions]
    shown_zero = disclosure.Cell(0, k)
    return any(
        disclosure._part_gives_away(cell, [t.get(key, shown_zero) for t in own], k)
        for key, cell in old_tables(regions, filters).items()
    )


# ---- data ----------------------------------------------------------------------------------


def _men(region, n):
    pks = list(Participant.objects.filter(region=region).values_list("pk", flat=True)[:n])
    Participant.objects.filter(pk__in=pks).update(sex="male")
    facts_rebuild(region=region)  # a bulk update skips the services' signal


@pytest.fixture
def five(region_a, region_b):
    """Large and small regions: A 25 + 3 (a hidden neighbourhood, men among them), B 30 with a
    neighbourhood of the same CBS code as A's small one, C 4 people (its total hidden), D 12,
    E none at all (its only neighbourhood has a quintile no other region has)."""
    c, d, e = (make_region(name=n, slug=n.lower()) for n in ("Gamma", "Delta", "Epsilon"))
    plant(region_a, "BU00000001", 25, seed=1)
    plant(region_a, "BU00000003", 3, seed=2, returned=False)
    plant(region_b, "BU00000021", 18, seed=3, preferred_language="tr")
    plant(region_b, "BU00000003", 12, seed=4)
    plant(c, "BU00000031", 4, seed=5)
    plant(d, "BU00000041", 12, seed=6, returned=False)
    Neighbourhood.objects.create(region=e, name="Leeg", cbs_code="BU00000051", ses_quintile=5)
    Neighbourhood.objects.filter(cbs_code="BU00000001").update(ses_quintile=1)
    Neighbourhood.objects.filter(cbs_code="BU00000021").update(ses_quintile=2)
    _men(region_a, 3)
    _men(region_b, 11)
    return [region_a, region_b, c, d, e]


FILTERS = [
    Filters(),
    Filters(sex="female"),
    Filters(language="tr"),
    Filters(channel="gp_selection"),
    Filters(age_min=40, age_max=69),
]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_every_regions_tables_match_the_old_per_region_code(five, filters):
    sizes, own, combined = disclosure._region_tables(five, filters)
    for region in five:
        assert sizes[region.pk] == disclosure._sizes(region, filters), region
        assert own[region.pk] == old_tables(region, filters), region
    assert combined == old_tables(five, filters)
    assert any(cell.suppressed for table in own.values() for cell in table.values())


@pytest.mark.parametrize(
    ("picked", "expected"),
    [
        ([0, 1], True),  # A's hidden BU00000003 (3) is shown combined with B's 12
        ([1, 3], None),
        ([1, 2], True),  # C's hidden total of 4 is the only small part
        ([1, 2, 3], True),
        ([2, 3, 4], True),
        ([0, 1, 2, 3, 4], True),
    ],
)
def test_the_decision_is_the_old_codes(five, picked, expected):
    regions = [five[i] for i in picked]
    for filters in FILTERS[:2]:
        old = old_combined_gives_away(regions, filters)
        assert disclosure.combined_gives_away_small_region(regions=regions, filters=filters) == old
    assert expected is None or old_combined_gives_away(regions, Filters()) is expected


def test_regions_without_a_small_group_are_shown_combined_as_before(uniform):
    for filters in FILTERS:
        assert old_combined_gives_away(uniform, filters) is False
        assert (
            disclosure.combined_gives_away_small_region(regions=uniform, filters=filters) is False
        )


def _combined_queries(client, path):
    client.get(path)  # the first request of a login saves its session: not the page's own
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.fixture
def uniform(region_a, region_b):
    """Five regions of 15 people each: nothing small, so the regions are shown combined."""
    regions = [region_a, region_b, *(make_region() for _ in range(3))]
    for i, region in enumerate(regions):
        plant(region, f"BU0000010{i}", 15, seed=i)
    return regions


PATHS = ["/monitoring/?combined=1", "/monitoring/equity/?combined=1", "/maps/?combined=1"]


@pytest.mark.parametrize("data", ["uniform", "five"])
@pytest.mark.parametrize("path", PATHS)
def test_combined_query_count_does_not_grow_with_the_regions(client_for, request, data, path):
    """The same count for a funder in 2 regions as in 5, whether the regions are shown
    combined (uniform) or the guard falls back to the active region (five)."""
    regions = request.getfixturevalue(data)
    client = client_for("funder")
    Membership.objects.create(user=client.user, region=regions[1], role="funder")
    two = _combined_queries(client, path)
    for region in regions[2:]:
        Membership.objects.create(user=client.user, region=region, role="funder")
    assert _combined_queries(client, path) == two
    fallback = "deze regio wordt alleen getoond" in client.get(path).content.decode()
    assert fallback == (data == "five")


def test_combined_dashboard_query_count_is_pinned(
    client_for, uniform, django_assert_max_num_queries
):
    client = client_for("funder")
    for region in uniform[1:]:
        Membership.objects.create(user=client.user, region=region, role="funder")
    with django_assert_max_num_queries(40):
        assert client.get("/monitoring/?combined=1").status_code == 200


def test_the_combined_page_reuses_the_guards_per_region_reads(client_for, uniform):
    """The guard reads every region's reach, pairs and people grouped by region; the combined
    page it shows adds those rows up instead of asking the database again (monitoring/memo.py).
    Each of the three GROUP BYs runs once per request, and the page shows the regions combined."""
    client = client_for("funder")
    for region in uniform[1:]:
        Membership.objects.create(user=client.user, region=region, role="funder")
    path = "/monitoring/?combined=1"
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    sql = [q["sql"] for q in queries.captured_queries]
    reach = [s for s in sql if 'FROM "monitoring_sessionfact"' in s and '"channel"' in s]
    pairs = [s for s in sql if 'FROM "monitoring_factrollup"' in s and "systolic_sum_base" in s]
    people = [s for s in sql if 'FROM "monitoring_factrollup"' in s and '"t_call_due"' in s]
    assert (len(reach), len(pairs), len(people)) == (1, 1, 1)
    assert "deze regio wordt alleen getoond" not in html
    assert "75" in html  # five regions of 15 people, combined
