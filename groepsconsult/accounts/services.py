"""Account writes: two-factor enrolment.

accounts sits below audit in the app layering, so it does not write the access log itself.
"""

from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device_pending_get_or_create(*, user) -> TOTPDevice:
    """The unconfirmed device shown as a QR code until the user proves they scanned it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def totp_verify(*, request, user, token: str) -> bool:
    """Check a code against the user's confirmed device, or confirm a pending one (enrolment)."""
    token = "".join(ch for ch in token if ch.isdigit())
    for confirmed in (True, False):
        for device in TOTPDevice.objects.filter(user=user, confirmed=confirmed):
            if device.verify_token(token):
                with transaction.atomic():
                    if not confirmed:
                        device.confirmed = True
                        device.save(update_fields=["confirmed"])
                        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                otp_login(request, device)
                # A new session key once verified: a key seen before the second factor (a
                # fixation attempt, a shoulder-surfed cookie) is worth nothing afterwards.
                request.session.cycle_key()
                return True
    return False


def user_has_confirmed_device(*, user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
