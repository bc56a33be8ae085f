"""Small-cell suppression: the ONE place every aggregate passes through before it is shown.

A dashboard, CSV export, PDF or API response gets `Cell`s from here, never raw counts, so a
cell of fewer than k people (setting SMALL_CELL_THRESHOLD, default 10) reads "<10" everywhere.
Primary suppression hides every count below k (zero included: "nobody" about a small group is
also a statement about people). Secondary (complementary) suppression then hides the smallest
other cell of a row or column whenever exactly one cell there is hidden and its total is
shown, because total minus the visible cells would give the hidden one back. Means and
confidence intervals are shown only when they rest on at least k people.

The plenary summary shown in the room is the one exception (docs/adr/0007).
"""

from dataclasses import dataclass

from django.conf import settings


def threshold() -> int:
    return settings.SMALL_CELL_THRESHOLD


@dataclass(frozen=True)
class Cell:
    """A shown or suppressed figure. `value` is None when suppressed: it never leaves here."""

    value: float | int | None
    k: int

    @property
    def suppressed(self) -> bool:
        return self.value is None

    @property
    def label(self) -> str:
        return f"<{self.k}" if self.value is None else str(self.value)

    def __str__(self):
        return self.label


def suppress(value, n, *, k=None) -> Cell:
    """`value` (a count, mean or bound) resting on `n` people; hidden when n < k."""
    k = k or threshold()
    return Cell(value=None if n < k else value, k=k)


def suppress_count(n, *, k=None) -> Cell:
    return suppress(n, n, k=k)


def suppress_counts(counts: dict, *, k=None) -> tuple[dict, Cell]:
    """({key: Cell}, total Cell) for one row of counts with its total."""
    grid, _row_totals, col_totals, total = suppress_grid({"row": counts}, k=k)
    return grid["row"], total


def suppress_grid(rows: dict, *, k=None):
    """Suppress a two-way table of counts {row: {column: n}} with row, column and grand totals.

    Returns (cells {row: {column: Cell}}, row totals {row: Cell}, column totals {column: Cell},
    grand total Cell). Complementary suppression is repeated until no row or column has a single
    hidden cell beside a shown total.
    """
    k = k or threshold()
    columns = list(dict.fromkeys(c for counts in rows.values() for c in counts))
    values = {(r, c): rows[r].get(c, 0) for r in rows for c in columns}
    hidden = {key for key, n in values.items() if n < k}
    row_total = {r: sum(values[r, c] for c in columns) for r in rows}
    col_total = {c: sum(values[r, c] for r in rows) for c in columns}
    lines = [[(r, c) for c in columns] for r in rows]
    lines += [[(r, c) for r in rows] for c in columns]
    totals = [row_total[r] for r in rows] + [col_total[c] for c in columns]
    changed = True
    while changed:
        changed = False
        for line, total in zip(lines, totals, strict=True):
            shown = [key for key in line if key not in hidden]
            if total >= k and len(line) - len(shown) == 1 and shown:
                hidden.add(min(shown, key=lambda key: values[key]))
                changed = True
    cells = {
        r: {c: Cell(None if (r, c) in hidden else values[r, c], k) for c in columns} for r in rows
    }
    grand = sum(row_total.values())
    return (
        cells,
        {r: suppress_count(n, k=k) for r, n in row_total.items()},
        {c: suppress_count(n, k=k) for c, n in col_total.items()},
        suppress_count(grand, k=k),
    )
