"""The dashboard's "today" panel of the stations and the physician is bounded, with the same
queries however many sessions there are today, and a session with an open alarm is never cut."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from groepsconsult.measurements.selectors import DAY_PANEL_LIMIT
from tests.factories.backbone import make_consultation
from tests.factories.measurements import make_alert, make_station_registration


def _sessions_today(region, count, first_minute=0):
    today = timezone.localtime().replace(hour=0, minute=1, second=0, microsecond=0)
    return [
        make_consultation(region, starts_at=today + dt.timedelta(minutes=first_minute + n))
        for n in range(count)
    ]


def _panel(client):
    body = client.get(reverse("dashboard")).content.decode()
    return body.split('id="h-day-panel"')[1].split("</section>")[0]


def test_the_day_panel_is_bounded_and_keeps_sessions_with_alarms(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("physician")
    _sessions_today(region_a, 2)
    with django_assert_max_num_queries(40) as few:
        assert _panel(client).count("/progress/") == 2
    late = _sessions_today(region_a, DAY_PANEL_LIMIT + 2, first_minute=10)[-1]
    make_alert(make_station_registration(late))
    with django_assert_max_num_queries(len(few.captured_queries)):
        panel = _panel(client)
    assert panel.count("/progress/") == DAY_PANEL_LIMIT
    assert f"/{late.public_id}/progress/" in panel
    assert "Meer groepsconsulten vandaag" in panel
