"""One upload-safety helper for every importer (GP selection, InBody, and any later one).

Before a byte is parsed: the size, and the format from the content's magic bytes (never the file
name). An Excel file is a zip: the archive is inspected first (member count, total unpacked
size, compression ratio per member, XML entity declarations), then streamed row by row with caps
on rows, columns per row and cells in all. CSV is decoded and split lazily, so a refused file is
not read further than the cap. Every refusal raises UploadRejected with a message the user can
act on, in their language.
"""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls
CSV_DELIMITERS = (",", ";", "\t")


class UploadRejected(Exception):
    """The file as a whole cannot be read; `messages` says why (one or more lines)."""

    def __init__(self, *messages):
        super().__init__(*messages)
        self.messages = list(messages)


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024
    max_rows: int = 100_000
    max_columns: int = 200
    max_cells: int = 2_000_000
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_members: int = 500
    max_compression_ratio: int = 200


def _mb(size: int) -> int:
    return size // (1024 * 1024)


def check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise UploadRejected(
            _("The file is larger than %(mb)s MB. Split it into smaller files.")
            % {"mb": _mb(limits.max_bytes)}
        )


def sniff(head: bytes, file_name: str = "") -> str:
    """'xlsx' or 'csv', decided by the content; an old .xls or a renamed file is refused."""
    if head[:4] == ZIP_MAGIC:
        return "xlsx"
    if head[:8] == OLE_MAGIC:
        raise UploadRejected(
            _("This is an old Excel file (.xls). Save it as .xlsx or as CSV and try again.")
        )
    if file_name.lower().endswith((".xlsx", ".xlsm")):
        raise UploadRejected(
            _("The file is called .xlsx but is not an Excel file. Export it again.")
        )
    return "csv"


def _not_excel() -> UploadRejected:
    return UploadRejected(_("The Excel file is damaged or not a real .xlsx file. Export it again."))


def _zip_bomb() -> UploadRejected:
    return UploadRejected(
        _(
            "The Excel file unpacks to far more data than it contains (a 'zip bomb'). It was refused."
        )
    )


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse zip bombs and XML entity tricks by looking at the archive before parsing it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _not_excel() from None
    if len(members) > limits.max_zip_members:
        raise _zip_bomb()
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > limits.max_unzipped_bytes or (
            info.file_size > 1024 * 1024 and ratio > limits.max_compression_ratio
        ):
            raise _zip_bomb()
    if "xl/workbook.xml" not in {info.filename for info in members}:
        raise _not_excel()
    with archive:
        for info in members:
            if info.filename.endswith((".xml", ".rels")):
                _check_xml_head(archive, info)


def _check_xml_head(archive, info) -> None:
    try:
        head = archive.open(info).read(64 * 1024)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        raise _not_excel() from None
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UploadRejected(
            _("The Excel file contains XML entity definitions, which we never open.")
        )


def _too_many_rows(limits: Limits) -> UploadRejected:
    return UploadRejected(
        _("The file has more than %(max)s rows. Split it into smaller files.")
        % {"max": f"{limits.max_rows:,}".replace(",", ".")}
    )


def capped(rows, limits: Limits) -> Iterator[tuple[int, list]]:
    """Number the rows from 1 and stop the whole read at the row, column or cell cap."""
    cells = 0
    for number, row in enumerate(rows, start=1):
        if number > limits.max_rows + 10:  # room for the header and blank lines
            raise _too_many_rows(limits)
        if len(row) > limits.max_columns:
            row = list(row)
            if any(c not in (None, "") for c in row[limits.max_columns :]):
                raise UploadRejected(
                    _("Row %(row)s has more than %(max)s columns.")
                    % {"row": number, "max": limits.max_columns}
                )
            row = row[: limits.max_columns]
        cells += len(row)
        if cells > limits.max_cells:
            raise UploadRejected(_("The file has too many cells. Split it into smaller files."))
        yield number, list(row)


def xlsx_rows(data: bytes, limits: Limits, *, data_only: bool = False):
    """Rows of the first sheet, streamed (read-only mode) after the zip checks. With
    data_only=False formulas stay text ("=..."), never evaluated."""
    check_zip(data, limits)
    from openpyxl import load_workbook  # only needed for Excel files, and slow to import

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception:  # openpyxl raises many types for broken files; all mean "not usable"
        raise _not_excel() from None
    try:
        sheet = workbook.worksheets[0]
        source = sheet.iter_rows(values_only=True, max_col=limits.max_columns + 1)
        return list(capped(source, limits))
    except UploadRejected:
        raise
    except Exception:  # a sheet that breaks halfway (bad XML, entities) is refused whole
        raise _not_excel() from None
    finally:
        workbook.close()


def csv_rows(text: str, limits: Limits):
    """Rows of a CSV text, split lazily (csv.reader over a line iterator) and capped."""
    lines = io.StringIO(text, newline="")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    reader = csv.reader(lines, delimiter=delimiter)
    number = 0
    try:
        for number, cells in capped(reader, limits):
            yield number, cells
    except csv.Error:
        # The csv module refuses cells over 128 kB and broken quoting; name the row.
        raise UploadRejected(
            _("Row %(row)s: a cell is far too long or its quotes are broken.") % {"row": number + 1}
        ) from None
