"""Turn an uploaded file into a header and rows, refusing anything hostile before parsing it.

The format is decided by the content (magic bytes), not the file name: a renamed file is caught.
Every refusal raises FileRejected with a message a coordinator can act on.
"""

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 100_000
# Zip-bomb guards: the whole unpacked workbook, one member, and how far one member may inflate.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 500
MAX_COMPRESSION_RATIO = 200
CSV_DELIMITERS = (",", ";", "\t")


class FileRejected(Exception):
    """The file as a whole cannot be read; `messages` says why (one or more lines)."""

    def __init__(self, *messages):
        super().__init__(*messages)
        self.messages = list(messages)


@dataclass
class Sheet:
    header: list[str]
    rows: list[tuple[int, list]]  # (row number as the user sees it, cell values)
    file_format: str  # "csv" | "xlsx"


def read_file(data: bytes, file_name: str = "") -> Sheet:
    if not data or not data.strip():
        raise FileRejected(_("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected(
            _("The file is larger than %(mb)s MB. Split it into smaller files.")
            % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if data[:4] == b"PK\x03\x04":
        rows = _xlsx_rows(data)
        file_format = "xlsx"
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileRejected(
            _("This is an old Excel file (.xls). Save it as .xlsx or as CSV and try again.")
        )
    elif file_name.lower().endswith((".xlsx", ".xlsm")):
        raise FileRejected(
            _(
                "The file is called .xlsx but is not an Excel file. Export it again from the GP system."
            )
        )
    else:
        rows = _csv_rows(_decode(data))
        file_format = "csv"
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


def _csv_rows(text: str):
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            rows.append((number, cells))
            if number > MAX_ROWS + 10:
                break  # _split_header reports the limit; no need to read further
    except csv.Error:
        # The csv module refuses cells over 128 kB and broken quoting; name the row.
        raise FileRejected(
            _("Row %(row)s: a cell is far too long or its quotes are broken.") % {"row": number + 1}
        ) from None
    return rows


def _xlsx_rows(data: bytes):
    _check_zip(data)
    # Imported here: openpyxl is only needed for Excel files (and is slow to import).
    from openpyxl import load_workbook

    try:
        # read_only streams the sheet; data_only=False keeps formulas as text ("=..."), so they
        # are shown and refused, never evaluated. openpyxl parses with defusedxml when installed.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many types for broken files; all mean "not usable"
        raise FileRejected(
            _("The Excel file is damaged or not a real .xlsx file. Export it again.")
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, [_xlsx_value(c) for c in cells]))
            if number > MAX_ROWS + 10:
                break
        return rows
    except FileRejected:
        raise
    except Exception:  # a sheet that breaks halfway (bad XML, entities) is refused whole
        raise FileRejected(
            _("The Excel file is damaged or not a real .xlsx file. Export it again.")
        ) from None
    finally:
        workbook.close()


def _xlsx_value(value):
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    return value


def _check_zip(data: bytes) -> None:
    """Refuse zip bombs and XML entity tricks by looking at the archive before parsing it."""
    not_excel = FileRejected(
        _("The Excel file is damaged or not a real .xlsx file. Export it again.")
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise not_excel from None
    too_big = FileRejected(
        _(
            "The Excel file unpacks to far more data than it contains (a 'zip bomb'). It was refused."
        )
    )
    if len(members) > MAX_ZIP_MEMBERS:
        raise too_big
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNZIPPED_BYTES or (
            info.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO
        ):
            raise too_big
    names = {info.filename for info in members}
    if "xl/workbook.xml" not in names:
        raise not_excel
    with archive:
        for info in members:
            if info.filename.endswith((".xml", ".rels")):
                try:
                    head = archive.open(info).read(64 * 1024)
                except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                    raise not_excel from None
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise FileRejected(
                        _("The Excel file contains XML entity definitions, which we never open.")
                    )
