"""Shared steps for the Playwright journeys."""

from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import verified_login

PASSWORD = "pw-Unused-12345"  # the password tests.factories.backbone.make_user sets


def log_in(page, base, user, next_path=""):
    """Through the real login page: password, then the authenticator code."""
    page.goto(f"{base}/account/login/" + (f"?next={next_path}" if next_path else ""))
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/account/two-factor/**")
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    page.get_by_label("Code van 6 cijfers").fill(code)
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(f"{base}{next_path or '/'}")


def log_in_with_session(page, base, user):
    """Reuse a two-factor-verified session cookie (the login page has its own journeys)."""
    client = verified_login(Client(), user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


def logged_in_context(browser, base, user, **options):
    """A separate browser context (another tablet) carrying a verified session of `user`."""
    context = browser.new_context(base_url=base, **options)
    client = verified_login(Client(), user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
