"""Flows through the HTTP layer: plan, bad input, status, copy, team, run sheet, calendar."""

import pytest
from django.urls import reverse

from groepsconsult.consultations.models import Consultation, RosterAssignment, RunSheetBlock
from tests.consultations.test_consultations_views import _one
from tests.factories.backbone import make_location, make_professional
from tests.factories.consultations import (
    ROOMS,
    future,
    make_block,
    make_full_team,
    make_planned_consultation,
)


def test_host_sees_list_detail_roster_and_run_sheet(client_for, region_a):
    c = make_planned_consultation(region_a, title="Moerwijk vrouwen")
    host = client_for("host")
    assert (
        "Moerwijk vrouwen" in host.get(reverse("consultations:consultation-list")).content.decode()
    )
    for name in ("detail", "roster", "runsheet", "print"):
        assert host.get(_one(c, name)[2]).status_code == 200


def _plan_post(location, **kw):
    data = {
        "title": "Vrouwen Moerwijk",
        "kind": "first",
        "theme": "Diabetes",
        "starts_at_0": future(42).strftime("%Y-%m-%d"),
        "starts_at_1": "10:00",
        "duration_minutes": "90",
        "location": location.pk,
        "room": "Keuken",
        "capacity": "15",
        "audience": "women",
        "languages": ["tr", "nl"],
        "interpreter_needed": "on",
        "interpreter_language": "tr",
        "notes": "",
    }
    data.update(kw)
    return data


def test_coordinator_plans_a_session(client_for, region_a):
    location = make_location(region_a, rooms=ROOMS)
    response = client_for("coordinator").post(
        reverse("consultations:consultation-create"), _plan_post(location)
    )
    assert response.status_code == 302
    c = Consultation.objects.get()
    assert (c.region, c.neighbourhood, c.audience, c.languages) == (
        region_a,
        location.neighbourhood,
        "women",
        ["tr", "nl"],
    )
    assert c.runsheet_blocks.count() == 6 and c.stations.count() == 4


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"room": "Gymzaal"}, "room", "Selecteer een geldige keuze"),
        ({"interpreter_language": ""}, "interpreter_language", "Kies de taal van de tolk."),
        ({"capacity": "0"}, "capacity", "minstens 1"),
        ({"duration_minutes": "600"}, "duration_minutes", None),
        ({"starts_at_0": "31-31-2026"}, "starts_at", None),
        ({"languages": ["xx"]}, "languages", None),
    ],
)
def test_bad_plan_input_gets_a_dutch_message_and_saves_nothing(
    change, field, message, client_for, region_a
):
    location = make_location(region_a, rooms=ROOMS)
    response = client_for("coordinator").post(
        reverse("consultations:consultation-create"), _plan_post(location, **change)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    if message:
        assert message in response.content.decode()
    assert not Consultation.objects.exists()


def test_room_of_another_location_is_refused(client_for, region_a):
    location = make_location(region_a, rooms=ROOMS)
    make_location(region_a, rooms="Gymzaal")
    response = client_for("coordinator").post(
        reverse("consultations:consultation-create"), _plan_post(location, room="Gymzaal")
    )
    assert response.status_code == 200
    assert "Kies een van de zalen van deze locatie." in response.content.decode()
    assert not Consultation.objects.exists()


def test_location_of_another_region_is_refused(client_for, region_a, region_b):
    foreign = make_location(region_b, rooms=ROOMS)
    response = client_for("coordinator").post(
        reverse("consultations:consultation-create"), _plan_post(foreign)
    )
    assert response.status_code == 200 and "location" in response.context["form"].errors
    assert not Consultation.objects.exists()


def test_status_change_and_refusal_are_shown(client_for, region_a):
    c = make_planned_consultation(region_a)
    client = client_for("coordinator")
    url = reverse("consultations:consultation-status", args=[c.public_id])
    page = client.post(url, {"status": "open"}, follow=True).content.decode()
    assert "Status gewijzigd in: Open voor aanmelding." in page
    page = client.post(url, {"status": "held"}, follow=True).content.decode()
    assert "pas als gehouden" in page
    page = client.post(url, {"status": "nonsense"}, follow=True).content.decode()
    assert "Onbekende status." in page
    c.refresh_from_db()
    assert c.status == "open"


def test_copy_through_the_page(client_for, region_a):
    c = make_planned_consultation(region_a)
    make_full_team(c)
    response = client_for("coordinator").post(
        reverse("consultations:consultation-copy", args=[c.public_id]),
        {
            "starts_at_0": future(80).strftime("%Y-%m-%d"),
            "starts_at_1": "13:30",
            "with_roster": "on",
            "with_runsheet": "on",
        },
    )
    assert response.status_code == 302
    copy = Consultation.objects.exclude(pk=c.pk).get()
    assert copy.assignments.count() == 6 and copy.status == "draft"


def test_booking_the_team_and_the_warning_for_a_lead_without_big(client_for, region_a):
    c = make_planned_consultation(region_a)
    gp = make_professional(region_a, discipline="gp", name="Dokter Zonder Big", big_number="")
    client = client_for("coordinator")
    response = client.post(
        reverse("consultations:roster-assign", args=[c.public_id]),
        {"professional": gp.public_id, "role": "lead"},
        follow=True,
    )
    page = response.content.decode()
    assert RosterAssignment.objects.filter(consultation=c, role="lead").exists()
    assert "Dokter Zonder Big is eindverantwoordelijk maar heeft geen BIG-nummer." in page


def test_booking_at_a_table_without_the_table_is_refused(client_for, region_a):
    c = make_planned_consultation(region_a)
    response = client_for("coordinator").post(
        reverse("consultations:roster-assign", args=[c.public_id]),
        {"professional": make_professional(region_a).public_id, "role": "station"},
    )
    assert response.status_code == 400
    assert "Kies de tafel voor deze professional." in response.content.decode()
    assert not RosterAssignment.objects.exists()


def test_a_professional_of_another_region_cannot_be_booked(client_for, region_a, region_b):
    c = make_planned_consultation(region_a)
    response = client_for("coordinator").post(
        reverse("consultations:roster-assign", args=[c.public_id]),
        {"professional": make_professional(region_b).public_id, "role": "host"},
    )
    assert response.status_code == 400 and not RosterAssignment.objects.exists()


def test_run_sheet_with_start_times_and_htmx_edit(client_for, region_a):
    c = make_planned_consultation(region_a, starts_at=future(10, hour=10))
    make_block(c, title="Welkom", minutes=15)
    second = make_block(c, title="Meetcircuit", minutes=30)
    client = client_for("coordinator")
    page = client.get(reverse("consultations:runsheet", args=[c.public_id])).content.decode()
    assert "10:00–10:15" in page and "10:15–10:45" in page
    response = client.post(
        reverse("consultations:block-action", args=[second.public_id, "up"]),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and 'id="runsheet"' in response.content.decode()
    assert "<html" not in response.content.decode()
    assert list(c.runsheet_blocks.values_list("title", flat=True)) == ["Meetcircuit", "Welkom"]
    response = client.post(
        reverse("consultations:runsheet-add", args=[c.public_id]),
        {"title": "Pauze", "minutes": "999"},
        follow=True,
    )
    assert "Een onderdeel duurt tussen 1 en 240 minuten." in response.content.decode() or (
        "240" in response.content.decode()
    )
    assert not RunSheetBlock.objects.filter(title="Pauze").exists()


def test_bad_block_action_is_404(client_for, region_a):
    block = make_block(make_planned_consultation(region_a))
    url = reverse("consultations:block-action", args=[block.public_id, "sideways"])
    assert client_for("coordinator").post(url).status_code == 404


def test_bad_filters_and_month_are_ignored_not_500(client_for, region_a):
    client = client_for("coordinator")
    url = reverse("consultations:consultation-list")
    assert (
        client.get(url, {"month": "9999-99", "status": "x", "neighbourhood": "y"}).status_code
        == 200
    )
    cal = reverse("consultations:consultation-calendar")
    assert client.get(cal, {"month": "99999-01"}).status_code == 200
    assert client.get(cal, {"month": "2026-13"}).status_code == 200


def test_calendar_shows_the_months_sessions(client_for, region_a):
    c = make_planned_consultation(region_a, starts_at=future(3))
    month = c.starts_at.strftime("%Y-%m")
    page = (
        client_for("host")
        .get(reverse("consultations:consultation-calendar"), {"month": month})
        .content.decode()
    )
    assert reverse("consultations:consultation-detail", args=[c.public_id]) in page


def test_dashboard_panel_links_to_sessions_not_ready(client_for, region_a):
    c = make_planned_consultation(region_a, starts_at=future(7))
    page = client_for("coordinator").get("/").content.decode()
    assert "Nog niet gereed, eerstvolgende eerst:" in page
    assert reverse("consultations:consultation-detail", args=[c.public_id]) in page


def test_a_held_session_cannot_be_edited(client_for, region_a):
    c = make_planned_consultation(region_a, status="held")
    client = client_for("coordinator")
    response = client.get(reverse("consultations:consultation-edit", args=[c.public_id]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "kan niet meer worden gewijzigd" in page
