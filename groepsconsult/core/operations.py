"""What operators see: one log line per request, Prometheus metrics, and the 503 page.

Who may use them: `/metrics` answers only to the addresses in METRICS_ALLOWED_IPS (loopback by
default; scrape it from the host or a sidecar, never through the public proxy). The request log
carries the route name, status and duration, never paths with query strings, names or values.
"""

import logging
import sys
import time

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseNotFound
from django.shortcuts import render
from django_prometheus.exports import ExportToDjangoView

from groepsconsult.core.access import public

request_log = logging.getLogger("groepsconsult.request")


class RequestLogMiddleware:
    """Logs method, route name, status, duration and user id: enough to operate, nothing personal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        fields = {
            "method": request.method,
            "route": match.view_name if match else None,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "user_id": user.pk if user is not None and user.is_authenticated else None,
        }
        request_log.info("%(method)s %(route)s %(status)s %(duration_ms)sms", fields, extra=fields)
        return response


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


@public
def metrics(request):
    """Prometheus exposition, for the operator's scraper on the host only."""
    if client_address(request) not in settings.METRICS_ALLOWED_IPS:
        return HttpResponseNotFound()
    return ExportToDjangoView(request)


def server_error(request):
    """500 handler: a lost database is a temporary outage (503, "try again"), not a bug page."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DatabaseError):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "30"
        return response
    return render(request, "500.html", status=500)
