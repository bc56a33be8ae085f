"""The dashboard's door panel shows today's first sessions and a link to the rest, with the
same queries however many sessions there are today."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from groepsconsult.registrations.selectors import DOOR_PANEL_LIMIT
from tests.factories.backbone import make_consultation


def _sessions_today(region, count):
    today = timezone.localtime().replace(hour=0, minute=1, second=0, microsecond=0)
    return [
        make_consultation(region, starts_at=today + dt.timedelta(minutes=n), status="open")
        for n in range(count)
    ]


def test_the_door_panel_is_bounded_and_links_to_the_rest(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("host")
    first = _sessions_today(region_a, 2)
    with django_assert_max_num_queries(40) as few:
        body = client.get(reverse("dashboard")).content.decode()
    assert all(f"/{c.public_id}/door/" in body for c in first)
    index = f'href="{reverse("registrations:session-index")}"'
    assert index not in body.split('id="h-door-panel"')[1].split("</section>")[0]
    more = _sessions_today(region_a, DOOR_PANEL_LIMIT + 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(reverse("dashboard")).content.decode()
    panel = body.split('id="h-door-panel"')[1].split("</section>")[0]
    assert panel.count("/door/") == DOOR_PANEL_LIMIT
    assert index in panel
    assert len(first + more) > DOOR_PANEL_LIMIT
