import datetime as dt

from django.conf import settings
from django.core import signing

from groepsconsult.accounts.models import Membership


def membership_list_for_user(*, user):
    return (
        Membership.objects.filter(user=user, is_active=True, region__is_active=True)
        .select_related("region", "organisation")
        .order_by("region__name")
    )


def membership_active_for_user(*, user, region_id):
    """The membership the user works in now: the one chosen in the session, else the first."""
    memberships = list(membership_list_for_user(user=user))
    for membership in memberships:
        if membership.region_id == region_id:
            return membership, memberships
    return (memberships[0] if memberships else None), memberships


ENROLMENT_SALT = "groepsconsult.accounts.enrolment"


def enrolment_token_user_id(*, token: str) -> int | None:
    """The user an enrolment link was sent to, or None when it is forged or too old."""
    try:
        value = signing.TimestampSigner(salt=ENROLMENT_SALT).unsign(
            token, max_age=dt.timedelta(hours=settings.GC_ENROLMENT_LINK_HOURS)
        )
        return int(value)
    except (signing.BadSignature, ValueError):
        return None
