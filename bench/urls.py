"""The project's URLs plus the two yardsticks the benchmarks divide by (bench/run.py only)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from groepsconsult.urls import urlpatterns as project_urlpatterns


def empty(request):
    return HttpResponse("ok")


@login_required
def base_page(request):
    """The logged-in base page: the header, menu and region switch with no work of its own."""
    return render(request, "base.html", {})


urlpatterns = [
    path("__bench__/empty/", empty, name="bench-empty"),
    path("__bench__/base/", base_page, name="bench-base"),
    *project_urlpatterns,
]
