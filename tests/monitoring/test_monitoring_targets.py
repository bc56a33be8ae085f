"""Targets: the coordinator sets them, the dashboard shows progress, small counts stay hidden."""

import re

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.monitoring.models import Target
from groepsconsult.monitoring.targets import target_progress
from tests.factories.monitoring import BASELINE, plant


def add(region, indicator, value, year=BASELINE.year):
    return Target.objects.create(region=region, year=year, indicator=indicator, value=value)


def test_coordinator_adds_a_target_and_it_is_audited(client_for, region_a):
    client = client_for("coordinator")
    assert client.get("/monitoring/targets/").status_code == 200
    response = client.post(
        "/monitoring/targets/", {"year": 2026, "indicator": "sessions", "value": "40"}
    )
    assert response.status_code == 302
    target = Target.objects.get(region=region_a)
    assert target.value == 40
    assert AccessEvent.objects.filter(subject_type="target", action="create").exists()


def test_second_target_for_the_same_year_is_explained(client_for, region_a):
    add(region_a, "sessions", 40, year=2026)
    client = client_for("coordinator")
    html = client.post(
        "/monitoring/targets/", {"year": 2026, "indicator": "sessions", "value": "30"}
    ).content.decode()
    assert "Deze indicator heeft al een doel voor dat jaar." in html
    bad = client.post(
        "/monitoring/targets/", {"year": 2026, "indicator": "returned", "value": "150"}
    )
    assert "Een percentage kan niet meer dan 100 zijn." in bad.content.decode()


def test_edit_and_delete(client_for, region_a):
    target = add(region_a, "sessions", 40, year=2026)
    client = client_for("coordinator")
    client.post(
        f"/monitoring/targets/{target.public_id}/edit/",
        {"year": 2026, "indicator": "sessions", "value": "45"},
    )
    target.refresh_from_db()
    assert target.value == 45
    assert client.get(f"/monitoring/targets/{target.public_id}/delete/").status_code == 405
    client.post(f"/monitoring/targets/{target.public_id}/delete/")
    assert not Target.objects.exists()
    assert AccessEvent.objects.filter(subject_type="target", action="delete").exists()


@pytest.mark.parametrize("role", ["funder", "researcher", "host", "professional"])
def test_other_roles_cannot_set_targets(role, client_for):
    assert client_for(role).get("/monitoring/targets/").status_code == 403


def test_target_of_another_region_is_404(client_for, region_b):
    target = add(region_b, "sessions", 40, year=2026)
    client = client_for("coordinator")
    assert client.get(f"/monitoring/targets/{target.public_id}/edit/").status_code == 404
    assert client.post(f"/monitoring/targets/{target.public_id}/delete/").status_code == 404


def test_anonymous_goes_to_login(client):
    assert client.get("/monitoring/targets/").url.startswith("/account/login")


def test_progress_counts_sessions_and_hides_a_small_number_of_people(region_a):
    plant(region_a, "BU00000001", 3)
    add(region_a, "sessions", 4)
    add(region_a, "reached", 40)
    add(region_a, "per_session", 8)
    progress = {p.target.indicator: p for p in target_progress(region=region_a, year=BASELINE.year)}
    assert progress["sessions"].value.value == 1 and progress["sessions"].percent == 25
    assert progress["reached"].value.label == "<10" and progress["reached"].bar_width == 0
    assert progress["per_session"].value.suppressed


def test_progress_of_enough_people_is_shown(region_a):
    plant(region_a, "BU00000001", 12)
    add(region_a, "reached", 40)
    add(region_a, "returned", 80)
    progress = {p.target.indicator: p for p in target_progress(region=region_a, year=BASELINE.year)}
    assert progress["reached"].value.value == 12 and progress["reached"].percent == 30
    # All 12 came back: 100% of the due return sessions.
    assert progress["returned"].value.value == 100


def test_dashboard_shows_progress_and_names_the_neighbourhood(client_for, region_a):
    plant(region_a, "BU00000001", 12)
    add(region_a, "reached", 40)
    html = client_for("funder").get(f"/monitoring/?end={BASELINE.year}-12-31").content.decode()
    assert f"Voortgang op de doelen voor {BASELINE.year}" in html
    assert "BU00000001 (BU00000001)" in html  # the planted neighbourhood is named after its code


def test_only_one_menu_item_is_marked_current(client_for):
    html = client_for("coordinator").get("/monitoring/").content.decode()
    nav = re.search(r"<nav.*?</nav>", html, re.S).group(0)
    assert nav.count('aria-current="page"') == 1
    plenary = client_for("coordinator").get("/monitoring/plenary/").content.decode()
    assert re.search(r'href="/monitoring/plenary/" aria-current="page"', plenary)
    assert not re.search(r'href="/monitoring/" aria-current="page"', plenary)
