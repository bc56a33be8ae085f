"""Query counts of the daily pages do not grow with the region: measured after a small synthetic
region, then again after ten times more participants (generate_synthetic)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groepsconsult.consultations.models import Consultation
from groepsconsult.demo.synthetic import generate
from groepsconsult.registrations.models import Registration


def pages(region):
    held = Consultation.objects.filter(region=region, status="held").order_by("pk").first()
    visit = Registration.objects.filter(consultation=held, attendance="present").first()
    return {
        "coordinator": [
            "/",
            "/participants/",
            "/consultations/",
            f"/consultations/{held.public_id}/",
            f"/measurements/sessions/{held.public_id}/progress/",
            f"/documents/booklets/{held.public_id}/",
            f"/measurements/entries/{visit.public_id}/",
        ],
        "privacy_officer": ["/access-log/"],
    }


def query_counts(client_for, urls):
    counts = {}
    for role, paths in urls.items():
        client = client_for(role)
        for url in paths:
            client.get(url)  # warm caches (rule set, permissions)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            counts[url] = len(queries)
    return counts


@pytest.mark.django_db
def test_page_query_counts_do_not_grow_with_participants(client_for, region_a):
    generate(participants=40, seed=11, region=region_a)
    urls = pages(region_a)
    small = query_counts(client_for, urls)
    generate(participants=400, seed=12, region=region_a)
    grown = query_counts(client_for, urls)
    # Never more; one fewer is allowed where a panel skips a query once its list has a row
    # (the readiness panel asks "anything planned?" only when no session is unready).
    assert all(grown[url] <= small[url] for url in small), (small, grown)
    assert sum(small.values()) - sum(grown.values()) <= 1, (small, grown)
