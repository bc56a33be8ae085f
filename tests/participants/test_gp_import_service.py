"""The import service: dry run writes nothing, bad rows refuse everything, a clean file imports
all at once with trajectories, call list and one access-log row per participant."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import import services
from groepsconsult.participants.models import CallListEntry, ImportBatch, Participant
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_consultation, make_organisation, make_participant
from tests.factories.gp_import import gp_csv, gp_row, gp_rows

BY = Actor(user_id=None, username="tester", role="coordinator", region_slug="alpha")


def counts():
    return (
        Participant.objects.count(),
        Trajectory.objects.count(),
        CallListEntry.objects.count(),
        ImportBatch.objects.count(),
    )


def run_check(region, data):
    return services.import_file_check(region=region, file_name="selectie.csv", data=data, by=BY)


def prepare(region, practice, data, consultation=None):
    report = run_check(region, data)
    return services.import_batch_prepare(
        region=region,
        gp_practice=practice,
        consultation=consultation,
        file_name="selectie.csv",
        data=data,
        report=report,
        by=BY,
    )


@pytest.fixture
def practice(region_a):
    return make_organisation(region_a, kind="gp_practice")


def test_dry_run_saves_nothing(region_a):
    before = counts()
    report = run_check(region_a, gp_csv(gp_rows(5)))
    assert report.ok and len(report.new_rows) == 5
    assert counts() == before


def test_two_bad_rows_refuse_the_file_with_both_reasons_and_nothing_is_saved(region_a, practice):
    rows = gp_rows(10)
    rows[3]["Geboortedatum"] = "31-02-1960"
    rows[7]["Telefoon"] = "=cmd|' /C calc'!A0"
    data = gp_csv(rows)
    before = counts()
    report = run_check(region_a, data)
    assert report.bad_rows == 2
    assert report.errors[0] == "Rij 5: geboortedatum '31-02-1960' bestaat niet"
    assert report.errors[1].startswith("Rij 9: telefoon '=cmd|")
    with pytest.raises(services.ImportRefused) as exc:
        services.import_batch_prepare(
            region=region_a,
            gp_practice=practice,
            consultation=None,
            file_name="x.csv",
            data=data,
            report=report,
            by=BY,
        )
    assert len(exc.value.report.errors) == 2
    with pytest.raises(services.ImportRefused):
        services.gp_selection_import(
            region=region_a,
            gp_practice=practice,
            consultation=None,
            file_name="x.csv",
            data=data,
            by=BY,
        )
    assert counts() == before


def test_fixed_file_imports_everything(region_a, practice):
    consultation = make_consultation(region_a)
    batch = prepare(region_a, practice, gp_csv(gp_rows(10)), consultation)
    assert (batch.status, batch.new_count, bytes(batch.upload) != b"") == ("previewed", 10, True)
    assert Participant.objects.count() == 0  # the preview keeps the file, not the people

    batch = services.import_batch_commit(batch=batch, by=BY)

    assert batch.status == "imported" and batch.imported_by_name == "tester"
    assert bytes(batch.upload) == b""  # the raw file is gone once imported
    people = Participant.objects.filter(region=region_a)
    assert people.count() == 10
    assert set(people.values_list("gp_practice", flat=True)) == {practice.pk}
    trajectories = Trajectory.objects.filter(participant__region=region_a)
    assert set(trajectories.values_list("status", "baseline_consultation")) == {
        ("invited", consultation.pk)
    }
    entries = CallListEntry.objects.filter(batch=batch)
    assert entries.count() == 10 and set(entries.values_list("outcome", flat=True)) == {
        "not_called"
    }
    created = AccessEvent.objects.filter(action="create", subject_type="participant")
    assert created.count() == 10
    assert set(created.values_list("participant_id", flat=True)) == set(
        people.values_list("public_id", flat=True)
    )
    # The public ids are made as hex text: the log names each person as str(UUID) does.
    assert {e.subject_id for e in created} == {str(p.public_id) for p in people}


def test_duplicates_in_region_and_in_file_are_skipped_not_errors(region_a, region_b, practice):
    known = make_participant(region_a, family_name="Bekend", date_of_birth=dt.date(1960, 1, 1))
    make_participant(region_a, family_name="Ander", phone="06 1111 2222")
    make_participant(region_b, family_name="Elders", date_of_birth=dt.date(1961, 1, 1))
    rows = [
        gp_row(1, Naam="BEKEND, Fatima", Geboortedatum="01-01-1960"),  # same as `known`
        gp_row(2, Telefoon="0611112222"),  # same phone as "Ander"
        gp_row(3, Naam="Elders, Jan", Geboortedatum="01-01-1961"),  # only in another region
        gp_row(4),
        gp_row(5, Naam="Testpatient4, Fatma", Geboortedatum=gp_row(4)["Geboortedatum"]),
        gp_row(6, Telefoon=gp_row(4)["Telefoon"]),
    ]
    report = run_check(region_a, gp_csv(rows))
    assert report.ok
    assert [d["row"] for d in report.duplicates] == [2, 3, 6, 7]
    reasons = [d["reason"] for d in report.duplicates]
    assert "achternaam en geboortedatum" in reasons[0] and "telefoonnummer" in reasons[1]
    assert reasons[2] == "dezelfde persoon als rij 5 van dit bestand"
    assert reasons[3] == "hetzelfde telefoonnummer als rij 5 van dit bestand"
    assert len(report.new_rows) == 2
    # Flagging someone as known reveals them: that read is in the access log.
    assert AccessEvent.objects.filter(action="list", participant_id=known.public_id).exists()


def test_confirm_twice_imports_once(region_a, practice):
    batch = prepare(region_a, practice, gp_csv(gp_rows(3)))
    stale = ImportBatch.objects.get(pk=batch.pk)
    services.import_batch_commit(batch=batch, by=BY)
    with pytest.raises(ValidationError):
        services.import_batch_commit(batch=stale, by=BY)
    assert Participant.objects.count() == 3


def test_cancel_deletes_the_file(region_a, practice):
    batch = prepare(region_a, practice, gp_csv(gp_rows(3)))
    services.import_batch_cancel(batch=batch, by=BY)
    batch.refresh_from_db()
    assert batch.status == "cancelled" and bytes(batch.upload) == b""
    with pytest.raises(ValidationError):
        services.import_batch_commit(batch=batch, by=BY)
    assert Participant.objects.count() == 0


def test_expired_preview_cannot_be_confirmed(region_a, practice):
    batch = prepare(region_a, practice, gp_csv(gp_rows(3)))
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=batch.created_at - dt.timedelta(hours=25)
    )
    batch.refresh_from_db()
    with pytest.raises(ValidationError, match="verlopen"):
        services.import_batch_commit(batch=batch, by=BY)
    prepare(region_a, practice, gp_csv(gp_rows(1, start=50)))  # a new upload sweeps it away
    batch.refresh_from_db()
    assert batch.status == "cancelled" and bytes(batch.upload) == b""


def test_someone_registered_between_preview_and_confirm_is_skipped(region_a, practice):
    batch = prepare(region_a, practice, gp_csv(gp_rows(3)))
    make_participant(region_a, family_name="Testpatient2", date_of_birth=dt.date(1952, 3, 3))
    batch = services.import_batch_commit(batch=batch, by=BY)
    assert batch.new_count == 2 and batch.duplicate_count == 1
    assert Participant.objects.filter(family_name="Testpatient2").count() == 1


def test_call_outcome_pairs_who_and_when(region_a, practice, django_user_model):
    batch = prepare(region_a, practice, gp_csv(gp_rows(1)))
    services.import_batch_commit(batch=batch, by=BY)
    user = django_user_model.objects.create_user(username="caller", password="x-Unused-12345")
    caller = Actor(user_id=user.pk, username="caller")
    entry = CallListEntry.objects.get(batch=batch)
    entry = services.call_outcome_set(entry=entry, outcome="no_answer", note="voicemail", by=caller)
    assert (entry.outcome, entry.called_by_id, entry.note) == ("no_answer", user.pk, "voicemail")
    assert entry.called_at is not None
    entry = services.call_outcome_set(entry=entry, outcome="not_called", note="", by=caller)
    assert (entry.called_at, entry.called_by_id) == (None, None)
    assert AccessEvent.objects.filter(action="change", subject_type="calllistentry").count() == 2
