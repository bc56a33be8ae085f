"""The national dashboard (every region combined, no filter) costs the same for more people:
the same queries, and (on PostgreSQL, from EXPLAIN ANALYZE) no query reads more rows when three
times as many people come to the same sessions. The panels that used to count the facts at
request time (equity groups in the combined-regions guard, hand-overs, drop-out reasons) read
their pre-aggregates (`panels.py`), whose rows follow regions, days and groups, not people.

Not covered here: the experience answers are still read per answer (no answers are planted)."""

import datetime as dt
import itertools
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groepsconsult.accounts.models import Membership
from groepsconsult.handovers.models import Handover
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.participants.models import ParticipantBackground
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_consultation, make_location, make_neighbourhood
from tests.factories.backbone import make_participant as new_participant
from tests.factories.documents import make_measurement, make_registration
from tests.factories.handovers import make_handover

FIRST = dt.datetime(2025, 3, 10, 10, 0, tzinfo=dt.UTC)
BACK = dt.datetime(2025, 9, 10, 10, 0, tzinfo=dt.UTC)
# Every group a person can fall in comes round within 12 people, so more people add no group.
STATUSES = ("returned", "stopped", "lost", "follow_up", "baseline_done", "returned")
REASONS = {"stopped": "verhuisd", "lost": "niet bereikbaar"}
ANSWERS = (("11", "1", "1"), ("212", "4", "3"), ("31", "2", "2"))
LANGUAGES = ("nl", "tr", "ar", "en")
ANSWERS_TABLE = "questionnaires_answer"
SCANS = ("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan")


def sessions(region, code):
    location = make_location(region, make_neighbourhood(region, cbs_code=code, name=code))
    first = make_consultation(region, location=location, starts_at=FIRST, status="held")
    back = make_consultation(region, location=location, starts_at=BACK, kind="return")
    return first, back


def crowd(region, first, back, people, start):
    """`people` more participants in the same two sessions, each group coming round."""
    for i in range(start, start + people):
        person = new_participant(
            region,
            sex=("female", "male")[i % 2],
            preferred_language=LANGUAGES[i % 4],
            date_of_birth=dt.date(1950 + 7 * (i % 6), 3, 1),
        )
        ParticipantBackground.objects.create(
            participant=person,
            **dict(
                zip(("education", "help_reading", "self_rated_health"), ANSWERS[i % 3], strict=True)
            ),
        )
        reg = make_registration(first, person, attendance="present", checked_in_at=FIRST)
        make_measurement(reg, "systolic", 120 + i % 40)
        status = STATUSES[i % 6]
        Trajectory.objects.create(
            participant=person,
            status=status,
            stop_reason=REASONS.get(status, ""),
            baseline_consultation=first,
            return_consultation=back if status == "returned" else None,
            follow_up_call_due=FIRST.date() + dt.timedelta(weeks=6),
            started_on=FIRST.date(),
        )
        if status == "returned":
            make_measurement(make_registration(back, person), "systolic", 118 + i % 40)
        if i % 6 == 0:
            handover = make_handover(region, participant=person)
            if i % 12:
                Handover.objects.filter(pk=handover.pk).update(status="completed")


def rows_read(sql):
    """Rows the scans of one query read (returned and filtered away), from EXPLAIN ANALYZE.
    Sequential scans are switched off for the plan: on these few rows PostgreSQL would read a
    whole small table where on a grown one it takes the index, and that would measure the
    table, not the query."""
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
        cursor.execute("RESET enable_seqscan")
    plan = json.loads(plan) if isinstance(plan, str) else plan
    total, nodes = 0, [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        if node["Node Type"] in SCANS:
            read = node["Actual Rows"] + node.get("Rows Removed by Filter", 0)
            total += read * node["Actual Loops"]
        nodes.extend(node.get("Plans", []))
    return total


def national(client):
    """[(SQL shape, rows read or None)] of one GET of the national dashboard."""
    client.get("/monitoring/?combined=1")  # the first request of a login saves its session
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the statistics a grown database has (autovacuum)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/monitoring/?combined=1")
    assert response.status_code == 200
    assert "alleen getoond" not in response.content.decode()  # combined, not one region
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    postgres = connection.vendor == "postgresql"
    return [(shape(sql), rows_read(sql) if postgres else None) for sql in selects]


def shape(sql):
    """The query without its values (times such as "six months ago" move between requests)."""
    return re.sub(r"'[^']*'|\b\d+(\.\d+)?\b", "?", sql)


@pytest.mark.django_db
def test_national_dashboard_reads_no_more_rows_for_three_times_the_people(
    client_for, region_a, region_b
):
    pairs = [
        (region, sessions(region, f"BU0000000{i}")) for i, region in enumerate((region_a, region_b))
    ]
    count = itertools.count()
    for region, (first, back) in pairs:
        crowd(region, first, back, 30, next(count) * 1000)
    facts_rebuild()
    client = client_for("funder")
    Membership.objects.create(user=client.user, region=region_b, role="funder")
    small = national(client)
    for region, (first, back) in pairs:
        crowd(region, first, back, 60, next(count) * 1000)
    facts_rebuild()
    grown = national(client)
    assert [shape for shape, _rows in grown] == [shape for shape, _rows in small]
    reads_facts = [shape for shape, _rows in grown if "monitoring_trajectoryfact" in shape]
    # Only the cut-off day of "return due" (six months ago today) is read from the facts.
    assert len(reads_facts) <= 1
    if connection.vendor == "postgresql":
        grew = [
            (s[:120], a, b)
            for (s, a), (_s, b) in zip(small, grown, strict=True)
            if b > a and ANSWERS_TABLE not in s  # the experience answers: not pre-aggregated
        ]
        assert not grew
