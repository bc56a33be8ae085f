"""The main menu marks exactly one item as the current page: the longest matching prefix."""

import pytest

from groepsconsult.core.navigation import nav_items_for
from tests.factories.backbone import make_user


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/measurements/", "/measurements/"),
        ("/measurements/earlier/", "/measurements/earlier/"),
        ("/measurements/earlier/check/", "/measurements/earlier/"),
        ("/measurements/entries/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/", "/measurements/"),
    ],
)
def test_stations_and_earlier_results_are_never_both_current(region_a, path, current):
    membership = make_user("coordinator", region_a).memberships.get()
    items = nav_items_for(membership, path)
    urls = [url for _label, url, _group, _current in items]
    assert {"/measurements/", "/measurements/earlier/"} <= set(urls)
    assert [url for _label, url, _group, is_current in items if is_current] == [current]
