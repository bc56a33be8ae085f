"""Every session picker: date, time and neighbourhood; today first, then coming, then past;
today's session preselected (issue 13, item 1: a wrong pick filed values under another day)."""

import datetime as dt

import pytest
from django.utils import timezone

from groepsconsult.consultations.selectors import consultation_session_choices, session_label
from tests.factories.backbone import make_consultation, make_location

pytestmark = pytest.mark.django_db


def _at(days, hour):
    moment = timezone.localtime() + dt.timedelta(days=days)
    return moment.replace(hour=hour, minute=30, second=0, microsecond=0)


@pytest.fixture
def sessions(region_a):
    location = make_location(region_a)
    make = lambda days, hour, **kw: make_consultation(  # noqa: E731
        region_a, location=location, starts_at=_at(days, hour), title="Groepsconsult", **kw
    )
    return {
        "past_old": make(-30, 10),
        "later": make(20, 10),
        "today": make(0, 12),
        "past_recent": make(-2, 10),
        "soon": make(3, 10),
        "cancelled": make(1, 10, status="cancelled"),
    }


def test_today_first_then_upcoming_then_past(region_a, sessions):
    choices = consultation_session_choices(region=region_a)
    order = [sessions[k] for k in ("today", "soon", "later", "past_recent", "past_old")]
    assert list(choices.sessions) == order
    assert choices.today == sessions["today"]


def test_no_session_today_preselects_nothing(region_a):
    make_consultation(region_a, starts_at=_at(5, 10))
    assert consultation_session_choices(region=region_a).today is None


def test_label_shows_date_time_and_neighbourhood(sessions):
    today = sessions["today"]
    label = session_label(today)
    local = timezone.localtime(today.starts_at)
    assert f"{local:%H}:30" in label and str(local.year) in label
    assert today.neighbourhood.name in label and "Groepsconsult" in label


def test_other_regions_sessions_are_not_offered(region_a, region_b, sessions):
    make_consultation(region_b, starts_at=_at(0, 9))
    offered = set(consultation_session_choices(region=region_a).sessions)
    assert offered == {s for k, s in sessions.items() if k != "cancelled"}


def test_station_start_preselects_today_and_labels_sessions(client_for, sessions):
    response = client_for("professional").get("/measurements/")
    html = response.content.decode()
    today = sessions["today"]
    assert f'value="{today.public_id}" selected' in html
    assert session_label(today) in html
    assert str(sessions["cancelled"].public_id) not in html


@pytest.mark.parametrize("url", ["/questionnaires/", "/goals/"])
def test_table_pickers_preselect_today(client_for, sessions, url, django_assert_max_num_queries):
    client = client_for("professional")
    with django_assert_max_num_queries(12):
        html = client.get(url).content.decode()
    today = sessions["today"]
    assert f'<option value="{today.public_id}" selected>{session_label(today)}</option>' in html
    make_consultation(today.region, starts_at=_at(40, 10))
    with django_assert_max_num_queries(12):  # more sessions, same number of queries
        client.get(url)
