"""Stories for the funder report: recorded only with consent, listed for the coordinator,
left out of the report once consent is withdrawn; cast tests and a pinned query count."""

import datetime as dt

import pytest
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.followups.models import Story
from groepsconsult.followups.selectors import story_report_list
from tests.factories.backbone import make_consultation, make_participant, make_user
from tests.factories.consent import give, withdraw
from tests.factories.measurements import make_station_registration
from tests.factories.stories import consent_to_story, make_story


@pytest.fixture
def reg_a(region_a):
    starts = timezone.now() - dt.timedelta(weeks=8)
    session = make_consultation(region_a, starts_at=starts, status="held")
    registration = make_station_registration(session, participant=make_participant(region_a))
    give(registration.participant, "contact_by_health_champion", make_user("coordinator", region_a))
    return registration


def url(reg):
    return f"/followups/calls/{reg.public_id}/story/"


@pytest.mark.parametrize("role", ["coordinator", "health_champion"])
def test_story_is_recorded_with_consent(client_for, region_a, reg_a, role):
    consent_to_story(reg_a.participant, make_user("coordinator", region_a))
    client = client_for(role)
    assert "Sinds de groep" not in client.get(url(reg_a)).content.decode()
    response = client.post(url(reg_a), {"text": "  Sinds de groep wandel ik elke dag.  "})
    assert response.status_code == 302 and response.url == "/followups/stories/"
    story = Story.objects.get()
    assert story.text == "Sinds de groep wandel ik elke dag."
    assert story.participant == reg_a.participant and story.recorded_by == client.user
    assert story.region == region_a and story.recorded_on == timezone.localdate()
    assert AccessEvent.objects.filter(action="create", subject_type="story").exists()


def test_without_story_consent_nothing_is_saved_and_the_field_says_why(client_for, reg_a):
    client = client_for("coordinator")
    page = client.get(url(reg_a)).content.decode()
    assert "nog niet (of niet meer) toestemming" in page
    response = client.post(url(reg_a), {"text": "Fijn"})
    assert response.status_code == 200 and not Story.objects.exists()
    assert "Leg die toestemming eerst vast" in response.content.decode()


def test_empty_quote_is_refused(client_for, region_a, reg_a):
    consent_to_story(reg_a.participant, make_user("coordinator", region_a))
    response = client_for("coordinator").post(url(reg_a), {"text": ""})
    assert response.status_code == 200 and not Story.objects.exists()


@pytest.mark.parametrize("role", ["professional", "physician", "funder", "researcher", "host"])
def test_other_roles_get_403(client_for, reg_a, role):
    client = client_for(role)
    assert client.get(url(reg_a)).status_code == 403
    assert client.get("/followups/stories/").status_code == 403


def test_other_region_is_404(client_for, region_b):
    starts = timezone.now() - dt.timedelta(weeks=8)
    session = make_consultation(region_b, starts_at=starts, status="held")
    reg_b = make_station_registration(session, participant=make_participant(region_b))
    give(reg_b.participant, "contact_by_health_champion", make_user("coordinator", region_b))
    assert client_for("coordinator").get(url(reg_b)).status_code == 404


def test_anonymous_is_sent_to_login(client, reg_a):
    assert client.get(url(reg_a)).url.startswith("/account/login")
    assert client.get("/followups/stories/").url.startswith("/account/login")


def test_list_shows_whether_a_story_goes_into_the_report(client_for, region_a):
    coordinator = make_user("coordinator", region_a)
    kept = make_story(make_participant(region_a, family_name="Bakker"), coordinator, text="Blij")
    gone = make_story(make_participant(region_a, family_name="Visser"), coordinator, text="Weg")
    withdraw(gone.participant.consents.get(purpose="share_story"), coordinator)
    client = client_for("coordinator")
    page = client.get("/followups/stories/").content.decode()
    assert "Bakker" in page and "Visser" in page
    assert "Nee: geen toestemming" in page
    logged = AccessEvent.objects.filter(action="list", subject_type="story")
    assert {e.participant_id for e in logged} >= {kept.participant.public_id}
    assert client.get("/followups/stories/?page=2").status_code == 200


def test_health_champion_lists_only_people_who_agreed_to_be_contacted(client_for, region_a):
    coordinator = make_user("coordinator", region_a)
    make_story(make_participant(region_a, family_name="Bakker"), coordinator)
    page = client_for("health_champion").get("/followups/stories/").content.decode()
    assert "Bakker" not in page


def test_withdrawn_consent_takes_the_story_out_of_the_report(region_a):
    coordinator = make_user("coordinator", region_a)
    story = make_story(make_participant(region_a), coordinator, text="Ik voel me fitter.")
    assert story_report_list(region=region_a) == [("Ik voel me fitter.", story.recorded_on)]
    withdraw(story.participant.consents.get(purpose="share_story"), coordinator)
    assert story_report_list(region=region_a) == []
    consent_to_story(story.participant, coordinator)  # given again: back in
    assert len(story_report_list(region=region_a)) == 1


def test_report_list_is_per_region_and_period(region_a, region_b):
    story = make_story(make_participant(region_a), make_user("coordinator", region_a))
    make_story(make_participant(region_b), make_user("coordinator", region_b), text="B")
    day = story.recorded_on
    assert [t for t, _d in story_report_list(region=region_a)] == [story.text]
    assert story_report_list(region=region_a, start=day + dt.timedelta(days=1)) == []
    assert story_report_list(region=region_a, end=day - dt.timedelta(days=1)) == []


def test_story_list_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    coordinator = make_user("coordinator", region_a)
    client = client_for("coordinator")
    make_story(make_participant(region_a), coordinator)
    with django_assert_max_num_queries(14):
        client.get("/followups/stories/")
    for _ in range(5):
        make_story(make_participant(region_a), coordinator)
    with django_assert_max_num_queries(14):
        client.get("/followups/stories/")
