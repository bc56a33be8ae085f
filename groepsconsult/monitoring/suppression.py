"""Small-cell suppression: the ONE place every aggregate passes through before it is shown.

A dashboard, CSV export, PDF or API response gets `Cell`s from here, never raw counts, so a
cell of fewer than k people (setting SMALL_CELL_THRESHOLD, default 10) reads "<10" everywhere.
Primary suppression hides every count below k (zero included: "nobody" about a small group is
also a statement about people). Secondary (complementary) suppression then hides more cells of
a row or column whose total is shown until its hidden cells together hold at least k people:
otherwise total minus the visible cells gives back a small group (one hidden cell, or a small
cell hidden with an empty one), and with it that group's mean. Means and confidence intervals
are shown only when they rest on at least k people.

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


def suppress_grid(rows: dict, *, k=None, rows_add_up=True):
    """Suppress a two-way table of counts {row: {column: n}} with row, column and grand totals.

    `rows_add_up=False` when the columns are not parts of one whole (registered and attended,
    or one column per measure): then only the column totals can give a cell away.

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
    lines = [[(r, c) for r in rows] for c in columns]
    totals = [col_total[c] for c in columns]
    if rows_add_up:
        lines += [[(r, c) for c in columns] for r in rows]
        totals += [row_total[r] for r in rows]
    changed = True
    while changed:
        changed = False
        for line, total in zip(lines, totals, strict=True):
            shown = [key for key in line if key not in hidden]
            hidden_sum = sum(values[key] for key in line if key in hidden)
            if total >= k and len(shown) < len(line) and hidden_sum < k and shown:
                # The smallest non-empty cell: hiding an empty one would add nobody.
                hidden.add(min(shown, key=lambda key: (values[key] == 0, values[key])))
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
