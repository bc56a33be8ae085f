"""Two refreshes of one session at the same moment (two places taken, two tablets saving) on
PostgreSQL: the second waits for the first and then counts both, instead of failing on the
session facts' key or leaving the rollup with the session twice. SQLite writes one at a time."""

import threading
import time

from django.db import connection, connections, transaction
from django.utils import timezone

from groepsconsult.monitoring.models import FactRollup, SessionFact
from groepsconsult.monitoring.services import facts_refresh
from groepsconsult.monitoring.session_facts import sessions_refresh
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_participant, make_region
from tests.factories.registrations import make_open_consultation


def at_once(first, second):
    """Run `first` in a transaction that stays open until `second` has started its own.

    SQLite lets one writer at a time in (a second BEGIN IMMEDIATE waits on a file database); the
    in-memory test database fails the waiting writer at once instead, so there the two run in
    turn, and the test still proves both places count once each."""
    if connection.vendor == "sqlite":
        for step in (first, second):
            with transaction.atomic():
                step()
        return
    started, errors = threading.Event(), []

    def run(step, hold):
        try:
            with transaction.atomic():
                step()
                if hold:
                    started.wait(5)
                    time.sleep(0.5)  # the other is now waiting on us, or writing around us
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    one = threading.Thread(target=run, args=(first, True))
    one.start()
    time.sleep(0.3)
    two = threading.Thread(target=lambda: (started.set(), run(second, False)))
    two.start()
    one.join(10)
    two.join(10)
    assert errors == []


def place(session, participant):
    Registration.objects.create(consultation=session, participant=participant, channel="self")
    trajectory = Trajectory.objects.create(
        participant=participant,
        baseline_consultation=session,
        started_on=timezone.localdate(session.starts_at),
    )
    sessions_refresh([session.pk])
    facts_refresh([trajectory.pk])


def test_two_places_taken_at_once_both_count(django_db_serialized_rollback, allow_audit_purge):
    region = make_region(name="Gamma", slug="gamma")
    session = make_open_consultation(region)
    people = [make_participant(region), make_participant(region)]
    at_once(lambda: place(session, people[0]), lambda: place(session, people[1]))
    assert SessionFact.objects.get(consultation=session).registered == 2
    assert list(FactRollup.objects.values_list("people", flat=True)) == [2]
