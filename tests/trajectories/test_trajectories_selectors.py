from groepsconsult.trajectories.selectors import trajectory_for_registration
from tests.factories.backbone import make_consultation
from tests.factories.questionnaires import make_registration


def test_the_sessions_own_trajectory_is_chosen(region_a):
    registration = make_registration(region=region_a)
    older = registration.participant.trajectories.get()
    linked = registration.participant.trajectories.create(
        started_on=older.started_on.replace(year=2025),
        baseline_consultation=registration.consultation,
    )
    assert trajectory_for_registration(registration=registration) == linked
    other = make_registration(make_consultation(region_a), registration.participant)
    assert trajectory_for_registration(registration=other) == older  # latest started
