"""Warnings while planning: holidays, capacity and the team's languages, shown live (GET previews
that save nothing), the human default title, and the team picker's badges and filters."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from groepsconsult.consultations.models import Consultation, RosterAssignment
from groepsconsult.consultations.plan_warnings import session_warnings
from groepsconsult.consultations.public_holidays import holiday_name
from tests.factories.backbone import make_location, make_neighbourhood, make_professional
from tests.factories.consultations import make_assignment, make_planned_consultation

HOLIDAYS = [
    (dt.date(2027, 1, 1), "Nieuwjaarsdag"),
    (dt.date(2027, 3, 28), "Eerste paasdag"),
    (dt.date(2027, 3, 29), "Tweede paasdag"),
    (dt.date(2027, 4, 27), "Koningsdag"),
    (dt.date(2025, 4, 26), "Koningsdag"),  # 27 April 2025 was a Sunday
    (dt.date(2027, 5, 5), "Bevrijdingsdag"),  # every year, not only each fifth
    (dt.date(2027, 5, 6), "Hemelvaartsdag"),
    (dt.date(2027, 5, 17), "Tweede pinksterdag"),
    (dt.date(2027, 12, 25), "Eerste kerstdag"),
    (dt.date(2027, 12, 26), "Tweede kerstdag"),
    (dt.date(2027, 3, 9), "Suikerfeest"),
    (dt.date(2027, 5, 16), "Offerfeest"),  # also Whit Sunday: both are named
]


@pytest.mark.parametrize("day, name", HOLIDAYS)
def test_dutch_holidays_and_the_eids_are_named(day, name):
    with translation.override("nl"):
        assert name in holiday_name(day)


def test_an_ordinary_day_is_no_holiday():
    assert holiday_name(dt.date(2027, 1, 6)) is None
    assert holiday_name(dt.date(2027, 4, 26)) is None  # King's Day 2027 is on the 27th


def _at(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _messages(consultation, assignments=()):
    with translation.override("en"):
        return [
            w.message for w in session_warnings(consultation=consultation, assignments=assignments)
        ]


@pytest.mark.django_db
def test_language_nobody_on_the_team_speaks_is_warned_unless_an_interpreter_comes(region_a):
    c = make_planned_consultation(
        region_a, languages=["tr", "ar"], starts_at=_at(dt.date(2027, 1, 6))
    )
    team = [make_assignment(c, languages=["nl", "ar"])]
    assert _messages(c, team) == [
        "Nobody on the team speaks Turkish: book someone who does, or an interpreter."
    ]
    c.interpreter_needed, c.interpreter_language = True, "tr"
    assert _messages(c, team) == []
    assert _messages(c, []) == []  # no team yet: nothing to compare


@pytest.mark.django_db
def test_holiday_and_small_capacity_are_warned(region_a):
    c = make_planned_consultation(region_a, starts_at=_at(dt.date(2027, 4, 27)), capacity=5)
    messages = _messages(c)
    assert messages[0].startswith("Tuesday 27 April 2027 is a holiday (King's Day)")
    assert messages[1] == "Room for 5 people: a group consultation needs at least 8."


@pytest.mark.django_db
def test_the_default_title_is_human_and_localised(region_a):
    location = make_location(region_a, neighbourhood=make_neighbourhood(region_a, name="Transvaal"))
    c = make_planned_consultation(region_a, location=location, starts_at=_at(dt.date(2027, 1, 6)))
    with translation.override("nl"):
        assert str(c) == "Groepsconsult Transvaal, woensdag 6 januari"
    with translation.override("en"):
        assert str(c) == "Group consultation Transvaal, Wednesday 6 January"
    c.title = "Diabetes in de wijk"
    assert str(c) == "Diabetes in de wijk"


@pytest.mark.django_db
def test_the_plan_form_previews_warnings_and_saves_nothing(client_for, region_a):
    client = client_for("coordinator")
    before = Consultation.objects.count()
    url = reverse("consultations:consultation-warnings")
    response = client.get(url, {"starts_at_0": "2027-04-27", "capacity": "5"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Koningsdag" in body and "minstens 8" in body and "nog niet opgeslagen" in body
    assert Consultation.objects.count() == before
    quiet = client.get(url, {"starts_at_0": "2027-01-06", "starts_at_1": "10:00"})
    assert "Geen waarschuwingen bij dit plan." in quiet.content.decode()
    assert client.get(url, {"starts_at_0": "2027-02-31", "capacity": "x"}).status_code == 200


@pytest.mark.django_db
def test_the_change_form_previews_with_the_team_and_changes_nothing(client_for, region_a):
    c = make_planned_consultation(region_a, languages=["nl"])
    make_assignment(c, languages=["nl"])
    url = reverse("consultations:consultation-edit-warnings", args=[c.public_id])
    body = client_for("coordinator").get(url, {"languages": ["nl", "tr"]}).content.decode()
    assert "Niemand in het team spreekt Turks" in body
    c.refresh_from_db()
    assert c.languages == ["nl"]


@pytest.mark.django_db
def test_booking_preview_warns_before_the_booking_is_saved(client_for, region_a):
    c = make_planned_consultation(region_a)
    gp = make_professional(region_a, discipline="gp", name="Dokter Zonder Big", big_number="")
    client = client_for("coordinator")
    url = reverse("consultations:roster-warnings", args=[c.public_id])
    body = client.get(url, {"professional": gp.public_id, "role": "lead"}).content.decode()
    assert "Dokter Zonder Big is eindverantwoordelijk maar heeft geen BIG-nummer." in body
    assert not RosterAssignment.objects.filter(consultation=c).exists()
    assert client.get(url, {"professional": "not-a-uuid"}).status_code == 200


def _roster(client, c, **params):
    return client.get(reverse("consultations:roster", args=[c.public_id]), params)


@pytest.mark.django_db
def test_the_team_picker_shows_badges_and_filters(client_for, region_a):
    c = make_planned_consultation(region_a)
    make_professional(region_a, name="Ayşe Arts", discipline="gp", big_number="12345678901",
                      vog_date=dt.date(2026, 3, 1), languages=["nl", "tr"])  # fmt: skip
    make_professional(region_a, name="Bram Buur", vog_date=None, languages=["nl"])
    make_professional(region_a, name="Carla Coach", discipline="pharmacist",
                      vog_date=dt.date(2019, 1, 1))  # fmt: skip
    client = client_for("coordinator")
    body = _roster(client, c).content.decode()
    for badge in ("BIG 12345678901", "VOG 01-03-2026", "Turks", "Geen VOG", "VOG verlopen",
                  "Geen BIG-nummer"):  # fmt: skip
        assert badge in body
    turkish = _roster(client, c, language="tr").content.decode()
    assert "Ayşe Arts" in turkish and "Bram Buur" not in turkish
    pharmacists = _roster(client, c, discipline="pharmacist").content.decode()
    assert "Carla Coach" in pharmacists and "Ayşe Arts" not in pharmacists
    assert "Bram Buur" in _roster(client, c, q="bram").content.decode()
    assert _roster(client, c, language="xx", discipline="??").status_code == 200


@pytest.mark.django_db
def test_the_picker_answers_htmx_with_its_fragment(client_for, region_a):
    c = make_planned_consultation(region_a)
    make_professional(region_a, name="Ayşe Arts", languages=["tr"])
    url = reverse("consultations:roster", args=[c.public_id])
    response = client_for("coordinator").get(url, {"q": "ayşe"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith("<fieldset") and "Ayşe Arts" in body and "<html" not in body


@pytest.mark.django_db
def test_booking_by_picker_radio(client_for, region_a):
    c = make_planned_consultation(region_a)
    prof = make_professional(region_a, discipline="host")
    url = reverse("consultations:roster-assign", args=[c.public_id])
    client_for("coordinator").post(url, {"professional": prof.public_id, "role": "host"})
    assert c.assignments.get().professional == prof


@pytest.mark.django_db
def test_the_picker_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    c = make_planned_consultation(region_a)
    client = client_for("coordinator")
    for _ in range(3):
        make_professional(region_a, languages=["nl", "ar"])
    with django_assert_max_num_queries(25) as few:
        assert _roster(client, c, language="ar").status_code == 200
    for _ in range(30):
        make_professional(region_a, languages=["nl", "ar"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        _roster(client, c, language="ar")


@pytest.mark.django_db
def test_the_chosen_person_stays_checked_when_the_filters_change(client_for, region_a):
    c = make_planned_consultation(region_a)
    prof = make_professional(region_a, name="Ayşe Arts")
    params = {"q": "ayşe", "professional": str(prof.public_id)}
    body = _roster(client_for("coordinator"), c, **params).content.decode()
    assert f'value="{prof.public_id}" id="prof-{prof.public_id}" checked' in body


@pytest.mark.django_db
def test_a_professionals_languages_come_from_the_list(region_a):
    from django.core.exceptions import ValidationError

    prof = make_professional(region_a, languages=["nl", "klingon"])
    with pytest.raises(ValidationError) as error:
        prof.full_clean()
    assert "languages" in error.value.error_dict


@pytest.mark.parametrize("name", ["consultation-edit-warnings", "roster-warnings"])
@pytest.mark.django_db
def test_preview_query_count_does_not_grow_with_the_team(
    name, client_for, region_a, django_assert_max_num_queries
):
    c = make_planned_consultation(region_a, languages=["nl", "tr"])
    client = client_for("coordinator")
    url = reverse(f"consultations:{name}", args=[c.public_id])
    params = {"professional": str(make_professional(region_a).public_id), "role": "host"}
    make_assignment(c)
    with django_assert_max_num_queries(20) as few:
        assert client.get(url, params).status_code == 200
    for kind in ("care", "welfare", "movement"):
        for _ in range(4):
            make_assignment(c, station_kind=kind, languages=["ar"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url, params)
