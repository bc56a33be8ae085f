"""One row of a GP file -> clean values for a Participant, or every reason the row is bad.

Messages name the row and the field and quote the value, in the coordinator's language
("Rij 14: geboortedatum '31-02-1960' bestaat niet"). Cell text is never evaluated.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from groepsconsult.core.spreadsheet import FORMULA_STARTS  # noqa: F401 (earlier/checking.py imports it from here)
from groepsconsult.core.text import normalise_phone
from groepsconsult.participants.gp_import.columns import LABELS

MAX_CELL = 500
SEX = {
    "female": {"v", "vrouw", "vrouwelijk", "f", "female", "woman", "w", "vr"},
    "male": {"m", "man", "mannelijk", "male", "men"},
    "other": {"x", "o", "anders", "onbekend", "other", "unknown", "u", "overig", "nvt"},
}
SEX_LOOKUP = {word: sex for sex, words in SEX.items() for word in words}
DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: 0?0:00(?::00)?)?$")
YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]0?0:00(?::00)?)?$")
PHONE_NL = re.compile(r"^0\d{9}$")
PHONE_INTL = re.compile(r"^\+\d{8,15}$")
PHONE_TEXT = re.compile(r"^\+[\d\s\-().]{8,25}$")  # "+31 6 1234 5678" is a number, not a formula
POSTCODE = re.compile(r"^([1-9]\d{3}) ?([A-Za-z]{2})$")
ICPC = re.compile(r"^[A-Za-z]\d{2}(\.\d{1,2})?$")
MAX_AGE_YEARS = 120
# A plain address (letters, digits, . _ % + - before the @; a host name with a letters-only
# top-level domain) that Django's validate_email always accepts: checked by one regex. Anything
# else goes to validate_email itself, which decides and words the message.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
PLAIN_EMAIL = re.compile(
    rf"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,63}}"
)


def email_check(value) -> None:
    """validate_email, with a fast path for plain addresses (50,000 rows: about a second)."""
    if isinstance(value, str) and len(value) <= 320 and PLAIN_EMAIL.fullmatch(value):
        return
    validate_email(value)


@dataclass
class CleanRow:
    number: int
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def error(self, message: str) -> None:
        self.errors.append(_("Row %(row)s: %(message)s") % {"row": self.number, "message": message})


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def clean_row(number: int, cells: list, mapping: dict, width: int, today: dt.date) -> CleanRow:
    row = CleanRow(number)
    if len(cells) > width and any(as_text(c) for c in cells[width:]):
        row.error(_("has more cells than the header row (check the separator or quotes)"))
        return row
    raw = {name: cells[index] if index < len(cells) else None for name, index in mapping.items()}
    text = {name: as_text(value) for name, value in raw.items()}
    hostile = _hostile_cells(row, text)
    # Every field is still checked unless it was itself refused, so one upload shows all reasons.
    if not hostile & {"name", "given_name", "family_name", "prefix"}:
        _name(row, text)
    if "date_of_birth" not in hostile:
        _date_of_birth(row, raw.get("date_of_birth"), text["date_of_birth"], today)
    if "sex" not in hostile:
        _sex(row, text["sex"])
    if not hostile & {"phone", "email"}:
        _contact(row, raw.get("phone"), text["phone"], text.get("email", ""))
    if "postcode" not in hostile:
        _postcode(row, text["postcode"])
    if not hostile & {"reason", "icpc", "bmi", "medication"}:
        _reason(row, text)
    return row


def _hostile_cells(row, text) -> set[str]:
    """Formula-looking and huge cells make the row bad; returns the fields refused for it."""
    hostile = set()
    for name, value in text.items():
        label = LABELS[name]
        if len(value) > MAX_CELL:
            row.error(
                _("%(field)s is %(n)s characters long (at most %(max)s)")
                % {"field": label, "n": len(value), "max": MAX_CELL}
            )
            hostile.add(name)
        elif value.startswith(FORMULA_STARTS) and not (name == "phone" and PHONE_TEXT.match(value)):
            row.error(
                _(
                    "%(field)s '%(value)s' starts with '%(char)s' and could be run as a "
                    "spreadsheet formula; remove that character"
                )
                % {"field": label, "value": value[:40], "char": value[0]}
            )
            hostile.add(name)
    return hostile


def _name(row, text):
    if "given_name" in text and "family_name" in text:
        given, family = text["given_name"], text["family_name"]
    else:
        given, family = split_name(text["name"])
    if text.get("prefix"):
        family = f"{text['prefix']} {family}".strip()
    if not family or not given:
        row.error(
            _("the name is missing or incomplete ('%(value)s')")
            % {"value": f"{given} {family}".strip()}
        )
        return
    for label, value in ((LABELS["given_name"], given), (LABELS["family_name"], family)):
        if len(value) > 100:  # the label is only translated when there is something to say
            row.error(_("%(field)s is longer than 100 characters") % {"field": label})
    row.values.update(given_name=given[:100], family_name=family[:100])


def split_name(full: str) -> tuple[str, str]:
    """'Jansen, Fatima' or 'Fatima el Amrani' -> (given, family)."""
    if "," in full:
        family, _sep, given = full.partition(",")
        return given.strip(), family.strip()
    given, _sep, family = full.strip().partition(" ")
    return given.strip(), family.strip()


def _date_of_birth(row, raw, text, today):
    label = LABELS["date_of_birth"]
    if not text:
        row.error(_("%(field)s is missing") % {"field": label})
        return
    value = parse_date(raw, text)
    if value is None:
        row.error(
            _("%(field)s '%(value)s' is not a date (use dd-mm-yyyy)")
            % {"field": label, "value": text}
        )
    elif value is False:
        row.error(_("%(field)s '%(value)s' does not exist") % {"field": label, "value": text})
    elif value > today:
        row.error(_("%(field)s '%(value)s' lies in the future") % {"field": label, "value": text})
    elif today.year - value.year > MAX_AGE_YEARS:
        row.error(_("%(field)s '%(value)s' is not plausible") % {"field": label, "value": text})
    else:
        row.values["date_of_birth"] = value


def parse_date(raw, text):
    """A date, None when the text is no date at all, False when it names a non-existent day."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and 1 < raw < 80000:
        # An Excel serial day number in a cell without date formatting (day 1 = 1900-01-01).
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(raw))
    match = DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = YMD.match(text)
        if not match:
            return None
        year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return False


def _sex(row, text):
    sex = SEX_LOOKUP.get(text.lower().rstrip("."), "other" if not text else None)
    if sex is None:
        row.error(
            _("%(field)s '%(value)s' is unknown (use M, V or X)")
            % {"field": LABELS["sex"], "value": text}
        )
    else:
        row.values["sex"] = sex


def _contact(row, raw_phone, phone_text, email):
    phone = normalise_phone(raw_phone if raw_phone is not None else phone_text)
    if phone and not (PHONE_NL.match(phone) or PHONE_INTL.match(phone)):
        row.error(
            _("%(field)s '%(value)s' is not a valid phone number")
            % {"field": LABELS["phone"], "value": phone_text}
        )
    elif phone:
        row.values["phone"] = phone
    if email:
        try:
            email_check(email)
        except ValidationError:
            row.error(
                _("%(field)s '%(value)s' is not a valid address")
                % {"field": LABELS["email"], "value": email}
            )
        else:
            row.values["email"] = email.lower()
    if not phone and not email:
        row.error(_("no phone number and no e-mail address: we cannot reach this person"))


def _postcode(row, text):
    if not text:
        row.values["postcode"] = ""
        return
    match = POSTCODE.match(text.replace("  ", " "))
    if not match:
        row.error(
            _("%(field)s '%(value)s' is not a Dutch postcode (like 2525 AB)")
            % {"field": LABELS["postcode"], "value": text}
        )
    else:
        row.values["postcode"] = f"{match.group(1)} {match.group(2).upper()}"


def _reason(row, text):
    parts = []
    if text.get("reason"):
        parts.append(text["reason"])
    icpc = text.get("icpc", "")
    if icpc:
        codes = [c.strip() for c in re.split(r"[,;/ ]+", icpc) if c.strip()]
        bad = [c for c in codes if not ICPC.match(c)]
        if bad:
            row.error(
                _("ICPC code '%(value)s' is not valid (like T90 or A91.05)") % {"value": bad[0]}
            )
        parts.append("ICPC " + ", ".join(c.upper() for c in codes))
    bmi = text.get("bmi", "")
    if bmi:
        try:
            value = float(bmi.replace(",", "."))
        except ValueError:
            value = 0
        if not 10 <= value <= 90:
            row.error(_("BMI '%(value)s' is not a plausible number") % {"value": bmi})
        parts.append(f"BMI {bmi}")
    if text.get("medication"):
        parts.append(_("medication: %(value)s") % {"value": text["medication"]})
    reason = "; ".join(parts)
    if not reason:
        row.error(_("the selection reason is missing"))
    elif len(reason) > 200:
        row.error(_("the selection reason is longer than 200 characters"))
    else:
        row.values["selection_reason"] = reason
