"""Health check, favicon and the component gallery.

Who may use them: the gallery needs a verified login; /healthz and the favicon are public (no data).
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache

from groepsconsult.core.access import public


@public
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers ask /favicon.ico on every site, whatever the page's <link rel=icon> says."""
    return redirect(static("img/favicon.svg"), permanent=True)


@public
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
