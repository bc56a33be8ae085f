"""Region dashboard: paired change equals scipy, a planted cell of 3 never leaks, exports, cast."""

import csv
import io

import pytest
from django.core.management import call_command
from scipy import stats

from groepsconsult.audit.models import AccessEvent
from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.exports import outcomes_csv, reach_csv
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_user
from tests.factories.consent import give
from tests.factories.monitoring import plant


def rows(text):
    return {(r["neighbourhood"], r["measure"]): r for r in csv.DictReader(io.StringIO(text))}


@pytest.fixture
def planted(region_a):
    return {
        "BU00000001": plant(region_a, "BU00000001", 12, seed=1),
        "BU00000002": plant(region_a, "BU00000002", 11, seed=2),
        "BU00000003": plant(region_a, "BU00000003", 3, seed=3),
    }


def test_paired_change_equals_the_scipy_reference_to_three_decimals(region_a, planted):
    row = rows(outcomes_csv(region=region_a))["BU00000001", "systolic"]
    pairs = planted["BU00000001"]
    base, back = [b for b, _ in pairs], [r for _, r in pairs]
    ci = stats.ttest_rel(back, base).confidence_interval(0.95)
    assert row["n"] == "12"
    assert float(row["change_mean"]) == pytest.approx(sum(back) / 12 - sum(base) / 12, abs=1e-3)
    assert float(row["ci95_low"]) == pytest.approx(ci.low, abs=1e-3)
    assert float(row["ci95_high"]) == pytest.approx(ci.high, abs=1e-3)


def test_planted_cell_of_three_cannot_be_read_or_derived(region_a, planted):
    out = rows(outcomes_csv(region=region_a))
    small = out["BU00000003", "systolic"]
    assert small["n"] == "<10" and small["change_mean"] == "" and small["ci95_low"] == ""
    # Its complement is hidden too, so ALL minus the shown neighbourhoods is a group of 14.
    assert out["BU00000002", "systolic"]["n"] == "<10"
    assert out["ALL", "systolic"]["n"] == "26"
    hidden = [len(p) for code, p in planted.items() if out[code, "systolic"]["n"] == "<10"]
    assert sum(hidden) >= 10
    reach = {
        (r["neighbourhood"], r["indicator"]): r["value"]
        for r in csv.DictReader(io.StringIO(reach_csv(region=region_a)))
    }
    assert reach["BU00000003", "attended"] == "<10"
    assert reach["BU00000002", "attended"] == "<10"
    assert reach["ALL", "attended"] == "26"


def test_baseline_without_return_after_six_months_is_lost_to_follow_up(region_a):
    plant(region_a, "BU00000004", 12, returned=False)
    row = rows(outcomes_csv(region=region_a))["ALL", "systolic"]
    assert row["n"] == "<10" and row["change_mean"] == ""


def test_people_who_refused_anonymous_monitoring_are_not_counted(region_a):
    plant(region_a, "BU00000005", 10)
    user = make_user("coordinator", region_a)
    person = Trajectory.objects.filter(baseline_consultation__region=region_a).first().participant
    give(person, "anonymous_monitoring", user, given=False)
    assert rows(outcomes_csv(region=region_a))["ALL", "systolic"]["n"] == "<10"


def test_filters_narrow_the_figures(region_a):
    plant(region_a, "BU00000006", 10, sex="female")
    plant(region_a, "BU00000007", 10, sex="male", seed=4)
    only_women = outcomes_csv(region=region_a, filters=Filters(sex="female"))
    assert rows(only_women)["ALL", "systolic"]["n"] == "10"
    assert rows(outcomes_csv(region=region_a))["ALL", "systolic"]["n"] == "20"


@pytest.mark.parametrize("role", ["coordinator", "funder", "researcher", "physician"])
def test_roles_with_aggregate_view_see_the_dashboard(role, client_for, planted):
    html = client_for(role).get("/monitoring/").content.decode()
    assert "&lt;10" in html and "<svg" in html


@pytest.mark.parametrize("role", ["host", "professional", "gp_practice", "privacy_officer"])
def test_other_roles_get_403(role, client_for):
    assert client_for(role).get("/monitoring/").status_code == 403


def test_anonymous_is_sent_to_login(client):
    assert client.get("/monitoring/").url.startswith("/account/login")


def test_other_regions_figures_are_not_shown(client_for, region_b):
    plant(region_b, "BU00000009", 12)
    text = client_for("coordinator").post("/monitoring/export/outcomes.csv").content.decode()
    assert "BU00000009" not in text


def test_dashboard_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    client = client_for("funder")
    plant(region_a, "BU00000001", 2)
    with django_assert_max_num_queries(22):
        client.get("/monitoring/")
    # With filters the differencing guard (monitoring/disclosure.py) adds, per chosen filter,
    # its parent's two sizes and the parent's breakdown: a fixed number, whatever the data.
    with django_assert_max_num_queries(40):
        assert client.get("/monitoring/?sex=female&age_band=40-54").status_code == 200
    plant(region_a, "BU00000002", 15, seed=5)
    with django_assert_max_num_queries(40):
        assert client.get("/monitoring/?sex=female&age_band=40-54").status_code == 200


def test_bad_period_is_explained(client_for):
    response = client_for("funder").get("/monitoring/?start=2026-05-01&end=2026-01-01")
    assert "Het einde van de periode ligt voor het begin." in response.content.decode()


def test_csv_export_is_a_logged_post(client_for, planted):
    client = client_for("funder")
    assert client.get("/monitoring/export/outcomes.csv").status_code == 405
    response = client.post("/monitoring/export/outcomes.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().startswith(
        "neighbourhood,measure,n,baseline_mean,return_mean,change_mean,ci95_low,ci95_high"
    )
    assert AccessEvent.objects.filter(action="export", subject_type="monitoring").count() == 1
    assert client.post("/monitoring/export/nope.csv").status_code == 404


def test_funder_report_is_a_pdf(client_for, planted):
    response = client_for("coordinator").post("/monitoring/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_export_monitoring_command_writes_both_files(region_a, planted, tmp_path):
    call_command("export_monitoring", region=region_a.slug, out=str(tmp_path))
    outcomes = (tmp_path / "outcomes.csv").read_text().splitlines()
    assert outcomes[0] == (
        "neighbourhood,measure,n,baseline_mean,return_mean,change_mean,ci95_low,ci95_high"
    )
    assert (tmp_path / "reach.csv").read_text().startswith("neighbourhood,indicator,value")
    assert AccessEvent.objects.filter(action="export").exists()


def test_funder_report_shows_costs_only_to_roles_that_see_money(client_for, planted):
    from pypdf import PdfReader

    def text(role):
        pdf = client_for(role).post("/monitoring/report.pdf").content
        return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)

    assert "Kosten per deelnemer" in text("funder")
    assert "Kosten per deelnemer" not in text("researcher")


def test_funder_with_several_regions_sees_them_combined_still_suppressed(
    client_for, region_a, region_b
):
    from groepsconsult.accounts.models import Membership

    plant(region_a, "BU00000011", 6, seed=1)
    plant(region_b, "BU00000012", 6, seed=2)
    client = client_for("funder")
    one_region = client.post("/monitoring/export/outcomes.csv").content.decode()
    assert rows(one_region)["ALL", "systolic"]["n"] == "<10"
    assert "combined=1" not in client.get("/monitoring/").content.decode()
    Membership.objects.create(user=client.user, region=region_b, role="funder")
    assert "combined=1" in client.get("/monitoring/").content.decode()
    combined = client.post("/monitoring/export/outcomes.csv", {"combined": "1"}).content.decode()
    assert rows(combined)["ALL", "systolic"]["n"] == "12"
    assert rows(combined)["BU00000011", "systolic"]["n"] == "<10"


def test_combined_needs_a_role_with_group_figures_in_the_other_region(
    client_for, region_a, region_b
):
    from groepsconsult.accounts.models import Membership

    plant(region_b, "BU00000013", 12, seed=2)
    client = client_for("funder")
    Membership.objects.create(user=client.user, region=region_b, role="host")
    text = client.post("/monitoring/export/outcomes.csv", {"combined": "1"}).content.decode()
    assert "BU00000013" not in text
