"""The "Today" landing page: each role finds its day's work on it, counts only, no names."""

import datetime as dt

import pytest
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from tests.factories.backbone import make_consultation
from tests.factories.measurements import make_alert, make_station_registration


def _today_at(hour):
    return timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def today(region_a):
    consultation = make_consultation(region_a, starts_at=_today_at(10), status="open")
    registration = make_station_registration(
        consultation, attendance="present", checked_in_at=timezone.now()
    )
    make_alert(registration)
    return consultation


@pytest.fixture
def tomorrow(region_a):
    return make_consultation(region_a, starts_at=_today_at(10) + dt.timedelta(days=1))


def _page(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_host_lands_on_the_door_of_todays_session(client_for, today, tomorrow):
    page = _page(client_for("host"))
    assert f"/aanmelden/sessions/{today.public_id}/door/" in page
    assert str(tomorrow.public_id) not in page
    assert f"/measurements/sessions/{today.public_id}/station/" not in page


def test_professional_lands_on_the_station_of_todays_session(client_for, today):
    page = _page(client_for("professional"))
    assert f"/measurements/sessions/{today.public_id}/station/" in page
    assert f"/measurements/sessions/{today.public_id}/alerts/" not in page


def test_physician_sees_open_alarms_and_progress_of_today(client_for, today):
    page = _page(client_for("physician"))
    assert f"/measurements/sessions/{today.public_id}/alerts/" in page
    assert f"/measurements/sessions/{today.public_id}/progress/" in page
    assert "badge red" in page
    assert 'class="alarm-counter"' in page  # the header counter of every page


def test_coordinator_sees_next_actions(client_for, today):
    page = _page(client_for("coordinator"))
    assert 'id="h-calls-panel"' in page  # open call lists
    assert 'id="readiness-panel-title"' in page  # sessions not ready
    assert 'id="h-offers-panel"' in page  # offers to confirm


@pytest.mark.parametrize("role", ["health_champion", "gp_practice", "funder", "researcher"])
def test_roles_without_a_day_page_are_told_what_is_coming(role, client_for, today):
    page = _page(client_for(role))
    assert 'id="h-coming"' in page
    assert str(today.public_id) not in page


def test_today_shows_no_names_and_logs_nothing(client_for, today):
    name = today.registrations.get().participant.family_name
    before = AccessEvent.objects.count()
    for role in ("host", "professional", "physician", "coordinator"):
        assert name not in _page(client_for(role))
    assert AccessEvent.objects.count() == before


def test_today_query_count_does_not_grow_with_sessions(
    client_for, region_a, today, django_assert_max_num_queries
):
    client = client_for("coordinator")
    # One query per panel (apps add panels), never one per session.
    with django_assert_max_num_queries(20) as empty_day:
        client.get("/")
    for _ in range(3):
        extra = make_consultation(region_a, starts_at=_today_at(14))
        make_alert(
            make_station_registration(extra, attendance="present", checked_in_at=timezone.now())
        )
    with django_assert_max_num_queries(len(empty_day.captured_queries)):
        assert client.get("/").status_code == 200
