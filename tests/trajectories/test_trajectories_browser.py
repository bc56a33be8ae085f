"""Browser journey: the host ticks someone present at the door; the physician opens the record
and reads the timeline (first session, present, follow-up call due)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from groepsconsult.audit.services import Actor
from groepsconsult.registrations.services import registration_create
from tests.browser_support import (
    assert_no_axe_violations,
    log_in_with_session,
    logged_in_context,
)
from tests.factories.backbone import make_participant, make_region, make_user
from tests.factories.registrations import make_open_consultation

pytestmark = pytest.mark.browser


def test_door_tick_shows_on_the_record_timeline(page, live_app, browser):
    region = make_region(name="Den Haag", slug="den-haag")
    session = make_open_consultation(region)
    person = make_participant(region, given_name="Samira", family_name="Aydin")
    registration_create(
        consultation=session, participant=person, channel="self", by=Actor.system("test")
    )
    log_in_with_session(page, live_app.url, make_user("host", region))
    page.goto(f"{live_app.url}/aanmelden/sessions/{session.public_id}/door/")
    page.get_by_role("button", name="Aanwezig Samira Aydin", exact=False).click()
    page.locator("#door-count .count.present .stat", has_text="1").wait_for()

    context = logged_in_context(browser, live_app.url, make_user("physician", region))
    physician = context.new_page()
    physician.goto(f"{live_app.url}/participants/{person.public_id}/")
    card = physician.locator("section", has=physician.get_by_role("heading", name="Traject"))
    expect(card).to_contain_text("Eerste groepsconsult bijgewoond")
    due = session.starts_at.date() + dt.timedelta(weeks=6)
    expect(card).to_contain_text(f"{due.day} ")
    timeline = card.locator("ol.timeline")
    expect(timeline).to_contain_text("eerste groepsconsult")
    expect(timeline.locator(".badge")).to_contain_text("Aanwezig")
    assert_no_axe_violations(physician)
    context.close()
