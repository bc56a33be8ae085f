"""Dashboard, health check and the component gallery.

Who may use them: dashboard and gallery need a logged-in user; /healthz is public (no data).
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not healthy", with the reason
        return JsonResponse(
            {"status": "error", "database": "error", "reason": exc.__class__.__name__}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def components(request):
    sample = Paginator(list(range(1, 61)), 10).get_page(2)
    return render(request, "core/components.html", {"page": sample})
