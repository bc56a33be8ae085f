"""Read a LookinBody (InBody) export of the day: CSV or XLSX, in any of the known layouts.

No official column specification exists (clinical.md §7), so the reader is tolerant by design:
headers are normalised ("15. Weight(kg)" -> "weight"), mapped through an alias table, values may
use decimal commas, carry units or read "Level 6", and "-" means "not measured". People are
matched ONLY by an explicit ID column holding their day number: names or dates of birth on a
shared scale are not reliable enough to attach health data to someone.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from groepsconsult.core.uploads import (
    Limits,
    UploadRejected,
    check_size,
    csv_rows,
    sniff,
    xlsx_rows,
)
from groepsconsult.measurements.classify import is_plausible, plausible_message
from groepsconsult.measurements.models import Measure

MAX_ROWS = 500
LIMITS = Limits(max_bytes=5 * 1024 * 1024, max_rows=MAX_ROWS, max_columns=300)

# Normalised header -> our measure. Normalised = "N." prefix, units and accents removed, lower case.
ALIASES: dict[str, tuple[str, ...]] = {
    Measure.WEIGHT: ("weight", "body weight", "gewicht", "lichaamsgewicht", "peso", "poids"),
    Measure.HEIGHT: ("height", "lengte", "lichaamslengte", "altura", "estatura", "grosse"),
    Measure.BMI: ("bmi", "body mass index", "imc", "queteletindex"),
    Measure.FAT_PERCENT: (
        "pbf",
        "percent body fat",
        "body fat percentage",
        "body fat percent",
        "vetpercentage",
        "lichaamsvetpercentage",
        "porcentaje de grasa corporal",
        "pgc",
    ),
    Measure.VISCERAL_FAT_LEVEL: (
        "vfl",
        "visceral fat level",
        "visceral fat",
        "visceraal vet",
        "visceraal vetniveau",
        "nivel de grasa visceral",
    ),
    Measure.MUSCLE_MASS: (
        "smm",
        "skeletal muscle mass",
        "skeletspiermassa",
        "spiermassa",
        "masa muscular esqueletica",
    ),
    Measure.WAIST: (
        "measured circumference of abdomen",
        "waist circumference",
        "waist",
        "abdominal circumference",
        "buikomtrek",
        "tailleomtrek",
        "taille",
        "perimetro de cintura",
    ),
}
ID_ALIASES = ("id", "user id", "member id", "id number", "deelnemernummer", "dagnummer")
DATE_ALIASES = ("test date time", "test date", "date time", "datetime", "date", "datum", "fecha")

# "dbbackup.CSV" has no usable names beyond its first columns: fixed positions (§7, format 2).
DBBACKUP_POSITIONS = {
    Measure.HEIGHT: 3,
    Measure.WEIGHT: 5,
    Measure.MUSCLE_MASS: 8,
    Measure.BMI: 20,
    Measure.FAT_PERCENT: 23,
}

# Header units that need converting to ours (kg, cm). Everything else is taken as ours.
_CONVERT = {"lb": Decimal("0.45359237"), "lbs": Decimal("0.45359237"), "in": Decimal("2.54")}
_CONVERT_M = Decimal(100)  # height in metres


class InBodyFileError(ValueError):
    """The file cannot be read at all (wrong type, no header, no ID column)."""


@dataclass
class InBodyRow:
    line: int  # row number as a spreadsheet shows it (header = 1)
    raw_id: str
    day_number: int | None
    measured_at: dt.datetime | None
    values: dict = field(default_factory=dict)  # measure -> Decimal
    errors: list = field(default_factory=list)


@dataclass
class InBodyFile:
    layout: str  # "numbered", "dbbackup" or "named"
    columns: dict  # measure -> header as found in the file
    rows: list


def normalise_header(header: object) -> str:
    text = str(header or "").replace("\ufeff", "").replace("ß", "ss")
    text = re.sub(r"^\s*\d+\s*\.\s*", "", text)  # "15. Weight" -> "Weight"
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)  # units: "Weight(kg)"
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text).split())


def header_unit(header: object) -> str:
    found = re.search(r"[\(\[]\s*([^\)\]]+?)\s*[\)\]]", str(header or ""))
    return found.group(1).lower() if found else ""


def parse_number(raw: object) -> Decimal | None:
    """'72,5' '72.5 kg' 'Level 6' 6 -> Decimal; '-' or '' -> None; garbage -> ValueError."""
    if raw is None:
        return None
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return Decimal(str(raw))
    text = str(raw).strip()
    if text in ("", "-", "--", "—"):
        return None
    text = re.sub(r"(?i)^(level|niveau|nivel)\s*", "", text)
    text = re.sub(r"\s*[a-zA-Z%/²]+[a-zA-Z0-9²/]*$", "", text)  # trailing unit: "kg", "kg/m2"
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", text):
        text = text.replace(".", "")  # 1.234,5
    text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(str(raw)) from None


_DATE_FORMATS = (
    "%Y%m%d%H%M%S",
    "%Y.%m.%d %I:%M:%S %p",
    "%Y.%m.%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y%m%d",
    "%Y-%m-%d",
)


def parse_datetime(raw: object) -> dt.datetime | None:
    """A naive local date-time, or None when absent or unreadable (the import time is used)."""
    if isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, dt.date):
        return dt.datetime.combine(raw, dt.time(12, 0))
    text = str(raw or "").strip()
    if isinstance(raw, float | int):
        text = str(int(raw))
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)  # noqa: DTZ007 - made aware by the service
        except ValueError:
            continue
    return None


def parse_day_number(raw: object) -> int | None:
    text = str(raw if raw is not None else "").strip()
    if re.fullmatch(r"\d{1,4}(\.0+)?", text):
        return int(float(text))
    return None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _table(data: bytes, filename: str) -> list[list]:
    """The rows through the shared upload-safety helper: format by magic bytes, zip-bomb and
    entity checks, row, column and cell caps."""
    try:
        check_size(len(data), LIMITS)
        if sniff(data[:8], filename) == "xlsx":
            rows = xlsx_rows(data, LIMITS, data_only=True)
        else:
            rows = csv_rows(_decode(data), LIMITS)
        return [cells for _number, cells in rows]
    except UploadRejected as exc:
        raise InBodyFileError(" ".join(exc.messages)) from None


def _find(headers: list[str], aliases) -> int | None:
    for alias in aliases:
        if alias in headers:
            return headers.index(alias)
    return None


def _columns(raw_headers: list) -> tuple[str, int | None, int | None, dict]:
    """(layout, id index, date index, measure -> index)."""
    headers = [normalise_header(h) for h in raw_headers]
    if headers and headers[0] == "id" and len(headers) > 23 and "weight" in headers[5]:
        return "dbbackup", 0, 1, dict(DBBACKUP_POSITIONS)
    numbered = sum(bool(re.match(r"^\s*\d+\s*\.", str(h or ""))) for h in raw_headers)
    layout = "numbered" if numbered > len(raw_headers) / 2 else "named"
    measures = {m: i for m, a in ALIASES.items() if (i := _find(headers, a)) is not None}
    return layout, _find(headers, ID_ALIASES), _find(headers, DATE_ALIASES), measures


def _convert(measure: str, value: Decimal, unit: str) -> Decimal:
    if unit in _CONVERT and measure in (Measure.WEIGHT, Measure.MUSCLE_MASS, Measure.HEIGHT):
        return value * _CONVERT[unit]
    if unit == "m" and measure in (Measure.HEIGHT, Measure.WAIST):
        return value * _CONVERT_M
    return value


def _read_row(line, cells, id_at, date_at, measures, units) -> InBodyRow | None:
    def cell(i):
        return cells[i] if i is not None and i < len(cells) else None

    if all(c in (None, "") or str(c).strip() == "" for c in cells):
        return None
    raw_id = str(cell(id_at) if cell(id_at) is not None else "").strip()
    row = InBodyRow(line, raw_id, parse_day_number(cell(id_at)), parse_datetime(cell(date_at)))
    for measure, index in measures.items():
        try:
            value = parse_number(cell(index))
        except ValueError as exc:
            row.errors.append(
                _("%(measure)s: '%(value)s' is not a number.")
                % {"measure": Measure(measure).label, "value": exc}
            )
            continue
        if value is None:
            continue
        value = _convert(measure, value, units.get(measure, "")).quantize(Decimal("0.01"))
        if not is_plausible(measure, value):
            row.errors.append(f"{Measure(measure).label}: {plausible_message(measure, value)}")
            continue
        row.values[measure] = value
    return row


def parse_inbody(data: bytes, *, filename: str) -> InBodyFile:
    """Parse an export into rows with values per measure and row-numbered problems."""
    table = _table(data, filename)
    if not table or not any(table[0]):
        raise InBodyFileError(_("The file is empty or has no header row."))
    if len(table) > MAX_ROWS + 1:
        raise InBodyFileError(_("The file has more than %(n)s rows.") % {"n": MAX_ROWS})
    layout, id_at, date_at, measures = _columns(table[0])
    if id_at is None:
        raise InBodyFileError(
            _("No ID column found. Enter the participant's day number as ID on the InBody.")
        )
    if not measures:
        raise InBodyFileError(_("No known measurement columns (weight, BMI, ...) found."))
    units = {m: header_unit(table[0][i]) for m, i in measures.items() if layout != "dbbackup"}
    rows = []
    for offset, cells in enumerate(table[1:], start=2):
        row = _read_row(offset, list(cells), id_at, date_at, measures, units)
        if row is not None:
            rows.append(row)
    columns = {m: str(table[0][i]) for m, i in measures.items()}
    return InBodyFile(layout=layout, columns=columns, rows=rows)
