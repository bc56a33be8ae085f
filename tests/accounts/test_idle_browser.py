"""An abandoned door tablet: polling does not keep it logged in, and after the idle timeout the
page itself goes to the login (no names stay on screen)."""

import time

import pytest
from django.contrib.sessions.backends.db import SessionStore

from groepsconsult.accounts.middleware import LAST_ACTIVITY_KEY
from tests.browser_support import log_in_with_session
from tests.factories.backbone import make_consultation, make_region, make_user

pytestmark = pytest.mark.browser


def test_polling_tablet_is_sent_to_the_login_after_the_idle_timeout(page, live_app, settings):
    region = make_region(name="Den Haag", slug="den-haag")
    consultation = make_consultation(region)
    log_in_with_session(page, live_app.url, make_user("host", region))
    page.goto(f"{live_app.url}/aanmelden/sessions/{consultation.public_id}/door/")
    # One poll (every 10 s) while the session is fresh: marked as polling, page stays.
    with page.expect_request(lambda r: "/door/count/" in r.url, timeout=15_000) as poll:
        pass
    assert poll.value.headers.get("x-polling") == "true"
    assert page.url.endswith("/door/")

    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=key)
    session[LAST_ACTIVITY_KEY] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 1
    session.save()
    page.wait_for_url("**/account/login/**", timeout=15_000)
