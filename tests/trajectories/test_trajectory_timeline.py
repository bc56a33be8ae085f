"""The participant's record shows the timeline: sessions, results with colours, goal."""

import datetime as dt
from decimal import Decimal

from groepsconsult.audit.services import Actor
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.goals.models import Goal
from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.registrations.services import attendance_mark, registration_create
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.consent import give
from tests.factories.documents import make_goal

BY = Actor.system("tests")


def _walked(region, sessions=1):
    person = make_participant(region, given_name="Tara")
    for month in range(3, 3 + sessions):
        session = make_consultation(
            region, starts_at=dt.datetime(2026, month, 5, 9, 0, tzinfo=dt.UTC)
        )
        place = registration_create(consultation=session, participant=person, channel="self", by=BY)
        attendance_mark(registration=place, attendance="present", by=BY)
        measurements_record(
            registration=place,
            entry=Entry(values={"systolic": Decimal(165), "diastolic": Decimal(85)}),
            by=BY,
        )
    return person, session


def _url(person):
    return f"/participants/{person.public_id}/"


def test_record_shows_sessions_results_with_colours_and_goal(client_for, region_a):
    person, session = _walked(region_a)
    make_goal(person, session, goal_text="Elke dag wandelen")
    body = client_for("physician").get(_url(person)).content.decode()
    assert "Tijdlijn" in body and "Aanwezig" in body and "eerste groepsconsult" in body
    assert "165 mmHg" in body and 'class="badge red"' in body
    assert "Elke dag wandelen" in body
    assert "Eerste groepsconsult bijgewoond" in body  # the trajectory's status


def test_results_are_left_out_for_roles_without_measurement_view(client_for, region_a):
    person, _session = _walked(region_a)
    client = client_for("health_champion")
    give(person, ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION, client.user)
    body = client.get(_url(person)).content.decode()
    assert "Tijdlijn" in body and "Aanwezig" in body
    assert "165 mmHg" not in body


def test_record_query_count_does_not_grow_with_history(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("physician")
    short, session = _walked(region_a)
    make_goal(short, session)
    client.get(_url(short))
    with django_assert_max_num_queries(20) as few:
        client.get(_url(short))
    long, session = _walked(region_a, sessions=4)
    make_goal(long, session)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(_url(long))
    assert Goal.objects.count() == 2
