"""An alarm value is told at once to whoever saved it, and counted in the physician's header."""

import uuid

import pytest

from groepsconsult.audit.models import AccessEvent
from tests.factories.measurements import make_alert, make_station_registration

URGENT = "Urgent: nu naar de arts"


def _care_values(systolic="190", **extra):
    return {"systolic": systolic, "diastolic": "95", "method": "self", **extra}


def _entry_url(registration):
    return f"/measurements/entries/{registration.public_id}/?station=care"


def test_json_save_of_an_alarm_value_answers_with_the_alarm(client_for, region_a):
    registration = make_station_registration(region=region_a)
    data = _care_values(client_token=str(uuid.uuid4()))
    response = client_for("professional").post(
        _entry_url(registration), data, HTTP_ACCEPT="application/json"
    )
    assert response.json()["ok"]
    assert URGENT in response.json()["alarm"]
    assert str(registration.day_number) in response.json()["alarm"]


def test_a_retried_save_still_tells_the_alarm(client_for, region_a):
    registration = make_station_registration(region=region_a)
    client = client_for("professional")
    data = _care_values(client_token=str(uuid.uuid4()))
    client.post(_entry_url(registration), data, HTTP_ACCEPT="application/json")
    again = client.post(_entry_url(registration), data, HTTP_ACCEPT="application/json")
    assert URGENT in again.json()["alarm"]


def test_form_save_of_an_alarm_value_shows_it_on_the_next_page(client_for, region_a):
    registration = make_station_registration(region=region_a)
    response = client_for("professional").post(
        _entry_url(registration), _care_values(), follow=True
    )
    page = response.content.decode()
    assert URGENT in page
    assert 'class="alarm error"' in page


def test_a_normal_value_raises_no_alarm(client_for, region_a):
    registration = make_station_registration(region=region_a)
    response = client_for("professional").post(
        _entry_url(registration), _care_values(systolic="128"), HTTP_ACCEPT="application/json"
    )
    assert response.json()["alarm"] == ""


COUNT_URL = "/measurements/alerts/count/"


def test_alarm_count_counts_the_regions_open_alarms(client_for, region_a, region_b):
    make_alert(make_station_registration(region=region_a))
    make_alert(make_station_registration(region=region_b))
    before = AccessEvent.objects.count()
    response = client_for("physician").get(COUNT_URL)
    assert response.status_code == 200
    assert ">1<" in response.content.decode().replace(" ", "")
    assert AccessEvent.objects.count() == before  # a number only: nothing to log


def test_alarm_count_is_forbidden_without_alert_acknowledge(client_for):
    assert client_for("professional").get(COUNT_URL).status_code == 403


def test_alarm_count_sends_anonymous_to_login(client):
    response = client.get(COUNT_URL)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("alerts", [1, 4])
def test_alarm_count_query_count_is_fixed(
    alerts, client_for, region_a, django_assert_max_num_queries
):
    for _ in range(alerts):
        make_alert(make_station_registration(region=region_a))
    client = client_for("physician")
    with django_assert_max_num_queries(8):
        client.get(COUNT_URL)


def test_physician_header_has_the_alarm_counter_on_every_page(client_for):
    page = client_for("physician").get("/consultations/").content.decode()
    assert 'hx-get="/measurements/alerts/count/"' in page
    assert COUNT_URL not in client_for("professional").get("/consultations/").content.decode()


def test_progress_grid_shows_absent_people_as_absent_not_missing(client_for, region_a):
    registration = make_station_registration(region=region_a, attendance="absent")
    url = f"/measurements/sessions/{registration.consultation.public_id}/progress/"
    page = client_for("professional").get(url).content.decode()
    assert 'class="absent"' in page and 'class="missing"' not in page


def test_no_alarm_counter_before_the_second_login_step(client, region_a):
    """Before two-factor the counter's request would be redirected to the code page and htmx
    would paste that page into the header."""
    from tests.factories.backbone import make_user

    user = make_user("physician", region_a)
    client.force_login(user)
    page = client.get("/account/two-factor/").content.decode()
    assert "alarm-counter" not in page
