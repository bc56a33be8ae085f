"""The equity tables fit a 1366 px laptop screen: the page never scrolls sideways; a wide table
scrolls inside its own labelled, focusable region."""

import pytest

from tests.browser_support import assert_no_axe_violations, log_in_with_session
from tests.factories.backbone import make_region, make_user
from tests.factories.monitoring import plant

pytestmark = pytest.mark.browser

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const cut = [...document.querySelectorAll('main table')].filter(table => {
    const box = table.closest('.table-wrap[role=region]');
    if (!box || box.getBoundingClientRect().right > width) return true;
    box.scrollLeft = box.scrollWidth;  // the last column can be scrolled into view
    const last = table.querySelector('thead th:last-child').getBoundingClientRect();
    return last.right > box.getBoundingClientRect().right + 1;
  }).length;
  return {page: document.documentElement.scrollWidth - width, cut: cut};
}"""


def test_equity_tables_do_not_widen_the_page_at_1366(page, live_app):
    page.set_default_timeout(90_000)
    page.set_viewport_size({"width": 1366, "height": 768})
    region = make_region(name="Den Haag", slug="den-haag")
    plant(region, "BU05183800", 12, seed=1)
    log_in_with_session(page, live_app.url, make_user("funder", region))
    page.goto(f"{live_app.url}/monitoring/equity/")
    measured = page.evaluate(OVERFLOW)
    assert measured == {"page": 0, "cut": 0}, measured
    regions = page.locator("main .table-wrap")
    assert regions.count() == page.locator("main table").count() > 0
    for i in range(regions.count()):
        box = regions.nth(i)
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        assert box.get_attribute("aria-labelledby") and box.get_attribute("style") is None
    assert_no_axe_violations(page)
