"""Reads for the GP import and its call list: region-scoped, and logged where names are shown."""

import datetime as dt
import uuid

from django.apps import apps
from django.db import connection
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_view, access_log_write
from groepsconsult.core.http import PAGE_SIZE
from groepsconsult.core.pagination import CappedPaginator
from groepsconsult.core.text import fold_name
from groepsconsult.participants.models import CallListEntry, ImportBatch, Participant
from groepsconsult.regions.selectors import gp_practice_list

PURPOSE_CALLS = Purpose.GP_CALL_LIST
PURPOSE_IMPORT = Purpose.GP_IMPORT


def practice_choices(*, region):
    return gp_practice_list(region=region)


def consultation_choices(*, region):
    """Sessions still ahead that invitees can be meant for.

    Looked up by name: participants must not import the consultations app, which builds on
    participants (import-linter forbids the cycle).
    """
    consultation = apps.get_model("consultations", "Consultation")
    return (
        consultation.objects.in_region(region)
        .filter(starts_at__gte=timezone.now())
        .exclude(status__in=["held", "cancelled"])
        .select_related("neighbourhood")
        .order_by("starts_at")
    )


def practice_find(*, region, practice: str):
    """A GP practice in the region by AGB code or exact name (for the command line)."""
    qs = gp_practice_list(region=region)
    return qs.filter(agb_code=practice).first() or qs.filter(name__iexact=practice).first()


KEY_CHUNK = 2000  # keys per IN (...): well under SQLite's (32,766) and PostgreSQL's limits


def existing_duplicate_keys(*, region, name_keys, phones, family_keys=None):
    """(family name casefolded, date of birth) -> public_id and phone -> public_id, for the keys
    of one file only.

    Looked up through the indexed derived columns (family_key with date_of_birth, phone_key), in
    chunks of the file's keys, so the cost follows the file, not the region's size. It covers every
    participant in the region (not only those the importer may list): a duplicate must be caught
    even when it belongs to another practice. Only ids leave this function. Plain SQL: the ORM
    spent more time building 100 IN (...) queries of a 50,000-row file than the database answering.
    """
    by_name, by_phone = {}, {}
    if family_keys is None:
        family_keys = {fold_name(family)[:100] for family, _born in name_keys}
    for _pid, family, born, _phone in _people_by_key(region, "family_key", family_keys):
        if (family.casefold(), born) in name_keys:
            by_name[(family.casefold(), born)] = _pid
    for pid, _family, _born, phone in _people_by_key(region, "phone_key", phones):
        by_phone[phone] = pid
    return by_name, by_phone


def _people_by_key(region, column, keys):
    """(public_id, family_name, date_of_birth, phone_key) of the region's participants whose
    `column` (a constant: family_key or phone_key) is one of `keys`, KEY_CHUNK keys a query."""
    quote = connection.ops.quote_name
    keys = sorted(keys)
    for start in range(0, len(keys), KEY_CHUNK):
        chunk = keys[start : start + KEY_CHUNK]
        # Table and column names are constants; the values are bound.
        sql = (
            "SELECT public_id, family_name, date_of_birth, phone_key FROM "  # noqa: S608
            f"{quote(Participant._meta.db_table)} WHERE region_id = %s AND {quote(column)} "
            f"IN ({', '.join(['%s'] * len(chunk))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [region.pk, *chunk])
            rows = cursor.fetchall()
        for public_id, family, born, phone in rows:
            yield _as_uuid(public_id), family, _as_date(born), phone


def _as_uuid(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def _as_date(value):
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def batch_list(*, region):
    return (
        ImportBatch.objects.in_region(region)
        .select_related("gp_practice", "consultation")
        .defer("upload", "report")
    )


def batch_get(*, region, public_id, with_upload=False):
    """One batch of the region, or 404. The stored file is only loaded when asked for."""
    qs = ImportBatch.objects.in_region(region).select_related("gp_practice", "consultation")
    if not with_upload:
        qs = qs.defer("upload")
    return get_object_or_404(qs, public_id=public_id)


def batch_get_for_preview(*, region, public_id, by):
    """The check result names people already known: re-opening it is a read, logged."""
    batch = batch_get(region=region, public_id=public_id)
    access_log_write(
        by=by,
        action=AccessEvent.Action.VIEW,
        subject_type="importbatch",
        subject_ids=[batch.public_id],
        purpose=PURPOSE_IMPORT,
        detail="import check result opened",
    )
    return batch


def call_entry_get(*, region, public_id, by):
    entry = get_object_or_404(
        CallListEntry.objects.filter(batch__region=region).select_related("participant", "batch"),
        public_id=public_id,
    )
    access_log_view(by=by, record=entry, purpose=PURPOSE_CALLS)
    return entry


def call_page_for_batch(*, batch, by, outcome="", page_number=1):
    """One page of the call list (fixed query count) and one LIST access event per name shown."""
    qs = CallListEntry.objects.filter(batch=batch).select_related("participant", "called_by")
    if outcome in CallListEntry.Outcome.values:
        qs = qs.filter(outcome=outcome)
    page = CappedPaginator(qs.order_by("id"), PAGE_SIZE).get_page(page_number)
    access_log_write(
        by=by,
        action=AccessEvent.Action.LIST,
        subject_type="calllistentry",
        subject_ids=[e.public_id for e in page],
        participant_ids=[e.participant.public_id for e in page],
        purpose=PURPOSE_CALLS,
        detail=f"batch {batch.public_id} page {page.number}",
    )
    return page


def outcome_counts(*, batch):
    counts = dict(
        CallListEntry.objects.filter(batch=batch)
        .order_by()
        .values("outcome")
        .annotate(n=Count("id"))
        .values_list("outcome", "n")
    )
    return [(value, label, counts.get(value, 0)) for value, label in CallListEntry.Outcome.choices]


_STILL_TO_CALL = (CallListEntry.Outcome.NOT_CALLED, CallListEntry.Outcome.NO_ANSWER)


COUNT_CAP = 999  # "999+ people still to call": counting further tells nobody anything


class CappedCount(Subquery):
    """COUNT(*) over a LIMITed correlated subquery: stops after `limit` rows, however many."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS capped)"
    output_field = IntegerField()


def call_list_open_list(*, region):
    """Imported batches with people still to call (not called yet or no answer), with the count
    (`to_call`, at most COUNT_CAP + 1).

    Per batch an EXISTS and a capped count on the (batch, outcome) index, not a join of every
    call-list row grouped by batch (a 50,000-row list made that the dashboard's slowest query).
    """
    still_to_call = CallListEntry.objects.filter(
        batch=OuterRef("pk"), outcome__in=_STILL_TO_CALL
    ).order_by()
    return (
        ImportBatch.objects.in_region(region)
        .filter(status=ImportBatch.Status.IMPORTED)
        .filter(Exists(still_to_call))
        .select_related("gp_practice")
        .defer("upload", "report")
        .annotate(to_call=CappedCount(still_to_call.values("pk")[: COUNT_CAP + 1]))
        .order_by("imported_at")
    )


def call_list_dashboard_panel(request):
    """The coordinator's next action: call lists with people still to phone (counts only)."""
    membership = request.membership
    if not membership.has_permission(Permission.GP_IMPORT):
        return None
    batches = list(call_list_open_list(region=membership.region)[:10])
    return {
        "template": "participants/import/_dashboard_panel.html",
        "batches": batches,
        "cap": COUNT_CAP,
    }
