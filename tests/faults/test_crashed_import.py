"""A GP import that crashes half-way (the database fails on a later insert) leaves nothing behind:
no participants, trajectories, call-list rows or imported batch. Real transactions, no mocks of
our code: the failure is injected at the database driver with an execute wrapper."""

import pytest
from django.db import OperationalError, connection

from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import import services
from groepsconsult.participants.models import CallListEntry, ImportBatch, Participant
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_organisation
from tests.factories.gp_import import gp_csv, gp_rows

BY = Actor(user_id=None, username="tester", role="coordinator", region_slug="alpha")
Trajectory = Participant.trajectories.rel.related_model  # wherever the model lives


def fail_on(table):
    """A database that dies when it is asked to write into `table`."""

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and table in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    return wrapper


def nothing_written():
    return (
        Participant.objects.count(),
        Trajectory.objects.count(),
        CallListEntry.objects.count(),
        Registration.objects.count(),
        ImportBatch.objects.filter(status="imported").count(),
    ) == (0, 0, 0, 0, 0)


@pytest.mark.parametrize("table", ["participants_calllistentry", "participants_trajectory"])
def test_a_crash_mid_import_leaves_nothing(region_a, allow_audit_purge, table):
    practice = make_organisation(region_a, kind="gp_practice")
    data = gp_csv(gp_rows(40))
    with connection.execute_wrapper(fail_on(table)), pytest.raises(OperationalError):
        services.gp_selection_import(
            region=region_a,
            gp_practice=practice,
            consultation=None,
            file_name="selectie.csv",
            data=data,
            by=BY,
        )
    assert nothing_written()
    assert not ImportBatch.objects.exists()


def test_a_crash_while_confirming_keeps_the_preview_for_another_try(region_a, allow_audit_purge):
    practice = make_organisation(region_a, kind="gp_practice")
    data = gp_csv(gp_rows(25))
    report = services.import_file_check(region=region_a, file_name="s.csv", data=data, by=BY)
    batch = services.import_batch_prepare(
        region=region_a,
        gp_practice=practice,
        consultation=None,
        file_name="s.csv",
        data=data,
        report=report,
        by=BY,
    )
    crash = connection.execute_wrapper(fail_on("participants_calllistentry"))
    with crash, pytest.raises(OperationalError):
        services.import_batch_commit(batch=batch, by=BY)
    assert nothing_written()
    batch.refresh_from_db()
    assert batch.status == "previewed" and batch.upload
    services.import_batch_commit(batch=batch, by=BY)  # the retry imports everything once
    assert Participant.objects.count() == 25 == CallListEntry.objects.count()
