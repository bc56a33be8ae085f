"""Writes of the GP import: keep a checked file, import it all or nothing, record call outcomes.

Speed matters (a practice may send 50,000 rows): participants, trajectories, call-list entries
and access-log rows are each written with one bulk insert per chunk, inside one transaction.
Row validation already ran the model's own field validators (see checking), so nothing
reaches the database that full_clean() would refuse.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.core.bulk import insert_rows, reserve_ids, uuid4_hex, uuid_text
from groepsconsult.participants.gp_import.checking import (
    PARTICIPANT_FIELDS,
    Report,
    check_file,
    file_digest,
    recheck_duplicates,
)
from groepsconsult.participants.gp_import.policies import (
    PREVIEW_LIFETIME,
    check_can_cancel_batch,
    check_can_confirm_batch,
)
from groepsconsult.participants.gp_import.selectors import PURPOSE_CALLS, PURPOSE_IMPORT
from groepsconsult.participants.models import (
    CallListEntry,
    ImportBatch,
    Participant,
    derived_columns,
)
from groepsconsult.participants.search import fts_bulk_load
from groepsconsult.regions.models import Region
from groepsconsult.trajectories.models import Trajectory

CHUNK = 2000


class ImportRefused(ValidationError):
    """The file has bad rows (or changed state since the preview); `report` lists them all."""

    def __init__(self, report: Report):
        super().__init__(report.errors or [_("The file was refused.")])
        self.report = report


def import_file_check(*, region, file_name: str, data: bytes, by: Actor) -> Report:
    """The dry run: check the file and write nothing but the access log.

    Raises FileRejected when the file as a whole is unusable. Flagging a row as "already a
    participant" reveals that person is known here, so those participants get a LIST event.
    """
    report = check_file(data=data, file_name=file_name, region=region)
    if report.matched_participant_ids:
        access_log_write(
            by=by,
            action=AccessEvent.Action.LIST,
            subject_type="participant",
            participant_ids=report.matched_participant_ids,
            purpose=PURPOSE_IMPORT,
            detail=f"duplicate check of {file_name[:100]}",
        )
    return report


def import_batch_prepare(
    *, region, gp_practice, consultation, file_name: str, data: bytes, report: Report, by: Actor
) -> ImportBatch:
    """Keep a checked, clean file until the coordinator confirms. A file with bad rows is not kept."""
    if not report.ok:
        raise ImportRefused(report)
    with transaction.atomic():
        _expire_old_previews(region=region)
        batch = ImportBatch(
            region=region,
            gp_practice=gp_practice,
            consultation=consultation,
            file_name=file_name[:255] or "upload",
            uploaded_by_id=by.user_id,
            uploaded_by_name=by.username,
            upload=data,
            report=report.summary(),
            row_count=report.row_count,
            new_count=len(report.new_rows),
            duplicate_count=len(report.duplicates),
            error_count=report.bad_rows,
        )
        audited_save(instance=batch, by=by, purpose=PURPOSE_IMPORT)
    return batch


def import_batch_commit(
    *, batch: ImportBatch, by: Actor, report: Report | None = None
) -> ImportBatch:
    """Import every new row of a checked file, or nothing.

    The duplicate check runs again inside the transaction, under a lock on the region row: two
    files naming the same person, confirmed at the same moment, would otherwise both find them
    new (so a report's duplicates computed before the transaction are never trusted for the
    write). A `report` of this very file, checked today, lends its clean rows: only the
    duplicate split is redone, not the reading and cleaning of every row.
    """
    check_can_confirm_batch(batch=batch)
    with transaction.atomic():
        Region.objects.select_for_update().filter(pk=batch.region_id).first()
        report = _report_under_lock(batch, report)
        if not report.ok:
            raise ImportRefused(report)
        if not report.new_rows:
            raise ValidationError(_("There is nobody new to import in this file."), code="none")
        _claim_and_write(batch=batch, report=report, by=by)
    batch.refresh_from_db()
    return batch


def _report_under_lock(batch, report):
    data = bytes(batch.upload)
    reusable = (
        report is not None
        and report.ok
        and report.clean
        and report.today == timezone.localdate()
        and report.digest == file_digest(data)
    )
    if reusable:
        return recheck_duplicates(report, region=batch.region)
    return check_file(data=data, file_name=batch.file_name, region=batch.region)


def _claim_and_write(*, batch, report, by):
    # The conditional UPDATE is the lock: a second click (or a second tab) finds no row.
    claimed = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.PREVIEWED).update(
        status=ImportBatch.Status.IMPORTED,
        imported_at=timezone.now(),
        imported_by_name=by.username,
        upload=b"",
        new_count=len(report.new_rows),
        duplicate_count=len(report.duplicates),
        error_count=0,
        report=_without_names(report.summary()),
    )
    if not claimed:
        raise ValidationError(_("This file has already been imported."))
    _write_rows(batch=batch, report=report, by=by)
    access_log_write(
        by=by,
        action=AccessEvent.Action.CHANGE,
        subject_type="importbatch",
        subject_ids=[batch.public_id],
        purpose=PURPOSE_IMPORT,
        detail=f"imported {len(report.new_rows)} participants",
    )


def gp_selection_import(*, region, gp_practice, consultation, file_name, data, by, report=None):
    """Check and import in one go (the command line): all or nothing."""
    report = report or import_file_check(region=region, file_name=file_name, data=data, by=by)
    if not report.ok:
        raise ImportRefused(report)
    with transaction.atomic():
        batch = import_batch_prepare(
            region=region,
            gp_practice=gp_practice,
            consultation=consultation,
            file_name=file_name,
            data=data,
            by=by,
            report=report,
        )
        return import_batch_commit(batch=batch, by=by, report=report)


def import_batch_cancel(*, batch: ImportBatch, by: Actor) -> ImportBatch:
    check_can_cancel_batch(batch=batch)
    batch.status = ImportBatch.Status.CANCELLED
    batch.upload = b""
    batch.report = _without_names(batch.report)
    return audited_save(instance=batch, by=by, purpose=PURPOSE_IMPORT)


def call_outcome_set(*, entry: CallListEntry, outcome: str, note: str, by: Actor) -> CallListEntry:
    """Record what came of a call; back to 'not called' clears who and when (paired fields)."""
    entry.outcome = outcome
    entry.note = (note or "").strip()[:200]
    if outcome == CallListEntry.Outcome.NOT_CALLED:
        entry.called_at, entry.called_by_id = None, None
    else:
        entry.called_at, entry.called_by_id = timezone.now(), by.user_id
    return audited_save(
        instance=entry, by=by, purpose=PURPOSE_CALLS, participant_ids=[entry.participant.public_id]
    )


def _write_rows(*, batch, report, by):
    today = timezone.localdate()
    rows = report.new_rows
    ids = reserve_ids(Participant, len(rows))  # related rows point at them; nothing read back
    public_ids = [uuid4_hex() for _row in rows]  # no UUID object per person
    people = [
        {
            **{name: row.values[name] for name in PARTICIPANT_FIELDS},
            "id": pk,
            "public_id": public_id,
            "region_id": batch.region_id,
            "gp_practice_id": batch.gp_practice_id,
            **derived_columns(
                row.values["given_name"],
                row.values["family_name"],
                row.values["phone"],
                family_key=row.values["family_key"],  # folded once by the check
            ),
        }
        for row, pk, public_id in zip(rows, ids, public_ids, strict=True)
    ]
    with fts_bulk_load():  # SQLite's name index filled once, not by a trigger per row
        insert_rows(Participant, people)
    del people
    status = Trajectory.Status.INVITED.value
    insert_rows(
        Trajectory,
        [
            {
                "participant_id": pk,
                "status": status,
                "started_on": today,
                "baseline_consultation_id": batch.consultation_id,
            }
            for pk in ids
        ],
    )
    insert_rows(
        CallListEntry,
        [
            {
                "batch_id": batch.pk,
                "participant_id": pk,
                "selection_reason": row.values["selection_reason"],
            }
            for pk, row in zip(ids, rows, strict=True)
        ],
    )
    for start in range(0, len(public_ids), CHUNK):
        chunk = public_ids[start : start + CHUNK]
        access_log_write(
            by=by,
            action=AccessEvent.Action.CREATE,
            subject_type="participant",
            subject_ids=[uuid_text(public_id) for public_id in chunk],
            participant_ids=chunk,
            purpose=PURPOSE_IMPORT,
            detail=f"GP import {batch.public_id}",
        )


def _without_names(summary: dict) -> dict:
    """Once the file is gone, its names go too: keep row numbers and reasons only."""
    summary = dict(summary or {})
    summary["duplicates"] = [
        {"row": d.get("row"), "name": "", "reason": d.get("reason", "")}
        for d in summary.get("duplicates", [])
    ]
    return summary


def _expire_old_previews(*, region=None) -> int:
    """Housekeeping: files nobody confirmed within the preview lifetime are dropped.

    A bulk update, not audited per batch: it removes data and reveals none.
    """
    cutoff = timezone.now() - PREVIEW_LIFETIME
    batches = ImportBatch.objects.all() if region is None else ImportBatch.objects.in_region(region)
    return batches.filter(status=ImportBatch.Status.PREVIEWED, created_at__lt=cutoff).update(
        status=ImportBatch.Status.CANCELLED, upload=b"", report={}
    )


def import_batch_purge_expired() -> int:
    """The promise of docs/gp-import.md: no GP selection file outlives 24 hours, in any region,
    even when nobody uploads again (run from cron by `purge_gp_files`). Returns the count."""
    with transaction.atomic():
        return _expire_old_previews()
