"""Cast tests for every station view, the station flow through HTTP, and pinned query counts."""

import re
import uuid
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.measurements.models import Alert, Measurement
from tests.factories.backbone import make_consultation
from tests.factories.measurements import make_alert, make_measurement, make_station_registration


@dataclass
class World:
    consultation: object
    registration: object
    measurement: object
    alert: object


def _world(region):
    consultation = make_consultation(region)
    registration = make_station_registration(consultation)
    alert = make_alert(registration)
    return World(consultation, registration, alert.measurement, alert)


@pytest.fixture
def mine(region_a):
    return _world(region_a)


@pytest.fixture
def theirs(region_b):
    return _world(region_b)


# (name, method, url(world), permitted role, forbidden role)
VIEWS = [
    (
        "pick",
        "get",
        lambda w: f"/measurements/sessions/{w.consultation.public_id}/station/?station=care",
    ),
    (
        "search",
        "post",
        lambda w: f"/measurements/sessions/{w.consultation.public_id}/station/search/?station=care",
    ),
    ("entry", "get", lambda w: f"/measurements/entries/{w.registration.public_id}/?station=care"),
    ("correct", "get", lambda w: f"/measurements/values/{w.measurement.public_id}/correct/"),
    ("grid", "get", lambda w: f"/measurements/sessions/{w.consultation.public_id}/progress/"),
    ("panel", "get", lambda w: f"/measurements/sessions/{w.consultation.public_id}/alerts/"),
    (
        "banner",
        "get",
        lambda w: f"/measurements/sessions/{w.consultation.public_id}/alerts/banner/",
    ),
    ("ack", "post", lambda w: f"/measurements/alerts/{w.alert.public_id}/acknowledge/"),
    ("inbody", "get", lambda w: f"/measurements/sessions/{w.consultation.public_id}/inbody/"),
    (
        "inbody-confirm",
        "post",
        lambda w: f"/measurements/sessions/{w.consultation.public_id}/inbody/confirm/",
    ),
]
PERMITTED = {"banner": "physician", "ack": "physician"}
FORBIDDEN = {"banner": "professional", "ack": "professional"}
OK = {"get": 200, "post": (200, 302)}


def _call(client, method, url):
    return client.post(url, {"q": "Fa"}) if method == "post" else client.get(url)


@pytest.mark.parametrize(("name", "method", "url"), VIEWS, ids=[v[0] for v in VIEWS])
def test_permitted_role_works(name, method, url, client_for, mine):
    response = _call(client_for(PERMITTED.get(name, "professional")), method, url(mine))
    assert response.status_code in (OK[method] if method == "post" else (200,))


@pytest.mark.parametrize(("name", "method", "url"), VIEWS, ids=[v[0] for v in VIEWS])
def test_wrong_role_is_forbidden(name, method, url, client_for, mine):
    response = _call(client_for(FORBIDDEN.get(name, "host")), method, url(mine))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "method", "url"), VIEWS, ids=[v[0] for v in VIEWS])
def test_other_region_is_404(name, method, url, client_for, theirs):
    response = _call(client_for(PERMITTED.get(name, "physician")), method, url(theirs))
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "method", "url"), VIEWS, ids=[v[0] for v in VIEWS])
def test_anonymous_goes_to_login(name, method, url, mine, db):
    response = _call(Client(), method, url(mine))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_station_start_cast(client_for, db):
    assert client_for("professional").get("/measurements/").status_code == 200
    assert client_for("host").get("/measurements/").status_code == 403
    response = Client().get("/measurements/")
    assert "/account/login/" in response["Location"]


def test_station_choice_is_remembered(client_for, region_a, region_b):
    consultation = make_consultation(region_a)
    foreign = make_consultation(region_b)
    client = client_for("professional")
    refused = client.post("/measurements/", {"consultation": foreign.public_id, "station": "care"})
    assert refused.status_code == 200 and "consultation" in refused.context["form"].errors
    response = client.post(
        "/measurements/", {"consultation": consultation.public_id, "station": "movement"}
    )
    pick = f"/measurements/sessions/{consultation.public_id}/station/?station=movement"
    assert response["Location"] == pick
    assert client.get("/measurements/")["Location"] == pick
    assert client.get("/measurements/?change=1").status_code == 200
    session = client.session
    session["measurement_station"] = {"consultation": str(foreign.public_id), "station": "care"}
    session.save()
    assert client.get("/measurements/").status_code == 200  # not a redirect into a 404


def test_day_number_opens_the_participant(client_for, region_a):
    registration = make_station_registration(region=region_a, day_number=7)
    client = client_for("professional")
    url = f"/measurements/sessions/{registration.consultation.public_id}/station/?station=care"
    response = client.post(url, {"day_number": "7"})
    assert response["Location"] == f"/measurements/entries/{registration.public_id}/?station=care"
    missing = client.post(url, {"day_number": "8"})
    assert "Niemand heeft dit nummer" in missing.content.decode()


def test_name_search_is_posted_and_logged(client_for, region_a):
    registration = make_station_registration(region=region_a)
    client = client_for("professional")
    url = (
        f"/measurements/sessions/{registration.consultation.public_id}/station/search/?station=care"
    )
    response = client.post(url, {"q": registration.participant.family_name})
    assert registration.participant.full_name in response.content.decode()
    assert AccessEvent.objects.filter(
        action="list", participant_id=registration.participant.public_id
    ).exists()


def test_without_a_station_the_page_asks_which_table(client_for, region_a):
    registration = make_station_registration(region=region_a)
    body = client_for("professional").get(f"/measurements/entries/{registration.public_id}/")
    assert body.status_code == 200 and "?station=movement" in body.content.decode()
    assert body.context["form"] is None


def test_station_form_lists_only_that_stations_measures(client_for, region_a):
    registration = make_station_registration(region=region_a)
    body = client_for("professional").get(
        f"/measurements/entries/{registration.public_id}/?station=measurement"
    )
    fields = set(body.context["form"].fields)
    assert {"glucose", "fasting", "total_cholesterol", "hdl"} <= fields
    assert not fields & {"systolic", "weight"}


def test_saving_through_json_and_retrying_the_same_token(client_for, region_a):
    registration = make_station_registration(region=region_a)
    client = client_for("professional")
    url = f"/measurements/entries/{registration.public_id}/?station=care"
    data = {
        "systolic": "186",
        "diastolic": "95",
        "systolic_2": "182",
        "diastolic_2": "93",
        "method": "self",
        "client_token": str(uuid.uuid4()),
    }
    first = client.post(url, data, HTTP_ACCEPT="application/json")
    assert first.status_code == 200 and first.json()["ok"]
    again = client.post(url, data, HTTP_ACCEPT="application/json")
    assert again.status_code == 200
    systolic = Measurement.objects.get(measure="systolic")
    assert systolic.value == 184  # mean of two readings
    assert Measurement.objects.count() == 2
    assert Alert.objects.get().reason == "sbp_urgent"
    assert AccessEvent.objects.filter(
        action="view", participant_id=registration.participant.public_id
    ).exists()


def test_json_typing_error_returns_400_with_the_form(client_for, region_a):
    registration = make_station_registration(region=region_a)
    response = client_for("professional").post(
        f"/measurements/entries/{registration.public_id}/?station=care",
        {"systolic": "1400", "diastolic": "80", "method": "self"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert "systolic" in response.json()["errors"]
    assert not Measurement.objects.exists()


def test_two_clients_save_for_one_participant_and_both_are_kept(client_for, region_a):
    registration = make_station_registration(region=region_a)
    care, lab = client_for("professional"), client_for("physician")
    base = f"/measurements/entries/{registration.public_id}"
    care.post(f"{base}/?station=care", {"systolic": "130", "diastolic": "80", "method": "self"})
    lab.post(f"{base}/?station=measurement", {"glucose": "12,4", "fasting": "no"})
    rows = Measurement.objects.filter(registration=registration, superseded_by__isnull=True)
    assert set(rows.values_list("measure", flat=True)) == {"systolic", "diastolic", "glucose"}
    assert rows.get(measure="glucose").colour == "red"


def test_correction_page_saves_a_new_row(client_for, region_a):
    registration = make_station_registration(region=region_a)
    old = make_measurement(registration, "weight", "800")
    response = client_for("professional").post(
        f"/measurements/values/{old.public_id}/correct/", {"weight": "80", "reason": "typefout"}
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.superseded_by.value == 80 and old.superseded_by.correction_reason == "typefout"


def test_acknowledge_removes_the_alert_from_the_panel(client_for, mine):
    client = client_for("physician")
    panel = f"/measurements/sessions/{mine.consultation.public_id}/alerts/"
    assert mine.registration.participant.full_name in client.get(panel).content.decode()
    client.post(f"/measurements/alerts/{mine.alert.public_id}/acknowledge/")
    mine.alert.refresh_from_db()
    assert mine.alert.acknowledged_by == client.user
    assert mine.registration.participant.full_name not in client.get(panel).content.decode()


def test_banner_shows_open_alerts_on_station_pages_for_the_physician(client_for, mine):
    url = f"/measurements/entries/{mine.registration.public_id}/?station=care"
    assert "alert-banner" in client_for("physician").get(url).content.decode()
    assert 'class="alert-banner"' not in client_for("professional").get(url).content.decode()


def _grow(consultation, n):
    for _ in range(n):
        registration = make_station_registration(consultation)
        make_measurement(registration, "weight", "80")
        make_alert(registration)


@pytest.mark.parametrize(
    "path",
    [
        "/measurements/sessions/{c}/progress/",
        "/measurements/sessions/{c}/alerts/",
        "/measurements/sessions/{c}/station/?station=care",
        "/measurements/entries/{r}/?station=movement",
    ],
)
def test_query_count_does_not_grow_with_participants(
    path, client_for, mine, django_assert_max_num_queries
):
    client = client_for("physician")
    url = path.format(c=mine.consultation.public_id, r=mine.registration.public_id)
    _grow(mine.consultation, 2)
    with django_assert_max_num_queries(30) as few:
        assert client.get(url).status_code == 200
    _grow(mine.consultation, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_polling_the_banner_logs_each_alert_once_per_login(client_for, mine):
    from groepsconsult.audit.models import AccessEvent

    client = client_for("physician")
    banner = f"/measurements/sessions/{mine.consultation.public_id}/alerts/banner/"
    for _ in range(3):
        client.get(banner)
    who = mine.registration.participant.public_id
    assert AccessEvent.objects.filter(subject_type="alert", participant_id=who).count() == 1
    newcomer = make_station_registration(mine.consultation)
    make_alert(newcomer)
    client.get(banner)
    assert (
        AccessEvent.objects.filter(
            subject_type="alert", participant_id=newcomer.participant.public_id
        ).count()
        == 1
    )
    assert AccessEvent.objects.filter(subject_type="alert", participant_id=who).count() == 1


def test_a_station_save_costs_the_same_queries_for_one_value_or_several(
    client_for, region_a, django_assert_max_num_queries
):
    """Values go in with one INSERT and one access-log INSERT, not a save and look-ups each."""
    client = client_for("professional")
    consultation = make_consultation(region_a)
    # Present already (ticked at the door), as on the day: the save adds values only.
    one, three = (
        make_station_registration(consultation, attendance="present", checked_in_at=timezone.now())
        for _ in range(2)
    )
    url = "/measurements/entries/{}/?station=care"
    data = {"systolic": "125", "diastolic": "80", "method": "professional"}
    # 18 for the save itself (the alarms are told from the rows made, not re-read), plus the
    # monitoring facts refresh of this one trajectory and of its first session's rollup row (a
    # measurement leaves the session facts alone). The view's one transaction for the read's
    # log row and the values is a SAVEPOINT pair here (BEGIN/COMMIT saved in production).
    with django_assert_max_num_queries(26) as few:
        assert client.post(url.format(one.public_id), data).status_code == 302
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.post(url.format(three.public_id), {**data, "pulse": "70"})
    assert response.status_code == 302
    assert Measurement.objects.filter(registration=three).count() == 3
    logged = AccessEvent.objects.filter(
        action="create", subject_type="measurement", participant_id=three.participant.public_id
    )
    assert logged.count() == 3


def test_a_station_save_that_ticks_present_refreshes_the_facts_once(
    client_for, region_a, django_assert_max_num_queries
):
    """The door tick, the trajectory's steps and the values each change monitoring facts; they
    are refreshed once, together, at the end of the save (135 queries before, issue 12)."""
    from groepsconsult.monitoring.models import SessionFact, TrajectoryFact

    client = client_for("professional")
    registration = make_station_registration(make_consultation(region_a))
    url = f"/measurements/entries/{registration.public_id}/?station=care"
    data = {"systolic": "125", "diastolic": "80", "method": "professional"}
    # PostgreSQL adds the rollup's advisory lock; the session refresh's experience sums
    # (ExperienceRollup) their GROUP BY and delete.
    with django_assert_max_num_queries(95) as save:
        assert client.post(url, data).status_code == 302
    # executemany shows as "N times: INSERT ...".
    tables = [re.search(r'INSERT INTO "?(\w+)', q["sql"]) for q in save.captured_queries]
    tables = [m.group(1) for m in tables if m]
    assert tables.count("monitoring_sessionfact") == 1
    assert tables.count("monitoring_trajectoryfact") == 1
    registration.refresh_from_db()
    assert registration.attendance == "present"
    fact = TrajectoryFact.objects.get(participant=registration.participant)
    assert fact.baseline_at is not None
    assert SessionFact.objects.filter(consultation=registration.consultation).exists()
