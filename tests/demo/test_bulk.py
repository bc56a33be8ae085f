"""demo.bulk writes what the ORM would read back, on SQLite (executemany) and PostgreSQL (COPY
text, where tabs, newlines and backslashes must be escaped), in line or on the writer thread."""

import random
import uuid

import pytest
from django.utils import timezone

from groepsconsult.demo.bulk import IdBlock, Writer, bulk_insert, uuid_from, uuid_hex
from groepsconsult.finance.models import FinanceEvent
from groepsconsult.regions.models import Region

pytestmark = pytest.mark.django_db(transaction=False)
AWKWARD = "tab\there, back\\slash, new\nline, \\N and 'quotes'"


def test_awkward_text_json_booleans_and_nulls_survive_the_round_trip():
    now = timezone.now()
    region_id = IdBlock(Region).take()
    written = bulk_insert(
        Region,
        [
            {
                "id": region_id,
                "name": AWKWARD,
                "slug": "bulk-awkward",
                "is_active": False,
                "created_at": now,
                "updated_at": now,
            }
        ],
    )
    assert written == 1
    region = Region.objects.get(pk=region_id)
    assert (region.name, region.is_active, region.created_at) == (AWKWARD, False, now)
    assert region.follow_up_call_weeks == 6  # a missing field gets the model's default
    changes = {"description": [None, AWKWARD], "ok": True}
    subject = uuid_hex(random.Random(3))
    event_id = IdBlock(FinanceEvent).take()
    Writer().write([])  # nothing to write is fine
    writer = Writer()
    row = {"id": event_id, "region_id": region_id, "subject_type": "budgetline"}
    row |= {"subject_id": subject, "by": AWKWARD, "at": now, "changes": changes}
    writer.write([(FinanceEvent, [row])])
    writer.wait()
    event = FinanceEvent.objects.get(pk=event_id)
    assert (event.changes, event.subject_id, event.by) == (changes, uuid.UUID(subject), AWKWARD)


def test_hex_uuids_are_the_version_4_uuids_of_the_same_draw():
    for seed in range(20):
        assert uuid_hex(random.Random(seed)) == uuid_from(random.Random(seed)).hex
        assert uuid.UUID(uuid_hex(random.Random(seed))).version == 4


def _trajectory_row(participant_id):
    from groepsconsult.trajectories.models import Trajectory

    now = timezone.now()
    return Trajectory, {
        "id": IdBlock(Trajectory).take(),
        "public_id": uuid.uuid4(),
        "participant_id": participant_id,
        "status": "registered",
        "started_on": now.date(),
        "created_at": now,
        "updated_at": now,
    }


def test_foreign_keys_are_checked_once_after_the_load_and_a_dangling_one_is_refused(region_a):
    """On PostgreSQL (as a superuser) the per-row checks are off inside the block and one
    anti-join per key checks the new rows at its end; elsewhere the database checks as usual."""
    from django.db import IntegrityError, connection, transaction

    from groepsconsult.demo.bulk import foreign_keys_checked_after
    from tests.factories.backbone import make_participant

    person = make_participant(region_a)
    model, good = _trajectory_row(person.pk)
    with transaction.atomic(), foreign_keys_checked_after({model: good["id"]}):
        bulk_insert(model, [good])
    assert model.objects.filter(participant=person).exists()
    if connection.vendor != "postgresql":
        return  # SQLite's own deferred check is a counter at commit: nothing to replace
    with connection.cursor() as cursor:
        cursor.execute("SHOW session_replication_role")
        assert cursor.fetchone()[0] == "origin"  # back to per-row checks after the block
    model, dangling = _trajectory_row(person.pk + 10_000)
    refused = pytest.raises(IntegrityError, match="participant_id")
    with refused, transaction.atomic(), foreign_keys_checked_after({model: dangling["id"]}):
        bulk_insert(model, [dangling])
    assert not model.objects.filter(pk=dangling["id"]).exists()
