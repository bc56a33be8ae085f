"""Cells that a spreadsheet will not run as a formula (CSV injection, OWASP): one guard for every
CSV the application writes.

A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`,
so Excel and LibreOffice show it as text. Numbers stay numbers: a number (int, float, Decimal)
is never touched, and neither is text that reads as a plain number such as `-1.2` or `+31`
digits only. The XLSX writer stores text cells as text (`data_type = "s"`), which is the same
guard in that format.
"""

import csv
import io
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def formula_safe(value):
    """`value` as a spreadsheet shows it without running it: text that starts like a formula
    gets a leading `'`; numbers, and text that is a plain number, are left as they are."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    return value if _NUMBER.match(value) else "'" + value


def formula_safe_rows(rows):
    """Every cell of `rows` (lists or dicts) through `formula_safe`."""
    for row in rows:
        if isinstance(row, dict):
            yield {key: formula_safe(cell) for key, cell in row.items()}
        else:
            yield [formula_safe(cell) for cell in row]


def csv_text(header, rows) -> str:
    """A CSV document (header, then rows), every cell guarded."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(formula_safe_rows(rows))
    return out.getvalue()
