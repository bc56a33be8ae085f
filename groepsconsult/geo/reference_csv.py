"""Read a CSV of reference figures: columns `code,indicator,value`, one figure a row.

`code` is a neighbourhood (BU…), district (WK…) or municipality (GM…) code, or NL for the
national figure; `indicator` a short name such as `self_rated_health_good`; `value` a number
(a decimal comma is fine). Every bad row is listed; nothing is kept unless all rows are good.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from groepsconsult.core.uploads import Limits, UploadRejected, check_size, csv_rows
from groepsconsult.geo.models import area_code_validator, indicator_validator

LIMITS = Limits(max_bytes=2 * 1024 * 1024, max_rows=50_000, max_columns=20)
COLUMNS = ("code", "indicator", "value")
MAX_VALUE = Decimal("99999999999")


@dataclass(frozen=True)
class Row:
    code: str
    indicator: str
    value: Decimal


def read_reference_csv(data: bytes) -> list[Row]:
    check_size(len(data), LIMITS)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadRejected(_("The file is not UTF-8 text. Save it as CSV (UTF-8).")) from None
    rows = [(n, cells) for n, cells in csv_rows(text, LIMITS) if any(c.strip() for c in cells)]
    if not rows:
        raise UploadRejected(_("The file is empty."))
    header = [c.strip().lower() for c in rows[0][1]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise UploadRejected(
            _("The first row must name the columns code, indicator and value; missing: %(cols)s.")
            % {"cols": ", ".join(missing)}
        )
    at = {c: header.index(c) for c in COLUMNS}
    result, errors, seen = [], [], {}
    for number, cells in rows[1:]:
        row, problem = _row(cells, at)
        key = (row.code, row.indicator) if row else None
        if not problem and key in seen:
            problem = _("the same code and indicator as row %(row)s.") % {"row": seen[key]}
        if problem:
            errors.append(_("Row %(row)s: %(problem)s") % {"row": number, "problem": problem})
            continue
        seen[key] = number
        result.append(row)
    if errors:
        raise UploadRejected(*errors)
    if not result:
        raise UploadRejected(_("The file has a header but no figures."))
    return result


def _row(cells, at):
    def cell(column):
        return cells[at[column]].strip() if at[column] < len(cells) else ""

    code, indicator = cell("code").upper(), cell("indicator").lower()
    for value, validator in ((code, area_code_validator), (indicator, indicator_validator)):
        try:
            validator(value)
        except ValidationError as error:
            return None, f"{value or '–'}: {' '.join(error.messages)}"
    try:
        value = Decimal(cell("value").replace(",", "."))
    except InvalidOperation:
        return None, _("the value %(value)s is not a number.") % {"value": cell("value") or "–"}
    if not value.is_finite() or abs(value) > MAX_VALUE:
        return None, _("the value %(value)s is not a usable number.") % {"value": cell("value")}
    return Row(code, indicator, value.quantize(Decimal("0.001"))), None
