"""core.bulk: the lean INSERT of the GP import and the access log, with ids reserved up front."""

import datetime as dt
import uuid

import pytest
from django.db import transaction

from groepsconsult.audit.models import AccessEvent
from groepsconsult.core.bulk import insert_rows, reserve_ids
from groepsconsult.participants.models import Participant, derived_columns
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_participant


def _person(region, pk, given="Bram", family="Bakker"):
    return {
        "id": pk,
        "public_id": uuid.uuid4(),
        "region_id": region.pk,
        "given_name": given,
        "family_name": family,
        "date_of_birth": dt.date(1960, 1, 1),
        "sex": "male",
        **derived_columns(given, family, ""),
    }


def test_reserved_ids_follow_every_id_handed_out_and_related_rows_can_use_them(region_a):
    deleted = make_participant(region_a)
    deleted_pk = deleted.pk
    deleted.delete()  # its id is never handed out again (as the database's own counter)
    with transaction.atomic():
        ids = reserve_ids(Participant, 3)
        insert_rows(Participant, [_person(region_a, pk, given=f"P{pk}") for pk in ids])
        today = dt.date(2026, 1, 1)
        rows = [{"participant_id": pk, "status": "invited", "started_on": today} for pk in ids]
        insert_rows(Trajectory, rows)
    assert ids[0] > deleted_pk and ids == list(range(ids[0], ids[0] + 3))
    people = Participant.objects.filter(pk__in=ids).order_by("pk")
    assert [p.given_name for p in people] == [f"P{pk}" for pk in ids]
    assert all(len(p.public_id.hex) == 32 for p in people)
    trajectories = Trajectory.objects.filter(participant__in=ids)
    assert sorted(t.participant_id for t in trajectories) == ids
    assert len({t.public_id for t in trajectories}) == 3  # a fresh public id per row
    assert all(t.public_id.version == 4 for t in trajectories)
    later = make_participant(region_a)  # the database's counter moved past them
    assert later.pk > ids[-1]


def test_rows_with_different_keys_get_defaults_and_a_given_value_wins(region_a):
    """Rows without the same keys take the per-row path: a missing key gets the default."""
    recorded = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    base = {"action": "view", "subject_type": "x", "purpose": "care coordination"}
    insert_rows(
        AccessEvent,
        [{**base, "username": "a"}, {**base, "username": "b", "ip_address": "10.0.0.1"}],
    )
    first, second = AccessEvent.objects.filter(username__in="ab").order_by("username")
    assert first.ip_address is None and second.ip_address == "10.0.0.1"
    assert first.at == second.at  # one moment for the whole insert (auto_now_add)
    assert first.detail == ""  # the field's default
    assert recorded < first.at


def test_reserving_ids_outside_a_transaction_is_refused_on_sqlite(allow_audit_purge):
    """Outside a transaction (transactional test: the flush after it may clear the log)."""
    from django.db import connection

    if connection.vendor != "sqlite":  # PostgreSQL draws from the sequence: safe anywhere
        assert len(reserve_ids(Participant, 2)) == 2
        return
    with pytest.raises(RuntimeError):
        reserve_ids(Participant, 2)


def test_upsert_overwrites_the_row_with_that_key_and_datetimes_keep_their_moment(region_a):
    """`upsert_on`: a row whose key exists replaces it (the monitoring facts' refresh); an aware
    datetime in any zone is stored as the same moment the ORM would store."""
    with transaction.atomic():
        (pk,) = reserve_ids(Participant, 1)
        insert_rows(Participant, [_person(region_a, pk, given="Eerst")])
        insert_rows(Participant, [_person(region_a, pk, given="Later")], upsert_on="id")
    assert Participant.objects.get(pk=pk).given_name == "Later"
    assert Participant.objects.filter(pk=pk).count() == 1
    moment = dt.datetime(2026, 7, 1, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    base = {"action": "view", "subject_type": "x", "purpose": "care coordination"}
    insert_rows(AccessEvent, [{**base, "username": "zone", "at": moment}])
    assert AccessEvent.objects.get(username="zone").at == moment
