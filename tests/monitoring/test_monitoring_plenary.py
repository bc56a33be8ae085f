"""Plenary summary: counts per colour per measure, no names, fixed query count, the cast."""

import datetime as dt
import re

import pytest

from tests.factories.backbone import make_consultation, make_participant
from tests.factories.documents import make_measurement, make_registration, measure_all

PRESENT = {
    "attendance": "present",
    "checked_in_at": dt.datetime(2026, 12, 10, 9, 55, tzinfo=dt.UTC),
}


@pytest.fixture
def session(region_a):
    return make_consultation(region_a, title="Groepsconsult Moerwijk")


def url(consultation):
    return f"/monitoring/plenary/{consultation.public_id}/"


def counts_for(html, label):
    """{"groen": n, "oranje": n, "rood": n, "niet gemeten": n} for one measure's block."""
    block = html.split(f"<h2>{label}</h2>", 1)[1].split("</li>", 1)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block.split("</svg>", 1)[1]))
    return {word: int(n) for word, n in re.findall(r"(groen|oranje|rood|niet gemeten) (\d+)", text)}


def test_counts_per_colour_without_names_or_values(client_for, session, region_a):
    people = [make_participant(region_a, family_name=f"Naam{i}") for i in range(4)]
    regs = [make_registration(session, p, **PRESENT) for p in people]
    for reg, (sbp, dbp) in zip(regs[:3], [(120, 70), (135, 80), (186, 100)], strict=True):
        make_measurement(reg, "systolic", sbp)
        make_measurement(reg, "diastolic", dbp)
    make_measurement(regs[0], "glucose", "5.0", fasting=True)
    html = client_for("physician").get(url(session)).content.decode()
    assert counts_for(html, "Bloeddruk") == {"groen": 1, "oranje": 1, "rood": 1, "niet gemeten": 1}
    assert counts_for(html, "Bloedsuiker") == {
        "groen": 1,
        "oranje": 0,
        "rood": 0,
        "niet gemeten": 3,
    }
    assert ">4</strong> deelnemers" in html and ">3</strong> gemeten" in html
    for person, reg in zip(people, regs, strict=True):
        assert person.family_name not in html and person.given_name not in html
        assert str(reg.public_id) not in html and str(person.public_id) not in html
    assert "186" not in html and "5,0" not in html  # no single values


def test_who_counts_as_a_participant(client_for, session, region_a):
    measure_all(make_registration(session, make_participant(region_a)))
    make_registration(session, make_participant(region_a), **PRESENT)
    # Measured although the door list says absent: a measurement proves presence.
    measure_all(make_registration(session, make_participant(region_a), attendance="absent"))
    measure_all(make_registration(session, make_participant(region_a), status="cancelled"))
    make_registration(session, make_participant(region_a))  # not ticked, not measured
    make_registration(session, make_participant(region_a), attendance="absent")
    html = client_for("physician").get(url(session)).content.decode()
    assert ">3</strong> deelnemers" in html and ">2</strong> gemeten" in html


def test_empty_session_says_there_are_no_results(client_for, session):
    html = client_for("physician").get(url(session)).content.decode()
    assert "Nog geen uitslagen voor deze sessie." in html


@pytest.mark.parametrize("path", ["list", "detail"])
@pytest.mark.parametrize("role", ["physician", "professional", "coordinator"])
def test_care_team_may_show_the_plenary(path, role, client_for, session):
    target = "/monitoring/plenary/" if path == "list" else url(session)
    assert client_for(role).get(target).status_code == 200


@pytest.mark.parametrize("path", ["list", "detail"])
@pytest.mark.parametrize("role", ["host", "funder", "researcher", "gp_practice"])
def test_roles_without_plenary_view_get_403(path, role, client_for, session):
    target = "/monitoring/plenary/" if path == "list" else url(session)
    assert client_for(role).get(target).status_code == 403


def test_another_regions_session_is_404(client_for, region_b):
    assert client_for("physician").get(url(make_consultation(region_b))).status_code == 404


@pytest.mark.parametrize("path", ["list", "detail"])
def test_anonymous_is_sent_to_login(path, client, session):
    target = "/monitoring/plenary/" if path == "list" else url(session)
    response = client.get(target)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_list_shows_own_region_sessions_only(client_for, session, region_b):
    make_consultation(region_b, title="Sessie Elders")
    html = client_for("physician").get("/monitoring/plenary/").content.decode()
    assert "Groepsconsult Moerwijk" in html and "Sessie Elders" not in html


def test_query_count_does_not_grow_with_participants(
    client_for, session, region_a, django_assert_max_num_queries
):
    client = client_for("physician")
    measure_all(make_registration(session, make_participant(region_a)))
    client.get(url(session))
    with django_assert_max_num_queries(10) as small:
        assert client.get(url(session)).status_code == 200
    for _ in range(15):
        measure_all(make_registration(session, make_participant(region_a)))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url(session)).status_code == 200


def test_list_query_count_does_not_grow_with_sessions(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("physician")
    make_consultation(region_a)
    client.get("/monitoring/plenary/")
    with django_assert_max_num_queries(8) as small:
        client.get("/monitoring/plenary/")
    for _ in range(8):
        make_consultation(region_a)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/monitoring/plenary/").status_code == 200


def test_plenary_counts_the_stored_colour_not_a_recomputed_one(client_for, session, region_a):
    """Rows stored under an older rule set are counted with the colour the booklet shows."""
    reg = make_registration(session, make_participant(region_a), **PRESENT)
    make_measurement(reg, "total_cholesterol", "7.1", colour="green", ruleset_version="nl-2025.1")
    html = client_for("physician").get(url(session)).content.decode()
    assert counts_for(html, "Cholesterol") == {
        "groen": 1,
        "oranje": 0,
        "rood": 0,
        "niet gemeten": 0,
    }


def test_participants_who_refused_anonymous_monitoring_are_not_counted(
    client_for, session, region_a
):
    from tests.factories.backbone import make_user
    from tests.factories.consent import give, withdraw

    user = make_user("coordinator", region_a)
    refused, withdrew, again, silent = (make_participant(region_a) for _ in range(4))
    for person in (refused, withdrew, again, silent):
        measure_all(make_registration(session, person, **PRESENT))
    give(refused, "anonymous_monitoring", user, given=False)
    withdraw(give(withdrew, "anonymous_monitoring", user), user)
    withdraw(give(again, "anonymous_monitoring", user), user)
    give(again, "anonymous_monitoring", user)
    html = client_for("physician").get(url(session)).content.decode()
    assert ">2</strong> deelnemers" in html and ">2</strong> gemeten" in html
