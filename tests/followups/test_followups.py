"""Follow-up call worklist: consent in the query, the window, short lines first, capped attempts,
"needs help" on the signal list; cast tests and a pinned query count."""

import datetime as dt

import pytest
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.followups.models import FollowUpAttempt
from groepsconsult.handovers.models import Signal
from tests.factories.backbone import make_consultation, make_participant, make_user
from tests.factories.consent import give, withdraw
from tests.factories.measurements import make_station_registration

TODAY = timezone.localdate()


def session(region, weeks_ago):
    starts = timezone.now() - dt.timedelta(weeks=weeks_ago)
    return make_consultation(region, starts_at=starts, status="held")


def contactable(region, consultation, consent=True, **kw):
    person = make_participant(region, **kw)
    registration = make_station_registration(consultation, participant=person)
    if consent:
        give(person, "contact_by_health_champion", make_user("coordinator", region))
    return registration


@pytest.fixture
def reg_a(region_a):
    return contactable(region_a, session(region_a, 8))


def test_champion_sees_only_consenting_participants_in_the_window(client_for, region_a, reg_a):
    early = contactable(region_a, session(region_a, 2))
    late = contactable(region_a, session(region_a, 20))
    no_consent = contactable(region_a, reg_a.consultation, consent=False)
    page = client_for("health_champion").get("/followups/calls/").content.decode()
    assert reg_a.participant.family_name in page
    for other in (early, late, no_consent):
        assert other.participant.family_name not in page


def test_a_withdrawn_consent_leaves_the_worklist_at_once(client_for, region_a, reg_a):
    client = client_for("health_champion")
    consent = reg_a.participant.consents.get(purpose="contact_by_health_champion")
    withdraw(consent, make_user("coordinator", region_a))
    assert reg_a.participant.family_name not in client.get("/followups/calls/").content.decode()
    assert client.get(f"/followups/calls/{reg_a.public_id}/").status_code == 404


def test_opening_a_call_is_logged_by_the_registration_owner_under_the_call_purpose(
    client_for, region_a, reg_a
):
    no_consent = contactable(region_a, reg_a.consultation, consent=False)
    client = client_for("health_champion")
    assert client.get(f"/followups/calls/{no_consent.public_id}/").status_code == 404
    assert client.get(f"/followups/calls/{reg_a.public_id}/").status_code == 200
    event = AccessEvent.objects.get(action="view", subject_id=reg_a.public_id)
    assert event.purpose == Purpose.FOLLOW_UP_CALL and event.subject_type == "registration"
    assert event.participant_id == reg_a.participant.public_id
    assert not AccessEvent.objects.filter(subject_id=no_consent.public_id).exists()


def test_no_answer_needs_a_retry_date_and_hides_until_then(client_for, reg_a):
    client = client_for("health_champion")
    url = f"/followups/calls/{reg_a.public_id}/"
    response = client.post(url, {"outcome": "no_answer"})
    assert response.status_code == 200 and not FollowUpAttempt.objects.exists()
    retry = TODAY + dt.timedelta(days=2)
    assert client.post(url, {"outcome": "no_answer", "retry_on": retry}).status_code == 302
    assert reg_a.participant.family_name not in client.get("/followups/calls/").content.decode()


def test_attempts_are_capped(client_for, reg_a):
    client = client_for("health_champion")
    url = f"/followups/calls/{reg_a.public_id}/"
    for _ in range(3):
        client.post(url, {"outcome": "no_answer", "retry_on": TODAY - dt.timedelta(days=1)})
    response = client.post(url, {"outcome": "reached"})
    assert response.status_code == 200 and FollowUpAttempt.objects.count() == 3


def test_reached_with_needs_help_raises_a_signal(client_for, reg_a):
    client = client_for("health_champion")
    response = client.post(
        f"/followups/calls/{reg_a.public_id}/",
        {"outcome": "reached", "goal_progress": "some", "needs_help": "on", "note": "Geldzorgen"},
    )
    assert response.status_code == 302
    signal = Signal.objects.get(kind="needs_help")
    assert signal.participant == reg_a.participant and signal.detail == "Geldzorgen"
    page = client.get("/followups/calls/").content.decode()
    assert reg_a.participant.family_name not in page  # reached: finished


@pytest.mark.parametrize("role", ["host", "funder", "gp_practice", "offer_partner"])
def test_other_roles_get_403(role, client_for, reg_a):
    client = client_for(role)
    assert client.get("/followups/calls/").status_code == 403
    assert client.get(f"/followups/calls/{reg_a.public_id}/").status_code == 403


def test_another_region_is_404(client_for, region_b):
    theirs = contactable(region_b, session(region_b, 8))
    client = client_for("coordinator")
    assert client.get(f"/followups/calls/{theirs.public_id}/").status_code == 404
    assert (
        client.post(f"/followups/calls/{theirs.public_id}/", {"outcome": "reached"}).status_code
        == 404
    )


def test_anonymous_is_sent_to_login(client, reg_a):
    response = client.get("/followups/calls/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_query_count_does_not_grow(client_for, region_a, reg_a, django_assert_max_num_queries):
    client = client_for("health_champion")
    with django_assert_max_num_queries(20) as few:
        assert client.get("/followups/calls/").status_code == 200
    for _ in range(4):
        contactable(region_a, reg_a.consultation)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/followups/calls/").status_code == 200


def test_review_list_shows_signals_unanswered_and_lost(client_for, region_a, reg_a):
    champion = client_for("health_champion")
    lost = contactable(region_a, reg_a.consultation)
    champion.post(f"/followups/calls/{lost.public_id}/", {"outcome": "moved_away"})
    champion.post(
        f"/followups/calls/{reg_a.public_id}/",
        {"outcome": "no_answer", "retry_on": TODAY + dt.timedelta(days=1)},
    )
    quiet = contactable(region_a, reg_a.consultation)
    page = client_for("coordinator").get("/followups/review/").content.decode()
    assert lost.participant.family_name in page and "Verhuisd" in page
    assert reg_a.participant.family_name in page
    assert quiet.participant.family_name not in page


@pytest.mark.parametrize("role", ["health_champion", "professional", "host"])
def test_review_list_is_for_the_coordinating_team(role, client_for):
    assert client_for(role).get("/followups/review/").status_code == 403


def test_review_list_query_count(client_for, region_a, reg_a, django_assert_max_num_queries):
    champion = client_for("health_champion")
    coordinator = client_for("coordinator")

    def no_answer(reg):
        champion.post(
            f"/followups/calls/{reg.public_id}/",
            {"outcome": "no_answer", "retry_on": TODAY + dt.timedelta(days=1)},
        )

    no_answer(reg_a)
    with django_assert_max_num_queries(20) as few:
        assert coordinator.get("/followups/review/").status_code == 200
    count = len(few.captured_queries)  # read now: each request resets the query log
    for _ in range(3):
        no_answer(contactable(region_a, reg_a.consultation))
    with django_assert_max_num_queries(count):
        assert coordinator.get("/followups/review/").status_code == 200


def test_the_trajectorys_due_date_orders_the_list_and_money_worries_come_earlier(
    client_for, region_a, reg_a
):
    later = contactable(region_a, reg_a.consultation)
    trajectory = reg_a.participant.trajectories.get()
    trajectory.follow_up_call_due = TODAY + dt.timedelta(days=20)
    trajectory.save()
    items = client_for("health_champion").get("/followups/calls/").context["items"]
    names = [i.participant.pk for i in items]
    assert names.index(later.participant.pk) < names.index(reg_a.participant.pk)
    assert items[names.index(reg_a.participant.pk)].due_on == trajectory.follow_up_call_due
