"""Turn an uploaded file into a header and rows, refusing anything hostile before parsing it.

The format is decided by the content (magic bytes), not the file name: a renamed file is caught.
Every refusal raises FileRejected with a message a coordinator can act on.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from groepsconsult.core.uploads import (
    Limits,
    UploadRejected,
    check_size,
    csv_rows,
    sniff,
    xlsx_rows,
)

LIMITS = Limits(max_bytes=10 * 1024 * 1024, max_rows=100_000)
MAX_FILE_BYTES = LIMITS.max_bytes
MAX_ROWS = LIMITS.max_rows


def read_local_file(path) -> bytes:
    """A file named on the command line, refused (CommandError) when too large or unreadable."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(
                _("The file is larger than %(mb)s MB. Split it into smaller files.")
                % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(_("Cannot read the file: %(e)s") % {"e": exc.strerror}) from None


# The whole file cannot be read: the shared upload-safety helper's error, under its old name.
FileRejected = UploadRejected


@dataclass
class Sheet:
    header: list[str]
    rows: list[tuple[int, list]]  # (row number as the user sees it, cell values)
    file_format: str  # "csv" | "xlsx"


def read_file(data: bytes, file_name: str = "") -> Sheet:
    if not data or not data.strip():
        raise FileRejected(_("The file is empty."))
    check_size(len(data), LIMITS)
    file_format = sniff(data[:8], file_name)
    if file_format == "xlsx":
        rows = [(n, [_xlsx_value(c) for c in cells]) for n, cells in xlsx_rows(data, LIMITS)]
    else:
        rows = csv_rows(_decode(data), LIMITS)
    return _split_header(rows, file_format)


def _split_header(rows, file_format) -> Sheet:
    header = None
    body = []
    for number, cells in rows:
        if not any(_filled(c) for c in cells):
            continue  # blank lines are common at the end of exports
        if header is None:
            header = [str(c).strip() if c is not None else "" for c in cells]
            continue
        body.append((number, cells))
        if len(body) > MAX_ROWS:
            raise FileRejected(
                _("The file has more than %(max)s rows. Split it into smaller files.")
                % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
            )
    if header is None:
        raise FileRejected(_("The file is empty."))
    if not body:
        raise FileRejected(_("The file has a header row but no rows with data."))
    return Sheet(header=header, rows=body, file_format=file_format)


def _filled(cell) -> bool:
    return cell is not None and str(cell).strip() != ""


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first, then Windows-1252 (what Dutch Excel saves as CSV)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4096]:
        raise FileRejected(
            _(
                "The file is not plain text in UTF-8 or Windows-1252 (it looks like UTF-16 or a "
                "binary file). Save it as 'CSV UTF-8' and try again."
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise FileRejected(
                _(
                    "The file's characters cannot be read (not UTF-8 or Windows-1252). "
                    "Save it as 'CSV UTF-8' and try again."
                )
            ) from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n")
    if controls > 8:
        raise FileRejected(
            _("This is not a CSV or Excel file. Export it again from the GP system.")
        )
    return text


def _xlsx_value(value):
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    return value
