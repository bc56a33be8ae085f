"""Funding pages: the cast, validation at the field, history, defaults that never overwrite,
warnings on the overview and the home dashboard, fixed query counts."""

import datetime as dt
from decimal import Decimal

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.finance.models import (
    FinanceEvent,
    FundRoute,
    Grant,
    PartnerContact,
    SustainabilityItem,
)
from tests.factories.backbone import make_organisation
from tests.factories.finance import (
    make_checklist_item,
    make_fund_route,
    make_grant,
    make_partner_contact,
)

LISTS = ["/finance/grants/", "/finance/funds/", "/finance/sustainability/", "/finance/contacts/"]
FORMS = [
    "/finance/grants/new/",
    "/finance/funds/new/",
    "/finance/sustainability/new/",
    "/finance/contacts/new/",
]
TODAY = dt.date.today()


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("role", ["coordinator", "funder", "administrator"])
def test_money_roles_see_the_funding_pages(path, role, client_for):
    assert client_for(role).get(path).status_code == 200


@pytest.mark.parametrize("path", LISTS + FORMS)
@pytest.mark.parametrize("role", ["host", "physician", "researcher", "gp_practice"])
def test_other_roles_get_403(path, role, client_for):
    assert client_for(role).get(path).status_code == 403


@pytest.mark.parametrize("path", LISTS + FORMS)
def test_anonymous_is_sent_to_login(path, client):
    assert client.get(path).url.startswith("/account/login")


@pytest.mark.parametrize(
    "path", FORMS + ["/finance/funds/known/", "/finance/sustainability/defaults/"]
)
def test_funder_reads_but_does_not_manage(path, client_for):
    funder = client_for("funder")
    assert funder.get(path).status_code in (403, 405)
    assert funder.post(path, {}).status_code == 403


def test_another_regions_records_are_404(client_for, region_b):
    client = client_for("coordinator")
    for prefix, item in [
        ("grants", make_grant(region_b)),
        ("funds", make_fund_route(region_b)),
        ("sustainability", make_checklist_item(region_b)),
        ("contacts", make_partner_contact(region_b)),
    ]:
        assert client.get(f"/finance/{prefix}/{item.public_id}/").status_code == 404


def grant_data(**kw):
    return {
        "title": "Brede SPUK 2026",
        "party": "municipality",
        "funder": "",
        "domain": "social",
        "amount": "20000",
        "spent": "0",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "warn_months": "3",
        **kw,
    }


def test_add_a_grant_writes_history_and_the_access_log(client_for, region_a):
    response = client_for("coordinator").post("/finance/grants/new/", grant_data())
    assert response.status_code == 302
    grant = Grant.objects.get(region=region_a)
    assert grant.amount == 20000 and grant.funder_label == "Gemeente"
    assert FinanceEvent.objects.filter(subject_id=grant.public_id).count() == 1
    assert AccessEvent.objects.filter(subject_type="grant", action="create").exists()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"ends_on": "2025-12-31"}, "ends_on"),
        ({"amount": "-1"}, "amount"),
        ({"warn_months": "0"}, "warn_months"),
        ({"domain": "money"}, "domain"),
        ({"starts_on": "not a date"}, "starts_on"),
    ],
)
def test_bad_grant_input_is_shown_at_the_field(data, field, client_for, region_a):
    response = client_for("coordinator").post("/finance/grants/new/", grant_data(**data))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Grant.objects.exists()


def test_grant_edit_keeps_the_old_amount_in_the_history(client_for, region_a):
    grant = make_grant(region_a)
    client = client_for("coordinator")
    data = grant_data(
        title=grant.title, amount="30000", starts_on=grant.starts_on, ends_on=grant.ends_on
    )
    assert client.post(f"/finance/grants/{grant.public_id}/", data).status_code == 302
    html = client.get(f"/finance/grants/{grant.public_id}/").content.decode()
    assert "25000 → 30000" in html


def test_contact_of_another_regions_organisation_is_refused(client_for, region_a, region_b):
    other = make_organisation(region_b)
    data = {
        "organisation": other.pk,
        "role": "Contractmanager",
        "name": "J. de Vries",
        "review_on": "2027-01-01",
    }
    response = client_for("coordinator").post("/finance/contacts/new/", data)
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not PartnerContact.objects.exists()


def test_loading_the_known_routes_twice_never_overwrites_an_edit(client_for, region_a):
    client = client_for("coordinator")
    assert client.post("/finance/funds/known/").status_code == 302
    count = FundRoute.objects.filter(region=region_a).count()
    assert count >= 10
    route = FundRoute.objects.get(region=region_a, key="implementatievoucher")
    assert "E61" in route.source
    route.status, route.name = "applying", "Voucher 2027"
    route.save()
    client.post("/finance/funds/known/")
    route.refresh_from_db()
    assert FundRoute.objects.filter(region=region_a).count() == count
    assert (route.status, route.name) == ("applying", "Voucher 2027")


def test_default_checklist_loads_once_and_progress_counts_per_group(client_for, region_a):
    client = client_for("coordinator")
    client.post("/finance/sustainability/defaults/")
    client.post("/finance/sustainability/defaults/")
    items = SustainabilityItem.objects.filter(region=region_a)
    groups = set(items.values_list("group", flat=True))
    assert groups == {"content", "organisation", "finance"}
    finance = list(items.filter(group="finance"))
    finance[0].status, finance[1].status = "done", "not_applicable"
    finance[0].save()
    finance[1].save()
    response = client.get("/finance/sustainability/")
    progress = {g.group: g for g in response.context["progress"]}
    assert (progress["finance"].done, progress["finance"].applicable) == (1, len(finance) - 1)
    assert progress["content"].done == 0
    shown = [item.group for item in response.context["page"]]
    assert shown == sorted(shown, key=["content", "organisation", "finance"].index)


def test_warnings_show_on_the_overview_and_grants_on_the_dashboard(client_for, region_a):
    make_grant(region_a, title="Voucher loopt af", ends_on=TODAY + dt.timedelta(days=40))
    make_grant(region_a, title="Te veel uitgegeven", spent=Decimal("30000"))
    make_grant(region_a, title="Loopt nog lang", ends_on=TODAY + dt.timedelta(days=500))
    make_fund_route(region_a, name="Deadline dichtbij", deadline=TODAY + dt.timedelta(days=20))
    make_fund_route(region_a, name="Deadline ver", deadline=TODAY + dt.timedelta(days=200))
    sport = make_organisation(region_a, name="Sportbedrijf Zuid")
    make_partner_contact(region_a, organisation=sport, successor="")
    html = client_for("coordinator").get("/finance/").content.decode()
    assert "Voucher loopt af" in html and "Te veel uitgegeven" in html
    assert "Deadline dichtbij" in html and "Sportbedrijf Zuid" in html
    assert "Loopt nog lang" not in html and "Deadline ver" not in html
    # The home dashboard's money panel shows the grants (money running out) only.
    html = client_for("funder").get("/").content.decode()
    assert "Voucher loopt af" in html and "Te veel uitgegeven" in html
    assert "Loopt nog lang" not in html and "Deadline dichtbij" not in html
    assert "Voucher loopt af" not in client_for("host").get("/").content.decode()


def test_a_get_writes_nothing(client_for, region_a):
    make_grant(region_a)
    make_partner_contact(region_a)
    client = client_for("coordinator")
    before = (FinanceEvent.objects.count(), AccessEvent.objects.count())
    for path in LISTS + FORMS:
        client.get(path)
    assert (FinanceEvent.objects.count(), AccessEvent.objects.count()) == before


def _fill(region, n):
    org = make_organisation(region)
    for i in range(n):
        make_grant(region, ends_on=TODAY + dt.timedelta(days=10 + i))
        make_fund_route(region, deadline=TODAY + dt.timedelta(days=5 + i))
        make_checklist_item(region, group=["content", "organisation", "finance"][i % 3])
        make_partner_contact(region, organisation=org, successor="")


@pytest.mark.parametrize("path", LISTS + ["/finance/", "/"])
def test_query_counts_do_not_grow_with_rows(
    path, client_for, region_a, django_assert_max_num_queries
):
    client = client_for("coordinator")
    _fill(region_a, 2)
    with django_assert_max_num_queries(60) as small:
        assert client.get(path).status_code == 200
    _fill(region_a, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999", "2026-13-45' OR 1=1 --"])
def test_junk_filters_are_ignored_never_a_500(value, client_for, region_a):
    make_grant(region_a)
    client = client_for("coordinator")
    query = dict.fromkeys(["domain", "current", "status", "kind", "group", "page"], value)
    for path in LISTS:
        assert client.get(path, query).status_code == 200
