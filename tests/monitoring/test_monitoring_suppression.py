"""Small-cell suppression: primary, complementary (rows, columns), statistics, threshold."""

import itertools

import pytest

from groepsconsult.monitoring.suppression import (
    suppress,
    suppress_count,
    suppress_counts,
    suppress_grid,
)


def test_counts_below_ten_read_less_than_ten():
    assert suppress_count(3).label == "<10"
    assert suppress_count(0).label == "<10"
    assert suppress_count(10).label == "10"
    assert suppress_count(3).value is None


def test_statistics_are_hidden_when_they_rest_on_fewer_than_k():
    assert suppress(128.4, 9).suppressed
    assert suppress(128.4, 10).value == 128.4


def test_threshold_is_a_setting(settings):
    settings.SMALL_CELL_THRESHOLD = 5
    assert suppress_count(5).label == "5"
    assert suppress_count(4).label == "<5"


def test_a_single_hidden_cell_beside_a_shown_total_takes_another_with_it():
    cells, total = suppress_counts({"flyer": 3, "gp": 40, "door": 25})
    assert total.value == 68
    assert cells["flyer"].suppressed and cells["door"].suppressed
    assert cells["gp"].value == 40


def test_planted_cell_of_three_cannot_be_derived_from_rows_columns_or_totals():
    rows = {
        "Moerwijk": {"male": 3, "female": 30, "other": 12},
        "Transvaal": {"male": 20, "female": 22, "other": 15},
        "Laak": {"male": 11, "female": 18, "other": 14},
    }
    cells, row_totals, col_totals, grand = suppress_grid(rows)
    assert cells["Moerwijk"]["male"].suppressed
    lines = [[(r, c) for c in rows["Laak"]] for r in rows]
    lines += [[(r, c) for r in rows] for c in rows["Laak"]]
    totals = [row_totals[r] for r in rows] + [col_totals[c] for c in rows["Laak"]]
    for line, total in zip(lines, totals, strict=True):
        hidden = [rows[r][c] for r, c in line if cells[r][c].suppressed]
        assert total.suppressed or not hidden or sum(hidden) >= 10, line


@pytest.mark.parametrize("values", list(itertools.product([0, 3, 12, 40], repeat=3)))
def test_hidden_cells_beside_a_shown_total_always_hold_at_least_k(values):
    counts = dict(zip("abc", values, strict=True))
    cells, total = suppress_counts(counts)
    hidden = [counts[key] for key, cell in cells.items() if cell.suppressed]
    assert total.suppressed or not hidden or sum(hidden) >= 10


def test_a_small_cell_is_not_paired_with_an_empty_one():
    cells, _total = suppress_counts({"a": 3, "b": 0, "c": 40, "d": 25})
    assert cells["d"].suppressed and cells["c"].value == 40
