"""Process and equity figures as CSV/XLSX: long format, suppressed cells, logged, no person rows."""

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from groepsconsult.audit.models import AccessEvent
from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.exports_process import (
    EQUITY_HEADER,
    PROCESS_HEADER,
    equity_csv,
    equity_xlsx,
    process_csv,
    process_xlsx,
)
from groepsconsult.monitoring.models import Target
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.participants.models import Participant
from groepsconsult.regions.models import Neighbourhood
from tests.factories.monitoring import plant


@pytest.fixture
def planted(region_a):
    plant(region_a, "BU00000001", 12, seed=1)
    plant(region_a, "BU00000002", 11, seed=2)
    plant(region_a, "BU00000003", 3, seed=3)
    for code, quintile in {"BU00000001": 1, "BU00000002": 2, "BU00000003": 3}.items():
        Neighbourhood.objects.filter(region=region_a, cbs_code=code).update(ses_quintile=quintile)
    facts_rebuild(region=region_a)  # a bulk update skips the services' signal: rebuild


def table(text):
    return {tuple(r[:3]): r[3] for r in list(csv.reader(io.StringIO(text)))[1:]}


def test_process_csv_is_long_format_with_suppressed_cells(region_a, planted):
    text = process_csv(region=region_a)
    assert text.splitlines()[0] == ",".join(PROCESS_HEADER) == "table,group,indicator,value"
    rows = table(text)
    assert rows["people", "ALL", "attended"] == "26"
    assert rows["people", "ALL", "returned"] == "26"
    assert rows["people", "ALL", "dropped_out"] == "<10"  # nobody stopped: zero is hidden too
    assert rows["people", "ALL", "dropped_out_percent"] == "<10"
    assert rows["people", "ALL", "returned_percent"] == "100"
    assert rows["attendance", "first", "registered"] == "26"
    # Nobody was ticked present at the return session (0: hidden), so the first session's
    # 26 present is hidden beside it, or the "all sessions" total would give the 0 away.
    assert rows["attendance", "return", "present"] == "<10"
    assert rows["attendance", "first", "present"] == "<10"
    assert rows["attendance", "ALL", "present"] == "26"
    assert rows["attendance", "ALL", "present_percent"] == "50"
    assert rows["handovers", "ALL", "total"] == "<10"
    assert rows["dropout", "other", "stopped"] == "<10"
    assert {r[0] for r in rows} == {
        "people",
        "attendance",
        "handovers",
        "dropout",
        "colour_moves",
    }


def test_targets_progress_is_in_the_process_file(region_a, planted):
    Target.objects.create(region=region_a, year=2025, indicator="reached", value=40)
    Target.objects.create(region=region_a, year=2025, indicator="sessions", value=5)

    rows = table(process_csv(region=region_a, filters=Filters(end=dt.date(2025, 12, 31))))
    assert rows["targets", "2025", "reached"] == "26"
    assert rows["targets", "2025", "reached_target"] == "40.0"
    assert rows["targets", "2025", "sessions"] == "3"


def test_equity_csv_hides_the_group_of_three_and_its_complement(region_a, planted):
    text = equity_csv(region=region_a)
    assert text.splitlines()[0] == ",".join(EQUITY_HEADER) == "breakdown,group,indicator,value"
    rows = table(text)
    assert rows["deprivation", "3", "attended"] == "<10"
    assert rows["deprivation", "2", "attended"] == "<10"
    assert rows["deprivation", "1 (lowest status)", "attended"] == "12"
    assert rows["deprivation", "ALL", "attended"] == "26"
    assert rows["education", "Not known", "attended"] == "<10"  # the other groups are empty
    assert rows["education", "ALL", "attended"] == "26"
    assert "3" not in {value for key, value in rows.items() if key[2] == "attended"}
    assert {r[0] for r in rows} == {
        "deprivation",
        "education",
        "literacy",
        "sex",
        "age",
        "language",
    }


def test_no_row_is_about_one_person(region_a, planted):
    names = set()
    for p in Participant.objects.filter(region=region_a):
        names |= {p.given_name, p.family_name, str(p.public_id)}
    for text in (process_csv(region=region_a), equity_csv(region=region_a)):
        for row in csv.reader(io.StringIO(text)):
            assert not names & set(row)


@pytest.mark.parametrize(
    ("as_csv", "as_xlsx"), [(process_csv, process_xlsx), (equity_csv, equity_xlsx)]
)
def test_xlsx_holds_the_same_rows_as_the_csv(region_a, planted, as_csv, as_xlsx):
    sheet = load_workbook(io.BytesIO(as_xlsx(region=region_a))).active
    got = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert got == list(csv.reader(io.StringIO(as_csv(region=region_a))))


@pytest.mark.parametrize("name", ["process.csv", "process.xlsx", "equity.csv", "equity.xlsx"])
def test_download_is_a_logged_post(client_for, planted, name):
    client = client_for("funder")
    assert client.get(f"/monitoring/export/{name}").status_code == 405
    response = client.post(f"/monitoring/export/{name}", {"sex": "female"})
    assert response.status_code == 200
    assert f'filename="{name}"' in response["Content-Disposition"]
    assert AccessEvent.objects.get(action="export", subject_type="monitoring").detail == name


def test_download_buttons_on_dashboard_and_equity_page(client_for, planted):
    client = client_for("coordinator")
    dashboard = client.get("/monitoring/").content.decode()
    assert "/monitoring/export/process.csv" in dashboard
    assert "/monitoring/export/process.xlsx" in dashboard
    equity = client.get("/monitoring/equity/?sex=female").content.decode()
    assert "/monitoring/export/equity.csv" in equity and "/monitoring/export/equity.xlsx" in equity
    assert 'name="sex" value="female"' in equity


def test_export_monitoring_writes_process_and_equity(region_a, planted, tmp_path):
    call_command("export_monitoring", region=region_a.slug, out=str(tmp_path))
    assert (tmp_path / "outcomes.csv").read_text().startswith("neighbourhood,measure,n,")
    assert (tmp_path / "reach.csv").read_text().startswith("neighbourhood,indicator,value")
    assert (tmp_path / "process.csv").read_text() == process_csv(region=region_a)
    assert (tmp_path / "equity.csv").read_text() == equity_csv(region=region_a)
    assert (tmp_path / "process.xlsx").read_bytes().startswith(b"PK")
    assert (tmp_path / "equity.xlsx").read_bytes().startswith(b"PK")
    event = AccessEvent.objects.get(action="export")
    assert "process.csv" in event.detail and "equity.xlsx" in event.detail


def test_process_export_query_count_does_not_grow(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("funder")
    plant(region_a, "BU00000001", 2)
    with django_assert_max_num_queries(15):  # 14 + the colour moves
        client.post("/monitoring/export/process.csv")
    plant(region_a, "BU00000002", 15, seed=5)
    with django_assert_max_num_queries(15):  # 14 + the colour moves
        client.post("/monitoring/export/process.csv")
