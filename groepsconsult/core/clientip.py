"""The real client address behind a known number of reverse proxies.

`REMOTE_ADDR` is the proxy's address when the app runs behind nginx: the access log, the lockout
of wrong passwords and the sign-up rate limit would then treat every visitor as one. Each trusted
proxy appends the address it received the request from to `X-Forwarded-For`, so with N trusted
proxies the client is the N-th entry from the right. Entries further left are written by the
client itself and are never trusted. `GC_TRUSTED_PROXY_COUNT` (default 0) says how many proxies
stand in front of the app; with 0 the header is ignored entirely (a client could forge it).
"""

from ipaddress import ip_address

from django.conf import settings


def _valid(value: str) -> str | None:
    try:
        return str(ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "GC_TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if len(hops) < count:
        return remote
    return _valid(hops[-count]) or remote
