"""Add people to a region, change their role, switch them off, reset their authenticator.

Every change is written to the access log in the same transaction.
"""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from groepsconsult.accounts.models import Membership
from groepsconsult.accounts.services import enrolment_link_send, user_one_time_password_set
from groepsconsult.audit.services import Actor, access_log_write

PURPOSE = "user administration"


def _log(by, membership, detail):
    access_log_write(
        by=by,
        action="change",
        subject_type="membership",
        subject_ids=[membership.pk],
        purpose=PURPOSE,
        detail=detail,
    )


def member_add(*, region, username, first_name, last_name, email, role, organisation, by: Actor):
    """A new user with a one-time password (shown once, expires) and an e-mailed link with
    which they set up their own authenticator; they choose their own password at first login.

    Returns (membership, password). An existing user (see team.policies) only gets a membership.
    """
    User = get_user_model()
    password = None
    with transaction.atomic():
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User(username=username, first_name=first_name, last_name=last_name, email=email)
            user_one_time_password_set(user=user, password=password)
            user.full_clean()
            user.save()
            enrolment_link_send(user=user)
        membership = Membership(user=user, region=region, role=role, organisation=organisation)
        membership.full_clean()
        membership.save()
        _log(by, membership, f"added as {role}")
    return membership, password


def member_update(*, membership: Membership, by: Actor) -> Membership:
    membership.full_clean()
    with transaction.atomic():
        membership.save()
        _log(by, membership, f"role {membership.role}, active {membership.is_active}")
    return membership


def member_reset_two_factor(*, membership: Membership, by: Actor) -> bool:
    """Lost phone: remove the authenticator and e-mail the user a link to enrol a new one.

    Returns False when the user has no e-mail address (they cannot enrol until they get one).
    """
    with transaction.atomic():
        TOTPDevice.objects.filter(user=membership.user).delete()
        _log(by, membership, "two-factor reset")
        return enrolment_link_send(user=membership.user)
