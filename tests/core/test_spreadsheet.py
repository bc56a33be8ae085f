"""CSV formula-injection guard: one helper for every CSV (monitoring, research, access log)."""

import csv
import io

import pytest

from groepsconsult.core.spreadsheet import csv_text, formula_safe
from groepsconsult.monitoring.exports import outcomes_csv, reach_csv
from groepsconsult.research.exports import agreement_export
from tests.factories.backbone import make_user
from tests.factories.monitoring import plant
from tests.factories.research import consent_all, make_agreement, make_project

FORMULA_CODE = "=SUM(A1)*9"  # fits the code column (10 characters) on PostgreSQL too


def cells(text):
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-1.2", "-1.2"),  # a number written as text stays a number
        ("+3", "+3"),
        ("-1e3", "-1e3"),
        ("BU05180001", "BU05180001"),
        ("", ""),
        (-1.2, -1.2),
        (-3, -3),
        (None, None),
    ],
)
def test_formula_safe(value, shown):
    assert formula_safe(value) == shown


def test_csv_text_guards_rows_not_numbers():
    text = csv_text(["a", "b"], [["=1+1", -2.5], ["ok", "-0.75"]])
    assert text == "a,b\n'=1+1,-2.5\nok,-0.75\n"


def test_monitoring_csvs_guard_text_and_keep_negative_numbers(region_a):
    plant(region_a, FORMULA_CODE, 12, seed=3)
    outcomes, reach = cells(outcomes_csv(region=region_a)), cells(reach_csv(region=region_a))
    for text in (outcomes, reach):
        assert "'" + FORMULA_CODE in text
        assert FORMULA_CODE not in text
    negatives = [c for c in outcomes if c.startswith("-")]
    assert negatives  # a confidence bound below zero: still a plain number
    assert all(float(c) < 0 for c in negatives)


def test_research_csv_guards_text(region_a):
    plant(region_a, FORMULA_CODE, 12)
    consent_all(region_a, make_user("coordinator", region_a))
    agreement = make_agreement(make_project(region_a, k_anonymity=2), variables=["neighbourhood"])
    rows = list(
        csv.DictReader(io.StringIO(agreement_export(agreement=agreement).files["participants.csv"]))
    )
    assert {r["neighbourhood"] for r in rows} == {"'" + FORMULA_CODE}
