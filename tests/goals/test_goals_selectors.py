from groepsconsult.goals.selectors import goal_current_for_trajectory
from tests.factories.questionnaires import make_goal, make_registration


def test_no_goal_gives_none(region_a):
    trajectory = make_registration(region=region_a).participant.trajectories.get()
    assert goal_current_for_trajectory(trajectory=trajectory) is None


def test_the_latest_version_is_current(region_a):
    trajectory = make_registration(region=region_a).participant.trajectories.get()
    first = make_goal(trajectory, goal_text="Eerst")
    latest = make_goal(trajectory, goal_text="Daarna", previous=first)
    assert goal_current_for_trajectory(trajectory=trajectory) == latest
