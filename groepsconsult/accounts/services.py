"""Account writes: two-factor enrolment, one-time passwords, the enrolment e-mail.

accounts sits below audit in the app layering, so it does not write the access log itself.
"""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from groepsconsult.accounts.models import User
from groepsconsult.accounts.selectors import ENROLMENT_SALT


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


def user_one_time_password_set(*, user: User, password: str) -> None:
    """An administrator's password for the user: it expires, and it must be changed at once."""
    user.set_password(password)
    user.one_time_password_expires_at = timezone.now() + dt.timedelta(
        hours=settings.GC_ONE_TIME_PASSWORD_HOURS
    )


def user_password_chosen(*, user: User) -> None:
    """The user set their own password (change or reset by e-mail): no longer a one-time one."""
    if user.one_time_password_expires_at is not None:
        user.one_time_password_expires_at = None
        User.objects.filter(pk=user.pk).update(one_time_password_expires_at=None)


def enrolment_link_send(*, user: User) -> bool:
    """E-mail the user a link to set up their own authenticator (after the transaction commits).

    Only the owner of the mailbox can enrol a phone, so an administrator who knows the one-time
    password cannot enrol their own. Returns False when the user has no e-mail address.
    """
    if not user.email:
        return False
    token = signing.TimestampSigner(salt=ENROLMENT_SALT).sign(str(user.pk))
    context = {
        "user": user,
        "url": settings.SITE_URL.rstrip("/") + reverse("accounts:enrol", args=[token]),
        "hours": settings.GC_ENROLMENT_LINK_HOURS,
    }
    with translation.override(user.preferred_language):
        subject = _("Set up your two-step login for Groepsconsult")
        body = render_to_string("accounts/enrolment_email.txt", context)
    address = user.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [address]))
    return True
