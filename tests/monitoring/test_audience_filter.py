"""The audience filter (mixed / women only / men only sessions) on facts and registrations."""

import csv
import io

from groepsconsult.consultations.models import Consultation
from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.exports import outcomes_csv, reach_csv
from groepsconsult.monitoring.forms import DashboardFilterForm
from groepsconsult.monitoring.models import TrajectoryFact
from groepsconsult.monitoring.process import attendance_by_kind
from groepsconsult.monitoring.services import facts_rebuild
from tests.factories.monitoring import plant


def planted(region):
    plant(region, "BU00000001", 12, seed=1)
    Consultation.objects.filter(region=region, neighbourhood__cbs_code="BU00000001").update(
        audience="women"
    )
    plant(region, "BU00000002", 11, seed=2)
    facts_rebuild(region=region)


def n_all(region, filters):
    rows = csv.DictReader(io.StringIO(outcomes_csv(region=region, filters=filters)))
    return next(r["n"] for r in rows if (r["neighbourhood"], r["measure"]) == ("ALL", "systolic"))


def test_facts_carry_the_first_sessions_audience(region_a):
    planted(region_a)
    audiences = dict(
        TrajectoryFact.objects.values_list("neighbourhood__cbs_code", "audience").distinct()
    )
    assert audiences == {"BU00000001": "women", "BU00000002": "mixed"}


def test_audience_narrows_outcomes_reach_and_attendance(region_a):
    planted(region_a)
    assert n_all(region_a, Filters()) == "23"
    assert n_all(region_a, Filters(audience="women")) == "12"
    assert n_all(region_a, Filters(audience="mixed")) == "11"
    assert n_all(region_a, Filters(audience="men")) == "<10"
    reach = reach_csv(region=region_a, filters=Filters(audience="women"))
    assert "BU00000001" in reach and "BU00000002" not in reach
    first = attendance_by_kind(region=region_a, filters=Filters(audience="mixed"))
    assert str(first[0][1].whole) == "11"


def test_form_gives_the_audience_and_explains_a_bad_one(region_a):
    form = DashboardFilterForm({"audience": "women"}, region=region_a)
    assert form.filters().audience == "women"
    bad = DashboardFilterForm({"audience": "children"}, region=region_a)
    assert not bad.is_valid() and "audience" in bad.errors


def test_dashboard_filters_by_audience(client_for, region_a):
    planted(region_a)
    page = client_for("coordinator").get("/monitoring/", {"audience": "women"})
    assert page.status_code == 200
    text = page.content.decode()
    assert '<option value="women" selected>' in text
    assert "BU00000001 (BU00000001)" in text and "BU00000002 (BU00000002)" not in text
