"""Check a whole file: every bad row with its reasons, and the duplicates that will be skipped.

A duplicate is the same family name and date of birth, or the same phone number, as a
participant already in the region or as an earlier row of the same file. Duplicates are not
errors: they are listed and left out, so a practice can send an overlapping selection again.
"""

import copy
import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.core.text import fold_name
from groepsconsult.participants.gp_import import selectors
from groepsconsult.participants.gp_import.cleaning import CleanRow, clean_row, email_check
from groepsconsult.participants.gp_import.columns import map_columns
from groepsconsult.participants.gp_import.reading import read_file
from groepsconsult.participants.models import Participant

PARTICIPANT_FIELDS = (
    "given_name",
    "family_name",
    "date_of_birth",
    "sex",
    "phone",
    "email",
    "postcode",
)


def _with_fast_email(model_field):
    """A copy of the model field whose e-mail validator takes `email_check`'s fast path (same
    verdict and message); the model's field itself is untouched."""
    if not any(isinstance(v, EmailValidator) for v in model_field.validators):
        return model_field
    twin = copy.copy(model_field)
    twin.__dict__["validators"] = [
        email_check if isinstance(v, EmailValidator) else v for v in model_field.validators
    ]
    return twin


# Foreign keys (region, practice) are set by the import itself, not read from the file.
MODEL_FIELDS = [_with_fast_email(Participant._meta.get_field(name)) for name in PARTICIPANT_FIELDS]


@dataclass
class Report:
    file_format: str
    row_count: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one message per problem, row by row
    bad_rows: int = 0
    duplicates: list[dict] = field(default_factory=list)  # {"row", "name", "reason"}
    new_rows: list[CleanRow] = field(default_factory=list)
    matched_participant_ids: list = field(default_factory=list)  # existing ones we compared with
    # What a later duplicate check of the same file can start from (see recheck_duplicates).
    digest: str = ""
    today: dt.date | None = None
    clean: list = field(default_factory=list, repr=False)  # (row number, row, name key, phone)

    @property
    def ok(self) -> bool:
        return self.bad_rows == 0

    def summary(self) -> dict:
        """What the preview page shows, storable as JSON (no clean rows: those are re-read)."""
        return {
            "file_format": self.file_format,
            "row_count": self.row_count,
            "ignored_columns": self.ignored_columns,
            "errors": self.errors,
            "bad_rows": self.bad_rows,
            "duplicates": self.duplicates,
            "new_count": len(self.new_rows),
        }


def check_file(*, data: bytes, file_name: str, region, today: dt.date | None = None) -> Report:
    """Read and check; raises FileRejected when the file as a whole is unusable."""
    sheet = read_file(data, file_name)
    mapping, ignored = map_columns(sheet.header)
    today = today or timezone.localdate()
    report = Report(
        file_format=sheet.file_format, row_count=len(sheet.rows), ignored_columns=ignored
    )
    report.digest, report.today = file_digest(data), today
    report.clean = _clean_rows(sheet, mapping, today, report)
    return recheck_duplicates(report, region=region)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recheck_duplicates(report: Report, *, region) -> Report:
    """Split the clean rows into new ones and duplicates against the region as it is now.

    The import runs this again under its lock with the check's clean rows (same file, same day)
    instead of reading and cleaning the whole file a second time.
    """
    report.duplicates, report.new_rows, report.matched_participant_ids = [], [], []
    # The file's keys only: looked up after every row is clean, in chunks (selectors).
    by_name, by_phone = selectors.existing_duplicate_keys(
        region=region,
        name_keys={name_key for _n, _r, name_key, _p in report.clean},
        family_keys={row.values["family_key"] for _n, row, _k, _p in report.clean},
        phones={phone for _n, _r, _k, phone in report.clean if phone},
    )
    seen_names: dict = {}
    seen_phones: dict = {}
    for number, row, name_key, phone_key in report.clean:
        reason = _duplicate_reason(
            name_key, phone_key, by_name, by_phone, seen_names, seen_phones, report
        )
        if reason:
            report.duplicates.append(
                {
                    "row": number,
                    "name": f"{row.values['given_name']} {row.values['family_name']}",
                    "reason": reason,
                }
            )
            continue
        seen_names[name_key] = number
        if phone_key:
            seen_phones[phone_key] = number
        report.new_rows.append(row)
    return report


def _clean_rows(sheet, mapping, today, report) -> list:
    """(row number, clean row, name key, phone) of every good row; bad rows go to the report."""
    width, clean = len(sheet.header), []
    for number, cells in sheet.rows:
        row = clean_row(number, cells, mapping, width, today)
        if not row.errors:
            _validate_with_model(row)
        if row.errors:
            report.bad_rows += 1
            report.errors.extend(row.errors)
        else:
            # Folded once here: the import's duplicate lookups and its insert both use it.
            row.values["family_key"] = fold_name(row.values["family_name"])[:100]
            clean.append((number, row, _name_key(row), row.values.get("phone")))
    return clean


def _name_key(row: CleanRow) -> tuple:
    return (row.values["family_name"].casefold(), row.values["date_of_birth"])


def _duplicate_reason(name_key, phone_key, by_name, by_phone, seen_names, seen_phones, report):
    if name_key in by_name:
        report.matched_participant_ids.append(by_name[name_key])
        return _("already a participant in this region (same family name and date of birth)")
    if phone_key and phone_key in by_phone:
        report.matched_participant_ids.append(by_phone[phone_key])
        return _("already a participant in this region (same phone number)")
    if name_key in seen_names:
        return _("same person as row %(row)s of this file") % {"row": seen_names[name_key]}
    if phone_key and phone_key in seen_phones:
        return _("same phone number as row %(row)s of this file") % {"row": seen_phones[phone_key]}
    return ""


def _validate_with_model(row: CleanRow) -> None:
    """The model's own field validators have the last word, so the import never inserts what
    full_clean() would refuse; their messages become row errors. (Field by field, without
    building a model instance per row: at 50,000 rows the instances alone cost a second.)"""
    for model_field in MODEL_FIELDS:
        try:
            value = row.values.get(model_field.attname, "")
            row.values[model_field.attname] = model_field.clean(value, None)
        except ValidationError as exc:
            for message in exc.messages:
                row.error(f"{model_field.verbose_name}: {message}")
