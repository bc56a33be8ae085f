"""A station save keeps the monitoring figures right (the facts and the rollup end as a rebuild
would leave them) and costs a pinned number of queries, refresh included (issue "Scale and
speed": the refresh was 60% of the save)."""

import pytest
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from groepsconsult.monitoring.models import FactRollup, SessionFact, TrajectoryFact
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_consultation
from tests.factories.measurements import make_station_registration

DATA = {"systolic": "125", "diastolic": "80", "method": "professional"}
URL = "/measurements/entries/{}/?station=care"


def _place(consultation, **attendance):
    """A place at the session with the trajectory that begins there, facts built."""
    registration = make_station_registration(consultation, **attendance)
    Trajectory.objects.filter(participant=registration.participant).update(
        baseline_consultation=consultation,
        status="baseline_done" if attendance else "registered",
        started_on=timezone.localdate(consultation.starts_at),
    )
    return registration


def _present(consultation):
    return _place(consultation, attendance="present", checked_in_at=timezone.now())


def snapshot(model):
    rows = [
        sorted((k, v) for k, v in row.items() if k not in ("id", "refreshed_at"))
        for row in model.objects.values()
    ]
    return sorted(rows, key=repr)


def figures(region):
    """What the dashboard's unfiltered figures add up from the rollup."""
    sums = {"people": Sum("people"), "attended": Sum("attended"), "based": Sum("systolic_based")}
    return FactRollup.objects.filter(region=region).aggregate(**sums)


@pytest.fixture
def session(region_a):
    consultation = make_consultation(region_a)
    places = [_present(consultation) for _ in range(3)] + [_place(consultation)]
    facts_rebuild(region=region_a)
    return consultation, places


@pytest.mark.parametrize("who", [0, 3], ids=["present-already", "ticked-present-by-the-save"])
def test_a_station_save_leaves_the_figures_as_a_rebuild_would(client_for, region_a, session, who):
    consultation, places = session
    registration = places[who]
    assert figures(region_a) == {"people": 4, "attended": 3, "based": 0}
    response = client_for("professional").post(URL.format(registration.public_id), DATA)
    assert response.status_code == 302
    fact = TrajectoryFact.objects.get(participant=registration.participant)
    assert (fact.systolic_base, fact.systolic_base_colour) == (125.0, "green")
    attended = 4 if who == 3 else 3
    assert figures(region_a) == {"people": 4, "attended": attended, "based": 1}
    saved = [snapshot(m) for m in (TrajectoryFact, FactRollup, SessionFact)]
    facts_rebuild(region=region_a)
    assert [snapshot(m) for m in (TrajectoryFact, FactRollup, SessionFact)] == saved


# (place, most queries on SQLite, on PostgreSQL: the rollup's advisory lock, and with the
# door tick the panel pre-aggregates' lock too). Before this
# change 33 and 74: a savepoint pair each for the facts, the rollup and the session facts, and
# two look-ups of the trajectories when the save ticks someone present. The panel
# pre-aggregates add their two small reads (before and after), and the door tick their refresh.
# The door tick also refreshes the session's experience sums (ExperienceRollup: their GROUP BY
# and delete; nothing to insert here), as every session refresh does.
SAVES = [(1, 31, 32), (3, 76, 78)]


@pytest.mark.parametrize(
    ("who", "most", "most_postgresql"), SAVES, ids=["values", "values-and-door-tick"]
)
def test_a_station_save_costs_pinned_queries(
    client_for, session, who, most, most_postgresql, django_assert_max_num_queries
):
    """Values only: the save's 18 (log-in 4, the read and its log row, the view's check, the
    lock, the check under it, the values and their log rows, the transaction and savepoint,
    the session) and the refresh's 11 (the trajectory, its lock, its stored fact, source,
    values, hand-overs, hand-over facts, the fact; the rollup row's delete, GROUP BY and
    insert) and the panel pre-aggregates' two reads. The door tick adds the attendance, the trajectory's two steps with their events
    and log rows, and the session facts."""
    client = client_for("professional")
    consultation, places = session
    client.post(URL.format(places[2].public_id), DATA)  # warm: SQL compiled once per process
    with django_assert_max_num_queries(
        most_postgresql if connection.vendor == "postgresql" else most
    ):
        assert client.post(URL.format(places[who].public_id), DATA).status_code == 302
