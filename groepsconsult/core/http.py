"""Small helpers shared by views: htmx-aware rendering, pagination and safe redirects."""

import uuid

from django.http import Http404
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from groepsconsult.core.pagination import CappedPaginator

PAGE_SIZE = 25


def render_page(request, template, context, *, partial=None):
    """Render the full page, or only `partial` when htmx asks for a fragment."""
    if partial and getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, partial, context)
    return render(request, template, context)


def paginate(request, queryset, *, per_page=PAGE_SIZE):
    """One capped COUNT plus one page query, whatever the table size."""
    return CappedPaginator(queryset, per_page).get_page(request.GET.get("page"))


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def query_without_page(request):
    """The current filters as a query string, for pagination links that keep them."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def uuid_or_none(value):
    """A filter value from the query string as a UUID, or None when it is not one (never a 500)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def uuid_or_404(value):
    """A posted public_id as a UUID; anything else is "not found", never a 500."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def form_add_validation_error(form, exc):
    """Put a service's ValidationError on the form: per field where the form has that field,
    else at the top, so the user sees it next to what they typed."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)
