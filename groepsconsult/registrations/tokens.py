"""The cancel link in a sign-up confirmation: an opaque, signed token naming one registration.

Signed with SECRET_KEY (django.core.signing), so nobody can make one for someone else's place;
no extra column is needed. The link stops working once the place is cancelled or the person
was ticked present (registrations.policies.can_cancel_registration).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

_SALT = "registrations.public-cancel"


def cancel_token(registration) -> str:
    return signing.dumps(str(registration.public_id), salt=_SALT)


def registration_id_from_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None


def cancel_url(registration) -> str:
    path = reverse("registrations:public-cancel", args=[cancel_token(registration)])
    return settings.SITE_URL.rstrip("/") + path
