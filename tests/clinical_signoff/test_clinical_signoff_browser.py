"""Browser journey: the responsible physician reviews the rule set and approves it; a booklet of
the region then loses its "draft thresholds" line."""

import pytest
from playwright.sync_api import expect

from groepsconsult.clinical_signoff.models import RulesetApproval
from tests.browser_support import assert_no_axe_violations, log_in
from tests.factories.backbone import make_consultation, make_participant, make_region, make_user
from tests.factories.documents import make_registration, measure_all

pytestmark = pytest.mark.browser

DRAFT = "Concept-grenswaarden, nog niet goedgekeurd"


def test_physician_reviews_and_approves_the_rule_set(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    registration = make_registration(make_consultation(region), make_participant(region))
    measure_all(registration)
    physician = make_user("physician", region)
    base = live_app.url
    log_in(page, base, physician)

    page.goto(f"{base}/documents/booklet/{registration.public_id}/")
    expect(page.get_by_text(DRAFT)).to_be_visible()

    page.get_by_role("link", name="Klinische regelset").click()
    expect(page.get_by_text("Voorstel, nog niet goedgekeurd").first).to_be_visible()
    expect(page.get_by_text("Niet geverifieerd: nog te bevestigen").first).to_be_visible()
    assert_no_axe_violations(page)

    # Without the confirmation box nothing is approved.
    page.get_by_role("button", name="goedkeuren").click()
    expect(page.get_by_text("Vink het vakje aan").first).to_be_visible()
    assert not RulesetApproval.objects.exists()

    page.get_by_label("Ik heb elke regel").check()
    page.get_by_role("button", name="goedkeuren").click()
    page.get_by_text("De regelset is goedgekeurd voor uw regio.").wait_for()
    expect(page.get_by_text("Goedgekeurd door").first).to_be_visible()
    assert RulesetApproval.objects.get().approved_by == physician

    page.goto(f"{base}/documents/booklet/{registration.public_id}/")
    assert page.get_by_text(DRAFT).count() == 0
