"""The paginator's count stops at its cap, so a long list costs the same as a short one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from groepsconsult.core.pagination import CappedPaginator
from groepsconsult.participants.models import Participant
from tests.factories.backbone import make_participant


class SmallCap(CappedPaginator):
    cap = 5


def test_count_is_exact_below_the_cap(region_a):
    for _ in range(4):
        make_participant(region_a)
    paginator = SmallCap(Participant.objects.all(), 2)
    assert paginator.count == 4 and not paginator.capped and paginator.num_pages == 2


def test_count_stops_at_the_cap_with_a_limited_subquery(region_a):
    for _ in range(8):
        make_participant(region_a)
    paginator = SmallCap(Participant.objects.all(), 2)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 6 and paginator.capped
    assert "LIMIT 6" in queries[0]["sql"].upper()
    page = paginator.get_page(99)  # beyond the cap: the last counted page
    assert page.number == 3 and len(page) == 2


def test_participant_list_says_more_than_the_cap(client_for, region_a, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    for _ in range(5):
        make_participant(region_a)
    page = client_for("coordinator").get("/participants/?page=1").content.decode()
    assert "Meer dan 3 items" not in page  # 5 rows fit on one page: no pagination at all
    monkeypatch.setattr("groepsconsult.participants.selectors.PAGE_SIZE", 2)
    page = client_for("coordinator").get("/participants/?page=2").content.decode()
    assert "Meer dan 3 items: zoek of filter om de rest te zien." in page
    assert "Pagina 2" in page and "Pagina 2 van" not in page


def test_the_count_leaves_out_per_row_annotations(region_a):
    """A list annotated with correlated counts (the sessions list) counts its keys only."""
    from groepsconsult.consultations.selectors import consultation_list_for_region
    from tests.factories.backbone import make_consultation

    for _ in range(3):
        make_consultation(region_a)
    paginator = SmallCap(consultation_list_for_region(region=region_a), 2)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 3
    sql = queries[0]["sql"].upper()
    assert "COUNT(*)" in sql and sql.count("SELECT") == 2  # the count and its keys, no more
    assert [c.registered_count for c in paginator.page(1)] == [0, 0]
