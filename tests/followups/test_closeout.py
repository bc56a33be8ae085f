"""Session close-out: the checklist of loose ends and the team debrief."""

import pytest

from groepsconsult.followups.models import SessionDebrief
from tests.factories.backbone import make_consultation
from tests.factories.handovers import make_handover
from tests.factories.measurements import make_station_registration
from tests.factories.questionnaires import make_goal


@pytest.fixture
def session(region_a):
    return make_consultation(region_a, status="held")


def url(consultation):
    return f"/followups/sessions/{consultation.public_id}/close-out/"


def test_checklist_lists_loose_ends(client_for, region_a, session):
    with_goal = make_station_registration(session)
    make_goal(with_goal.participant.trajectories.get(), consultation=session)
    without_goal = make_station_registration(session)
    proposal = make_handover(region_a, participant=without_goal.participant, request=False)
    page = client_for("coordinator").get(url(session)).content.decode()
    goal_part = page.split("Zonder persoonlijk doel vertrokken")[1].split("Boekje niet geprint")[0]
    assert without_goal.participant.family_name in goal_part
    assert with_goal.participant.family_name not in goal_part
    assert proposal.offer.name in page


def test_debrief_is_recorded_once_and_updated(client_for, session):
    client = client_for("coordinator")
    client.post(url(session), {"well_informed": "partly", "to_change": "Meer tolken"})
    client.post(url(session), {"well_informed": "yes", "to_change": "Meer tolken"})
    debrief = SessionDebrief.objects.get()
    assert debrief.well_informed == "yes" and debrief.to_change == "Meer tolken"


def test_missing_answer_is_a_message(client_for, session):
    response = client_for("coordinator").post(url(session), {"to_change": "x"})
    assert response.status_code == 200 and not SessionDebrief.objects.exists()


@pytest.mark.parametrize("role", ["professional", "health_champion", "host", "offer_partner"])
def test_other_roles_get_403(role, client_for, session):
    assert client_for(role).get(url(session)).status_code == 403


def test_another_region_is_404(client_for, region_b):
    theirs = make_consultation(region_b)
    assert client_for("coordinator").get(url(theirs)).status_code == 404


def test_query_count_does_not_grow(client_for, session, django_assert_max_num_queries):
    client = client_for("coordinator")
    make_station_registration(session)
    with django_assert_max_num_queries(25) as few:
        assert client.get(url(session)).status_code == 200
    count = len(few.captured_queries)
    for _ in range(4):
        make_station_registration(session)
    with django_assert_max_num_queries(count):
        assert client.get(url(session)).status_code == 200
