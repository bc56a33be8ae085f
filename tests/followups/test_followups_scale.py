"""The worklist and the review list at any scale (issue 12): built in SQL, paginated, the same
number of queries for 3 rows and for 40, the access log only for the rows on the page; and the
rules they compute in SQL (trajectory due date, short lines, caps, lost to follow-up)."""

import datetime as dt

import pytest
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.followups.models import FollowUpAttempt
from groepsconsult.handovers.models import Signal
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_neighbourhood, make_user
from tests.factories.questionnaires import make_response
from tests.followups.test_followups import contactable, session

TODAY = timezone.localdate()
CALLS = "/followups/calls/"
REVIEW = "/followups/review/"


def money_worries(registration):
    make_response(registration, "social_risks", {"money_worries": "yes"}, finish=False)


def attempt(registration, outcome, *, days_ago=1, retry_on=None):
    return FollowUpAttempt.objects.create(
        region=registration.consultation.region,
        participant=registration.participant,
        consultation=registration.consultation,
        outcome=outcome,
        retry_on=retry_on or (TODAY - dt.timedelta(days=1) if outcome == "no_answer" else None),
        called_at=timezone.now() - dt.timedelta(days=days_ago),
        called_by=make_user("health_champion", registration.consultation.region),
    )


def signal(participant, n):
    return Signal.objects.create(
        region=participant.region,
        participant=participant,
        kind=Signal.Kind.NEEDS_HELP,
        key=f"test-{participant.pk}-{n}",
        raised_at=timezone.now(),
    )


def add_calls(region, n, *, weeks_ago=8):
    """n open calls in a new session, mixed: short lines, earlier attempts, a due date."""
    consultation = session(region, weeks_ago)
    rows = [contactable(region, consultation) for _ in range(n)]
    for i, reg in enumerate(rows):
        if i % 3 == 0:
            money_worries(reg)
        if i % 3 == 1:
            attempt(reg, "no_answer")
        if i % 3 == 2:
            reg.participant.trajectories.update(follow_up_call_due=TODAY + dt.timedelta(days=i))
    return rows


def items_of(client, url=CALLS):
    return client.get(url).context["items"]


def test_worklist_query_count_is_the_same_for_3_and_40_calls(
    client_for, region_a, django_assert_max_num_queries, django_assert_num_queries
):
    add_calls(region_a, 3)
    client = client_for("health_champion")
    client.get(CALLS)  # the first request of a session does its own bookkeeping
    with django_assert_max_num_queries(20) as small:
        assert len(items_of(client)) == 3
    count = len(small.captured_queries)
    for weeks_ago in (7, 9, 11):
        add_calls(region_a, 12, weeks_ago=weeks_ago)
    with django_assert_num_queries(count):
        assert len(items_of(client)) == 25  # the first page of 39
    with django_assert_num_queries(count):
        assert len(items_of(client, f"{CALLS}?page=2")) == 14


def test_worklist_pages_are_ordered_by_due_date_and_only_the_page_is_logged(client_for, region_a):
    add_calls(region_a, 30)
    client = client_for("health_champion")
    before = AccessEvent.objects.filter(subject_type="followup").count()
    first, second = items_of(client), items_of(client, f"{CALLS}?page=2")
    assert len(first) == 25 and len(second) == 5
    days = [i.due_on for i in first + second]
    assert days == sorted(days)
    logged = AccessEvent.objects.filter(subject_type="followup").count() - before
    assert logged == 30  # one row per participant shown, page by page
    assert client.get(f"{CALLS}?page=zzz").status_code == 200


def test_short_lines_are_due_at_six_weeks_and_get_five_attempts(client_for, region_a):
    reg = contactable(region_a, session(region_a, 8))
    money_worries(reg)
    day = reg.consultation.starts_at.astimezone(dt.UTC).date()
    for _ in range(3):
        attempt(reg, "no_answer")
    client = client_for("health_champion")
    [item] = items_of(client)
    assert item.short_lines and item.max_attempts == 5 and item.attempts == 3
    assert item.due_on == day + dt.timedelta(weeks=6)
    assert item.last_outcome_label == "Geen gehoor"
    url = f"/followups/calls/{reg.public_id}/"
    client.post(url, {"outcome": "no_answer", "retry_on": TODAY})
    assert FollowUpAttempt.objects.filter(participant=reg.participant).count() == 4


def test_without_short_lines_three_attempts_end_the_call(client_for, region_a):
    reg = contactable(region_a, session(region_a, 8))
    day = reg.consultation.starts_at.astimezone(dt.UTC).date()
    client = client_for("health_champion")
    attempt(reg, "no_answer", days_ago=3)
    [item] = items_of(client)
    assert item.due_on == day + dt.timedelta(weeks=7) and item.max_attempts == 3
    attempt(reg, "no_answer", days_ago=2)
    attempt(reg, "no_answer", days_ago=1)
    assert items_of(client) == []


def test_the_due_date_comes_from_the_trajectory_of_this_session_else_the_latest(
    client_for, region_a
):
    reg = contactable(region_a, session(region_a, 8))
    person, consultation = reg.participant, reg.consultation
    person.trajectories.all().delete()
    linked = TODAY + dt.timedelta(days=3)
    Trajectory.objects.create(
        participant=person,
        baseline_consultation=consultation,
        started_on=TODAY - dt.timedelta(days=60),
        follow_up_call_due=linked,
    )
    newer = Trajectory.objects.create(
        participant=person, started_on=TODAY, follow_up_call_due=TODAY + dt.timedelta(days=9)
    )
    client = client_for("health_champion")
    assert items_of(client)[0].due_on == linked
    Trajectory.objects.filter(baseline_consultation=consultation).update(baseline_consultation=None)
    assert items_of(client)[0].due_on == newer.follow_up_call_due


def test_review_list_query_count_is_the_same_for_3_and_40_participants(
    client_for, region_a, django_assert_max_num_queries, django_assert_num_queries
):
    def grow(n):
        consultation = session(region_a, 8)
        for i in range(n):
            reg = contactable(region_a, consultation, neighbourhood=make_neighbourhood(region_a))
            attempt(reg, "moved_away" if i % 2 else "no_answer")
            signal(reg.participant, i)
            signal(reg.participant, i + 1000)

    grow(3)
    client = client_for("coordinator")
    client.get(REVIEW)  # the first request of a session does its own bookkeeping
    with django_assert_max_num_queries(20) as small:
        assert len(client.get(REVIEW).context["rows"]) == 3
    count = len(small.captured_queries)
    grow(37)
    with django_assert_num_queries(count):
        rows = client.get(REVIEW).context["rows"]
    assert len(rows) == 40 and all(len(r.signals) == 2 for r in rows)
    names = [(str(r.participant.neighbourhood), r.participant.family_name) for r in rows]
    assert names == sorted(names)


def test_review_list_no_answer_after_every_attempt_is_lost(client_for, region_a):
    reg = contactable(region_a, session(region_a, 8))
    short = contactable(region_a, reg.consultation)
    money_worries(short)
    for days_ago in (3, 2, 1):
        attempt(reg, "no_answer", days_ago=days_ago)
        attempt(short, "no_answer", days_ago=days_ago)
    rows = {r.participant.pk: r for r in client_for("coordinator").get(REVIEW).context["rows"]}
    assert rows[reg.participant.pk].lost_reason == "Geen gehoor"
    assert rows[short.participant.pk].lost_reason == ""  # short lines: 5 attempts
    assert rows[short.participant.pk].unanswered == 3


def test_review_list_filters_by_neighbourhood_and_ignores_a_bad_filter(client_for, region_a):
    consultation = session(region_a, 8)
    north, south = make_neighbourhood(region_a), make_neighbourhood(region_a)
    here = contactable(region_a, consultation, neighbourhood=north)
    there = contactable(region_a, consultation, neighbourhood=south)
    attempt(here, "declined")
    attempt(there, "wrong_number")
    client = client_for("coordinator")
    page = client.get(f"{REVIEW}?neighbourhood={north.public_id}").content.decode()
    assert here.participant.family_name in page and there.participant.family_name not in page
    assert north.name in page and str(FollowUpAttempt.Outcome.DECLINED.label) in page
    everyone = client.get(f"{REVIEW}?neighbourhood=not-a-uuid")
    assert everyone.status_code == 200 and len(everyone.context["rows"]) == 2


def test_review_list_leaves_out_people_the_user_may_not_see(client_for, region_a, region_b):
    theirs = contactable(region_b, session(region_b, 8))
    attempt(theirs, "moved_away")
    signal(theirs.participant, 1)
    assert client_for("coordinator").get(REVIEW).context["rows"] == []


@pytest.mark.parametrize("url", [CALLS, REVIEW])
def test_an_empty_list_writes_no_access_event(client_for, url):
    listed = AccessEvent.objects.filter(subject_type__in=["followup", "review"])
    assert client_for("coordinator").get(url).status_code == 200
    assert not listed.exists()
