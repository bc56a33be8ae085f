"""Every role's landing page ("Vandaag") at phone, tablet and desktop size: axe finds nothing and
nothing sticks out sideways. Screenshots go to var/screenshots/ (not in git) for a person to
look at before a layout change is called done.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from groepsconsult.accounts.permissions import Role
from groepsconsult.regions.models import Organisation
from tests.browser_support import assert_no_axe_violations, logged_in_context
from tests.factories.backbone import make_consultation, make_organisation, make_region, make_user
from tests.factories.measurements import make_station_registration

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "tablet": (820, 1180), "desktop": (1366, 900)}
SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def _user(role, region):
    if role == Role.GP_PRACTICE:
        practice = make_organisation(region, kind=Organisation.Kind.GP_PRACTICE)
        return make_user(role, region, organisation=practice)
    return make_user(role, region)


def test_each_landing_page_at_three_widths(browser, live_app):
    SHOTS.mkdir(parents=True, exist_ok=True)
    region = make_region(name="Den Haag", slug="den-haag")
    starts = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    consultation = make_consultation(
        region, title="Groepsconsult Transvaal", starts_at=starts, status="open"
    )
    make_station_registration(consultation, day_number=1)
    for role in Role:
        context = logged_in_context(browser, live_app.url, _user(role, region))
        page = context.new_page()
        page.set_default_navigation_timeout(120_000)  # two cores shared with other test runs
        page.goto("/")
        expect(page.locator("h1")).to_be_visible()
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            page.screenshot(path=str(SHOTS / f"landing-{role.value}-{size}.png"), full_page=True)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{role.value} at {size}: {overflow}px sticks out sideways"
            assert_no_axe_violations(page)
        context.close()
