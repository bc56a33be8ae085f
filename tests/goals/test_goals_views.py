"""Personal goal: cast tests, a new version per edit with history, concurrent edits caught."""

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.goals.models import Goal
from groepsconsult.goals.selectors import goal_current_for_trajectory
from tests.factories.backbone import make_consultation, make_professional
from tests.factories.questionnaires import make_goal, make_registration

PERMITTED = ["professional", "coordinator", "physician", "administrator"]
FORBIDDEN = ["host", "funder", "researcher", "health_champion", "gp_practice", "privacy_officer"]


@pytest.fixture
def reg_a(region_a):
    return make_registration(region=region_a, day_number=3)


def edit_url(reg):
    return f"/goals/r/{reg.public_id}/"


def start_url(reg):
    return f"/goals/?consultation={reg.consultation.public_id}"


def goal_data(**kw):
    return {"pillar": "exercise", "goal_text": "Elke dag wandelen", "learning_stage": "ci", **kw}


@pytest.mark.parametrize("role", PERMITTED)
def test_permitted_roles_open_the_pages(role, client_for, reg_a):
    client = client_for(role)
    assert client.get(edit_url(reg_a)).status_code == 200
    assert client.get(start_url(reg_a)).status_code == 200


@pytest.mark.parametrize("role", FORBIDDEN)
def test_other_roles_are_forbidden(role, client_for, reg_a):
    client = client_for(role)
    assert client.get(edit_url(reg_a)).status_code == 403
    assert client.post(edit_url(reg_a), goal_data()).status_code == 403
    assert client.get(start_url(reg_a)).status_code == 403


def test_another_regions_registration_is_404(client_for, region_b):
    theirs = make_registration(region=region_b)
    client = client_for("professional")
    assert client.get(edit_url(theirs)).status_code == 404
    assert client.post(edit_url(theirs), goal_data()).status_code == 404
    assert client.get(start_url(theirs)).status_code == 404
    assert not Goal.objects.exists()


def test_anonymous_is_sent_to_login(client, reg_a):
    for url in (edit_url(reg_a), start_url(reg_a)):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_pick_by_day_number_opens_the_goal(client_for, reg_a):
    response = client_for("professional").post(
        "/goals/", {"consultation": reg_a.consultation.public_id, "day_number": 3}
    )
    assert response["Location"] == edit_url(reg_a)


def test_record_a_goal_with_the_logged_in_professional_as_default(client_for, reg_a, region_a):
    client = client_for("professional")
    me = make_professional(region_a, name="Saida Coach")
    client.user.memberships.update(professional=me)
    page = client.get(edit_url(reg_a)).content.decode()
    assert f'<option value="{me.pk}" selected>' in page
    response = client.post(edit_url(reg_a), goal_data(professional=me.pk))
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert goal.professional == me and goal.recorded_by == client.user
    assert goal.consultation == reg_a.consultation
    assert AccessEvent.objects.filter(subject_type="goal", action="create").exists()


def test_an_edit_adds_a_version_and_keeps_the_history(client_for, reg_a, region_a):
    client = client_for("professional")
    trajectory = reg_a.participant.trajectories.get()
    first = make_goal(trajectory, goal_text="Minder suiker")
    follow_up = make_registration(make_consultation(region_a, kind="return"), reg_a.participant)
    client.post(
        edit_url(follow_up),
        goal_data(goal_text="Twee keer per week zwemmen", previous=first.public_id),
    )
    current = goal_current_for_trajectory(trajectory=trajectory)
    assert current.goal_text == "Twee keer per week zwemmen" and current.previous == first
    assert current.consultation == follow_up.consultation
    page = client.get(edit_url(follow_up)).content.decode()
    assert "Minder suiker" in page and "Twee keer per week zwemmen" in page


def test_a_concurrent_edit_is_refused_not_lost(client_for, reg_a):
    client = client_for("professional")
    trajectory = reg_a.participant.trajectories.get()
    seen = make_goal(trajectory, goal_text="Wandelen")
    make_goal(trajectory, goal_text="Fietsen", previous=seen)  # a colleague saved meanwhile
    response = client.post(edit_url(reg_a), goal_data(previous=seen.public_id))
    assert response.status_code == 200
    assert "intussen gewijzigd" in response.content.decode()
    assert Goal.objects.count() == 2


def test_missing_goal_text_is_a_clear_message(client_for, reg_a):
    response = client_for("professional").post(edit_url(reg_a), goal_data(goal_text=""))
    assert "Schrijf het doel op in de woorden van de deelnemer." in response.content.decode()
    assert not Goal.objects.exists()


def test_a_professional_of_another_region_cannot_be_chosen(client_for, reg_a, region_b):
    other = make_professional(region_b)
    client_for("professional").post(edit_url(reg_a), goal_data(professional=other.pk))
    assert not Goal.objects.exists()


def test_saving_the_same_goal_twice_adds_no_empty_version(client_for, reg_a):
    client = client_for("professional")
    client.post(edit_url(reg_a), goal_data())
    goal = Goal.objects.get()
    client.post(edit_url(reg_a), goal_data(previous=goal.public_id))
    assert Goal.objects.count() == 1


def test_goal_page_query_count_does_not_grow(client_for, reg_a, django_assert_max_num_queries):
    client = client_for("professional")
    trajectory = reg_a.participant.trajectories.get()
    make_goal(trajectory)
    with django_assert_max_num_queries(16) as ctx:
        client.get(edit_url(reg_a))
    previous = None
    for n in range(6):
        previous = make_goal(trajectory, goal_text=f"Doel {n}", previous=previous)
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        client.get(edit_url(reg_a))
