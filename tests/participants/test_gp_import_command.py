"""python manage.py import_gp_selection: same checks, printed; exit 1 when the file is refused."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from groepsconsult.audit.models import AccessEvent
from groepsconsult.participants.models import CallListEntry, ImportBatch, Participant
from tests.factories.backbone import make_organisation, make_participant
from tests.factories.gp_import import gp_csv, gp_row, gp_rows, gp_xlsx


@pytest.fixture
def practice(region_a):
    return make_organisation(region_a, kind="gp_practice", name="Praktijk De Linde")


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_gp_selection", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(path, *args):
    err = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_gp_selection", str(path), *args, stdout=io.StringIO(), stderr=err)
    return exc.value, err.getvalue()


def test_dry_run_prints_counts_and_saves_nothing(tmp_path, region_a, practice):
    make_participant(region_a, family_name="Testpatient1", date_of_birth=dt.date(1951, 2, 2))
    path = tmp_path / "selectie.csv"
    path.write_bytes(gp_csv(gp_rows(4)))
    out, _err = run(path, "--region", "alpha", "--practice", practice.agb_code, "--dry-run")
    assert "Rijen: 4 · nieuw: 3 · dubbel: 1 · foute rijen: 0" in out
    assert "Rij 2: overgeslagen, al deelnemer in deze regio" in out
    assert "Proefdraai: er is niets opgeslagen." in out
    assert Participant.objects.count() == 1 and ImportBatch.objects.count() == 0


def test_import_by_practice_name_and_xlsx(tmp_path, region_a, practice):
    path = tmp_path / "selectie.xlsx"
    path.write_bytes(gp_xlsx(gp_rows(6)))
    out, _err = run(path, "--region", "alpha", "--practice", "praktijk de linde")
    assert "6 deelnemers geïmporteerd" in out
    assert Participant.objects.filter(gp_practice=practice).count() == 6
    assert CallListEntry.objects.count() == 6
    events = AccessEvent.objects.filter(action="create", subject_type="participant")
    assert events.count() == 6 and set(events.values_list("username", flat=True)) == {
        events.first().username
    }
    assert events.first().username.startswith("command:")


def test_bad_rows_exit_non_zero_listing_every_row(tmp_path, region_a, practice):
    rows = gp_rows(5)
    rows[1]["Geboortedatum"] = "31-02-1960"
    rows[3]["Postcode"] = "ABCD"
    path = tmp_path / "selectie.csv"
    path.write_bytes(gp_csv(rows))
    error, err = refused(path, "--region", "alpha", "--practice", practice.agb_code)
    assert error.returncode == 1
    assert "2 foute rijen" in str(error)
    assert "Rij 3: geboortedatum '31-02-1960' bestaat niet" in err
    assert "Rij 5: postcode 'ABCD' is geen Nederlandse postcode (zoals 2525 AB)" in err
    assert Participant.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_dry_run_of_a_bad_file_also_exits_non_zero(tmp_path, region_a, practice):
    path = tmp_path / "selectie.csv"
    path.write_bytes(gp_csv([gp_row(1, Geslacht="?")]))
    error, err = refused(path, "--region", "alpha", "--practice", practice.agb_code, "--dry-run")
    assert error.returncode == 1 and "Rij 2: geslacht '?' is onbekend" in err


def test_unreadable_file_exits_non_zero(tmp_path, region_a, practice):
    path = tmp_path / "selectie.xlsx"
    path.write_bytes(b"not a workbook at all")
    error, err = refused(path, "--region", "alpha", "--practice", practice.agb_code)
    assert "geen Excelbestand" in err and "niets opgeslagen" in str(error)


@pytest.mark.parametrize(
    "args,message",
    [
        (["--region", "nergens", "--practice", "x"], "Regio 'nergens' bestaat niet."),
        (["--region", "alpha", "--practice", "99999999"], "Geen huisartsenpraktijk"),
    ],
)
def test_unknown_region_or_practice(tmp_path, region_a, practice, args, message):
    path = tmp_path / "selectie.csv"
    path.write_bytes(gp_csv(gp_rows(1)))
    error, _err = refused(path, *args)
    assert message in str(error)


def test_practice_of_another_region_is_not_found(tmp_path, region_a, region_b):
    other = make_organisation(region_b, kind="gp_practice")
    path = tmp_path / "selectie.csv"
    path.write_bytes(gp_csv(gp_rows(1)))
    error, _err = refused(path, "--region", "alpha", "--practice", other.agb_code)
    assert "Geen huisartsenpraktijk" in str(error)


def test_missing_file(tmp_path, region_a, practice):
    error, _err = refused(
        tmp_path / "weg.csv", "--region", "alpha", "--practice", practice.agb_code
    )
    assert "Kan het bestand niet lezen" in str(error)
