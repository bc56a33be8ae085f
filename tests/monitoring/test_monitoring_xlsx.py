"""XLSX beside each CSV export: the same suppressed rows, and logged the same way."""

import csv
import io

import pytest
from openpyxl import load_workbook

from groepsconsult.audit.models import AccessEvent
from groepsconsult.monitoring.exports import (
    outcomes_csv,
    outcomes_xlsx,
    reach_csv,
    reach_xlsx,
    xlsx_bytes,
)
from tests.factories.monitoring import plant


@pytest.fixture
def planted(region_a):
    plant(region_a, "BU05180001", 12, seed=1)
    plant(region_a, "BU05180002", 3, seed=2)


def xlsx_rows(body):
    sheet = load_workbook(io.BytesIO(body)).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def csv_rows(text):
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("as_csv", "as_xlsx"), [(outcomes_csv, outcomes_xlsx), (reach_csv, reach_xlsx)]
)
def test_xlsx_holds_the_same_rows_as_the_csv(region_a, planted, as_csv, as_xlsx):
    expected = csv_rows(as_csv(region=region_a))
    assert xlsx_rows(as_xlsx(region=region_a)) == expected
    assert any("<10" in row for row in expected)  # the small neighbourhood is suppressed


def test_text_starting_with_a_formula_sign_stays_text():
    sheet = load_workbook(io.BytesIO(xlsx_bytes(["a"], [["=1+1"]], title="t"))).active
    assert sheet["A2"].value == "=1+1"
    assert sheet["A2"].data_type == "s"


def test_xlsx_export_is_a_logged_post(client_for, planted):
    client = client_for("funder")
    assert client.get("/monitoring/export/outcomes.xlsx").status_code == 405
    response = client.post("/monitoring/export/reach.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="reach.xlsx"' in response["Content-Disposition"]
    assert (
        AccessEvent.objects.get(action="export", subject_type="monitoring").detail == "reach.xlsx"
    )
    assert client.post("/monitoring/export/nope.xlsx").status_code == 404


def test_dashboard_offers_the_xlsx_downloads(client_for):
    html = client_for("funder").get("/monitoring/").content.decode()
    assert "/monitoring/export/outcomes.xlsx" in html
    assert "/monitoring/export/reach.xlsx" in html
