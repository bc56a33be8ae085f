"""Issue 10 findings 8 and 14 for the GP selection import."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import import services
from groepsconsult.participants.models import ImportBatch, Participant
from tests.factories.backbone import make_organisation
from tests.factories.gp_import import gp_csv, gp_rows
from tests.participants.test_gp_import_service import prepare

BY = Actor(user_id=None, username="tester", role="coordinator", region_slug="alpha")


@pytest.fixture
def practice(region_a):
    return make_organisation(region_a, kind="gp_practice", name="Praktijk De Linde")


def _import(region, practice, data, report=None):
    return services.gp_selection_import(
        region=region,
        gp_practice=practice,
        consultation=None,
        file_name="s.csv",
        data=data,
        by=BY,
        report=report,
    )


def test_finding_14_two_batches_with_one_person_import_them_once(region_a, practice):
    """Both files were checked before either was imported (two coordinators at once): the
    write re-checks inside its transaction instead of trusting the earlier check."""
    second_data = gp_csv(gp_rows(4))
    stale = services.import_file_check(region=region_a, file_name="s.csv", data=second_data, by=BY)
    _import(region_a, practice, gp_csv(gp_rows(3)))
    second = _import(region_a, practice, second_data, report=stale)
    assert second.new_count == 1
    assert Participant.objects.filter(region=region_a).count() == 4


def test_finding_14_command_says_nobody_new_and_exits_non_zero(tmp_path, region_a, practice):
    path = tmp_path / "selectie.csv"
    path.write_bytes(gp_csv(gp_rows(2)))
    args = (str(path), "--region", "alpha", "--practice", practice.agb_code)
    call_command("import_gp_selection", *args, stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(CommandError) as exc:
        call_command("import_gp_selection", *args, stdout=io.StringIO(), stderr=io.StringIO())
    assert "niemand nieuw" in str(exc.value).lower()
    assert Participant.objects.count() == 2


def test_finding_8_purge_command_deletes_files_older_than_24_hours_in_every_region(
    region_a, region_b, practice
):
    old = prepare(region_a, practice, gp_csv(gp_rows(2)))
    other = prepare(region_b, make_organisation(region_b, kind="gp_practice"), gp_csv(gp_rows(2)))
    fresh = prepare(region_a, practice, gp_csv(gp_rows(3)))
    ImportBatch.objects.filter(pk__in=[old.pk, other.pk]).update(
        created_at=timezone.now() - dt.timedelta(hours=25)
    )
    out = io.StringIO()
    call_command("purge_gp_files", stdout=out)
    assert "purged 2" in out.getvalue()
    for batch in (old, other):
        batch.refresh_from_db()
        assert (batch.status, bytes(batch.upload), batch.report) == ("cancelled", b"", {})
    fresh.refresh_from_db()
    assert bytes(fresh.upload) != b""
