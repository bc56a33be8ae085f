"""InBody import: match parsed rows to the session's participants, preview, then import atomically.

The preview and the import use the same matching, and the parsed file travels between them as
plain data (kept in the server-side session), so what was previewed is exactly what is imported.
All rows go in one transaction: the day is either imported completely or not at all.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.measurements.classify import classify
from groepsconsult.measurements.inbody import InBodyFile, InBodyRow
from groepsconsult.measurements.models import Measurement
from groepsconsult.measurements.services import (
    PURPOSE,
    Entry,
    create_rows,
    lock_registration,
    supersede,
)
from groepsconsult.registrations.selectors import registration_queryset_for_user

IMPORT_REASON = "InBody import"


@dataclass
class Preview:
    matched: list = field(default_factory=list)  # (row, registration)
    unmatched: list = field(default_factory=list)  # (row, reason)
    errors: list = field(default_factory=list)  # (line, message)

    @property
    def can_import(self) -> bool:
        return bool(self.matched) and not self.errors


def parsed_to_data(parsed: InBodyFile) -> dict:
    """Plain JSON-able data for the session (Decimals as strings, dates as ISO)."""
    return {
        "layout": parsed.layout,
        "columns": parsed.columns,
        "rows": [
            {
                "line": r.line,
                "raw_id": r.raw_id,
                "day_number": r.day_number,
                "measured_at": r.measured_at.isoformat() if r.measured_at else None,
                "values": {m: str(v) for m, v in r.values.items()},
                "errors": r.errors,
            }
            for r in parsed.rows
        ],
    }


def data_to_rows(data: dict) -> list[InBodyRow]:
    return [
        InBodyRow(
            line=r["line"],
            raw_id=r["raw_id"],
            day_number=r["day_number"],
            measured_at=dt.datetime.fromisoformat(r["measured_at"]) if r["measured_at"] else None,
            values={m: Decimal(v) for m, v in r["values"].items()},
            errors=list(r["errors"]),
        )
        for r in data["rows"]
    ]


def inbody_preview(*, membership, consultation, rows: list[InBodyRow]) -> Preview:
    """Split rows into matched, unmatched and erroneous; one query for the registrations."""
    preview = Preview()
    wanted = {r.day_number for r in rows if r.day_number is not None}
    by_number = {
        reg.day_number: reg
        for reg in registration_queryset_for_user(
            membership=membership, consultation=consultation, include_cancelled=False
        ).filter(day_number__in=wanted)
    }
    seen: dict[int, int] = {}
    for row in rows:
        for message in row.errors:
            preview.errors.append((row.line, message))
        if row.day_number is None:
            reason = _("ID '%(id)s' is not a day number.") % {"id": row.raw_id or "-"}
            preview.unmatched.append((row, reason))
        elif row.day_number not in by_number:
            reason = _("No participant with number %(n)s in this session.") % {"n": row.day_number}
            preview.unmatched.append((row, reason))
        elif row.day_number in seen:
            message = _("Number %(n)s appears twice (rows %(a)s and %(b)s).") % {
                "n": row.day_number,
                "a": seen[row.day_number],
                "b": row.line,
            }
            preview.errors.append((row.line, message))
        elif not row.values:
            preview.unmatched.append((row, _("No values in this row.")))
        else:
            seen[row.day_number] = row.line
            preview.matched.append((row, by_number[row.day_number]))
    return preview


def _aware(moment: dt.datetime | None) -> dt.datetime:
    if moment is None:
        return timezone.now()
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def inbody_import(
    *, membership, consultation, rows: list[InBodyRow], by: Actor, device: str
) -> int:
    """Import every matched row, or nothing. Returns the number of values stored.

    A value that already exists for that participant is superseded (reason "InBody import"),
    so the device reading wins over a hand-typed one and the typed one stays in the history.
    """
    preview = inbody_preview(membership=membership, consultation=consultation, rows=rows)
    if not preview.can_import:
        raise ValidationError(_("Nothing to import: fix the rows with problems first."))
    stored = 0
    with transaction.atomic():
        for row, registration in preview.matched:
            lock_registration(registration)
            olds = {
                m.measure: m
                for m in Measurement.objects.filter(
                    registration=registration, measure__in=row.values, superseded_by__isnull=True
                )
            }
            entry = Entry(values=row.values, method=Measurement.Method.IMPORT, device=device)
            news = create_rows(
                registration=registration,
                values=row.values,
                verdicts=classify(row.values, sex=registration.participant.sex),
                entry=entry,
                by=by,
                measured_at=_aware(row.measured_at),
                reason=IMPORT_REASON if olds else "",
            )
            for new in news:
                if new.measure in olds:
                    supersede(olds[new.measure], new)
            stored += len(news)
        access_log_write(
            by=by,
            action=AccessEvent.Action.CREATE,
            subject_type="inbody_import",
            subject_ids=[consultation.public_id],
            purpose=PURPOSE,
            detail=f"{len(preview.matched)} rows, {stored} values",
        )
    return stored
