"""Read an earlier-results file and check every row: who, when, where, and which values.

File checks (size, type, zip bombs, encodings) are the GP import's (`gp_import.reading`), cell
checks (formula injection, huge cells, dates, names, sex) its `cleaning` helpers, and the values
are checked by the same rules as at the station (`measurements.services.values_errors`). Every
problem becomes a message naming the row and the field; nothing is written here.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.core.text import fold_name
from groepsconsult.measurements.earlier.columns import LABELS, MEASURE_NAMES, map_columns
from groepsconsult.measurements.services import values_errors
from groepsconsult.participants.gp_import.cleaning import (
    FORMULA_STARTS,
    MAX_CELL,
    SEX_LOOKUP,
    CleanRow,
    as_text,
    parse_date,
    split_name,
)
from groepsconsult.participants.gp_import.reading import read_file
from groepsconsult.regions.models import Location

YES = {"ja", "j", "yes", "y", "1", "true", "waar", "nuchter"}
NO = {"nee", "n", "no", "0", "false", "onwaar", "niet nuchter"}
CENT = Decimal("0.01")


@dataclass
class Checked:
    rows: list[CleanRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def places(region) -> dict:
    """Folded neighbourhood name or CBS code -> the neighbourhood's first location."""
    found = {}
    locations = Location.objects.filter(region=region).select_related("neighbourhood")
    for location in locations.order_by("name", "id"):
        hood = location.neighbourhood
        for key in (fold_name(hood.name), fold_name(hood.cbs_code)):
            if key:
                found.setdefault(key, location)
    return found


def check_file(*, data: bytes, file_name: str, region, neighbourhood: str = "", today=None):
    """Every row checked; raises gp_import's FileRejected when the file as a whole cannot be used."""
    sheet = read_file(data, file_name)
    mapping, ignored = map_columns(sheet.header, has_default_neighbourhood=bool(neighbourhood))
    today = today or timezone.localdate()
    located = places(region)
    checked = Checked(ignored_columns=ignored)
    for number, cells in sheet.rows:
        row = _clean(number, cells, mapping, len(sheet.header), today)
        if "neighbourhood" in row.values:  # not for a row refused as a whole
            _place(row, row.values.pop("neighbourhood") or neighbourhood, located)
        if row.errors:
            checked.errors.extend(row.errors)
        else:
            checked.rows.append(row)
    return checked


def _clean(number, cells, mapping, width, today) -> CleanRow:
    row = CleanRow(number)
    if len(cells) > width and any(as_text(c) for c in cells[width:]):
        row.error(_("has more cells than the header row (check the separator or quotes)"))
        return row
    raw = {name: cells[index] if index < len(cells) else None for name, index in mapping.items()}
    text = {name: as_text(value) for name, value in raw.items()}
    if _hostile(row, text):
        return row
    _person(row, raw, text, today)
    _session_date(row, raw.get("session_date"), text["session_date"], today)
    row.values["neighbourhood"] = text.get("neighbourhood", "")
    _values(row, text)
    return row


def _hostile(row, text) -> bool:
    """Formula-looking and huge cells make the row bad (never evaluated, never stored)."""
    for name, value in text.items():
        if len(value) > MAX_CELL:
            row.error(
                _("%(field)s is %(n)s characters long (at most %(max)s)")
                % {"field": LABELS[name], "n": len(value), "max": MAX_CELL}
            )
        elif value.startswith(FORMULA_STARTS):
            row.error(
                _(
                    "%(field)s '%(value)s' starts with '%(char)s' and could be run as a "
                    "spreadsheet formula; remove that character"
                )
                % {"field": LABELS[name], "value": value[:40], "char": value[0]}
            )
    return bool(row.errors)


def _person(row, raw, text, today):
    if "given_name" in text and "family_name" in text:
        given, family = text["given_name"], text["family_name"]
    else:
        given, family = split_name(text.get("name", ""))
    if text.get("prefix"):
        family = f"{text['prefix']} {family}".strip()
    if not given or not family:
        row.error(
            _("the name is missing or incomplete ('%(value)s')")
            % {"value": f"{given} {family}".strip()}
        )
    elif len(given) > 100 or len(family) > 100:
        row.error(_("%(field)s is longer than 100 characters") % {"field": LABELS["name"]})
    else:
        row.values.update(given_name=given, family_name=family)
    birth = _date(row, "date_of_birth", raw.get("date_of_birth"), text["date_of_birth"], today)
    if birth:
        row.values["date_of_birth"] = birth
    sex = SEX_LOOKUP.get(text.get("sex", "").lower().rstrip("."), None)
    if text.get("sex") and sex is None:
        row.error(
            _("%(field)s '%(value)s' is unknown (use M, V or X)")
            % {"field": LABELS["sex"], "value": text["sex"]}
        )
    row.values["sex"] = sex or "other"


def _date(row, name, raw, text, today):
    label = LABELS[name]
    value = parse_date(raw, text) if text else None
    if not text:
        row.error(_("%(field)s is missing") % {"field": label})
    elif value is None:
        row.error(
            _("%(field)s '%(value)s' is not a date (use dd-mm-yyyy)")
            % {"field": label, "value": text}
        )
    elif value is False:
        row.error(_("%(field)s '%(value)s' does not exist") % {"field": label, "value": text})
    elif value >= today:
        row.error(_("%(field)s '%(value)s' is not in the past") % {"field": label, "value": text})
    elif today.year - value.year > 120:
        row.error(_("%(field)s '%(value)s' is not plausible") % {"field": label, "value": text})
    else:
        return value
    return None


def _session_date(row, raw, text, today):
    day = _date(row, "session_date", raw, text, today)
    birth = row.values.get("date_of_birth")
    if day and birth and day <= birth:
        row.error(
            _("%(field)s '%(value)s' lies before the date of birth")
            % {"field": LABELS["session_date"], "value": text}
        )
    elif day:
        row.values["session_date"] = day


def _values(row, text):
    values = {}
    for measure in MEASURE_NAMES:
        cell = text.get(measure, "")
        if not cell:
            continue
        try:
            value = Decimal(cell.replace(",", ".")).quantize(CENT, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            row.error(
                _("%(field)s '%(value)s' is not a number")
                % {"field": LABELS[measure], "value": cell}
            )
            continue
        values[measure] = value
    fasting = _fasting(row, text.get("fasting", ""))
    if not values and not row.errors:
        row.error(_("no measured value in this row"))
        return
    for name, message in values_errors(values, fasting).items():
        row.error(f"{LABELS.get(name, _('values'))}: {message}")
    row.values.update(values=values, fasting=fasting)


def _fasting(row, text):
    word = text.lower()
    if not word:
        return None
    if word in YES:
        return True
    if word in NO:
        return False
    row.error(
        _("%(field)s '%(value)s' is unknown (use ja or nee)")
        % {"field": LABELS["fasting"], "value": text}
    )
    return None


def _place(row, name, located):
    if not name:
        row.error(_("%(field)s is missing") % {"field": LABELS["neighbourhood"]})
        return
    location = located.get(fold_name(name))
    if location is None:
        row.error(
            _("%(field)s '%(value)s' is not a neighbourhood of this region with a location")
            % {"field": LABELS["neighbourhood"], "value": name}
        )
    else:
        row.values["location"] = location
