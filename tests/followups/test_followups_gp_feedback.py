"""A follow-up call that changed something (more help needed, goal reached) sends GP feedback
for the "after the follow-up call" step: only with consent to share with the own GP, only to
that practice; a call that changed nothing sends none."""

import datetime as dt

import pytest
from django.utils import timezone

from groepsconsult.gpfeedback.models import GpFeedback
from tests.factories.backbone import make_consultation, make_user
from tests.factories.consent import give
from tests.factories.gpfeedback import make_measured_patient, make_practice


@pytest.fixture
def practice(region_a):
    return make_practice(region_a)


def called_patient(region, practice, *, gp_consent=True):
    started = timezone.now() - dt.timedelta(weeks=8)
    session = make_consultation(region, starts_at=started, status="held")
    registration = make_measured_patient(
        region, practice=practice, consent=gp_consent, consultation=session
    )
    give(registration.participant, "contact_by_health_champion", make_user("coordinator", region))
    return registration


def call(client, registration, **talk):
    data = {"outcome": "reached", "goal_progress": "some", **talk}
    return client.post(f"/followups/calls/{registration.public_id}/", data)


def test_needs_help_sends_feedback_to_the_own_practice(client_for, region_a, practice):
    registration = called_patient(region_a, practice)
    response = call(client_for("health_champion"), registration, needs_help="on")
    assert response.status_code == 302
    feedback = GpFeedback.objects.get()
    assert feedback.step == "follow_up_call" and feedback.practice == practice
    assert feedback.participant == registration.participant
    assert "Nabelgesprek" in feedback.letter_html
    assert "vroeg om meer hulp" in feedback.letter_html


def test_a_reached_goal_sends_feedback(client_for, region_a, practice):
    registration = called_patient(region_a, practice)
    call(client_for("health_champion"), registration, goal_progress="achieved")
    assert GpFeedback.objects.get().step == "follow_up_call"


def test_a_call_that_changed_nothing_sends_none(client_for, region_a, practice):
    registration = called_patient(region_a, practice)
    call(client_for("health_champion"), registration)
    assert not GpFeedback.objects.exists()


def test_no_feedback_without_consent_to_share_with_the_gp(client_for, region_a, practice):
    registration = called_patient(region_a, practice, gp_consent=False)
    response = call(client_for("health_champion"), registration, needs_help="on")
    assert response.status_code == 302  # the call itself is saved
    assert not GpFeedback.objects.exists()
