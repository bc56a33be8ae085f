"""Cast tests for every view (permitted 200/302, wrong role 403, other region 404, anonymous to
login), the main flows through the HTTP layer, and pinned query counts on lists and details."""

import pytest
from django.urls import reverse

from tests.factories.consultations import (
    future,
    make_assignment,
    make_block,
    make_full_team,
    make_planned_consultation,
    make_registrations,
)


def _urls(c):
    """(name, method, url, permitted-status) per view, for consultation `c` and its objects."""
    block = c.runsheet_blocks.first() or make_block(c)
    assignment = c.assignments.first() or make_assignment(c, role="host", discipline="host")
    pid = c.public_id
    return [
        ("detail", "get", reverse("consultations:consultation-detail", args=[pid]), 200),
        ("edit", "get", reverse("consultations:consultation-edit", args=[pid]), 200),
        ("copy", "get", reverse("consultations:consultation-copy", args=[pid]), 200),
        ("status", "post", reverse("consultations:consultation-status", args=[pid]), 302),
        ("roster", "get", reverse("consultations:roster", args=[pid]), 200),
        (
            "edit-warnings",
            "get",
            reverse("consultations:consultation-edit-warnings", args=[pid]),
            200,
        ),
        ("roster-warnings", "get", reverse("consultations:roster-warnings", args=[pid]), 200),
        ("assign", "post", reverse("consultations:roster-assign", args=[pid]), 400),
        ("station", "post", reverse("consultations:roster-station-add", args=[pid]), 400),
        (
            "unassign",
            "post",
            reverse("consultations:roster-remove", args=[pid, "assignment", assignment.public_id]),
            302,
        ),
        ("runsheet", "get", reverse("consultations:runsheet", args=[pid]), 200),
        ("print", "get", reverse("consultations:runsheet-print", args=[pid]), 200),
        ("pdf", "get", reverse("consultations:runsheet-pdf", args=[pid]), 200),
        ("add-block", "post", reverse("consultations:runsheet-add", args=[pid]), 302),
        ("reset", "post", reverse("consultations:runsheet-reset", args=[pid]), 302),
        ("block-edit", "get", reverse("consultations:block-edit", args=[block.public_id]), 200),
        (
            "block-up",
            "post",
            reverse("consultations:block-action", args=[block.public_id, "down"]),
            302,
        ),
    ]


WRITES = {"edit", "copy", "status", "assign", "station", "unassign", "add-block", "reset"}
WRITES |= {"block-edit", "block-up", "edit-warnings", "roster-warnings"}
VIEW_NAMES = [
    "detail", "edit", "copy", "status", "roster", "assign", "station", "unassign",
    "runsheet", "print", "pdf", "add-block", "reset", "block-edit", "block-up",
    "edit-warnings", "roster-warnings",
]  # fmt: skip


def _one(c, name):
    return next(row for row in _urls(c) if row[0] == name)


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_permitted_role_gets_the_page(name, client_for, region_a):
    _name, method, url, expected = _one(make_planned_consultation(region_a), name)
    assert getattr(client_for("coordinator"), method)(url).status_code == expected


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_other_regions_objects_are_404(name, client_for, region_b):
    _name, method, url, _expected = _one(make_planned_consultation(region_b), name)
    assert getattr(client_for("coordinator"), method)(url).status_code == 404


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_wrong_role_is_403(name, client_for, region_a):
    _name, method, url, _expected = _one(make_planned_consultation(region_a), name)
    role = "host" if name in WRITES else "funder"  # host may look, not change
    assert getattr(client_for(role), method)(url).status_code == 403


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_anonymous_goes_to_login(name, client, region_a):
    _name, method, url, _expected = _one(make_planned_consultation(region_a), name)
    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


REGION_PAGES = [
    ("consultations:consultation-list", "get", 200, "funder"),
    ("consultations:consultation-calendar", "get", 200, "funder"),
    ("consultations:runsheet-template", "get", 200, "funder"),
    ("consultations:consultation-create", "get", 200, "host"),
    ("consultations:consultation-warnings", "get", 200, "host"),
    ("consultations:runsheet-template-add", "post", 302, "host"),
]


@pytest.mark.parametrize("url_name, method, expected, wrong_role", REGION_PAGES)
def test_region_pages_cast(url_name, method, expected, wrong_role, client_for, client, region_a):
    url = reverse(url_name)
    assert getattr(client_for("coordinator"), method)(url).status_code == expected
    assert getattr(client_for(wrong_role), method)(url).status_code == 403
    anonymous = getattr(client, method)(url)
    assert anonymous.status_code == 302 and "/account/login/" in anonymous["Location"]


def _grow(region, n):
    for _ in range(n):
        c = make_planned_consultation(region, starts_at=future(5))
        make_full_team(c)
        make_registrations(c, 2)


@pytest.mark.parametrize(
    "url_name",
    ["consultations:consultation-list", "consultations:consultation-calendar", "dashboard"],
)
def test_list_query_count_does_not_grow(
    url_name, client_for, region_a, django_assert_max_num_queries
):
    client = client_for("coordinator")
    _grow(region_a, 2)
    with django_assert_max_num_queries(20) as few:
        assert client.get(reverse(url_name)).status_code == 200
    _grow(region_a, 12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse(url_name))


@pytest.mark.parametrize("name", ["detail", "roster", "runsheet", "print"])
def test_detail_query_count_does_not_grow(
    name, client_for, region_a, django_assert_max_num_queries
):
    client = client_for("coordinator")
    c = make_planned_consultation(region_a)
    make_full_team(c)
    make_registrations(c, 2)
    url = _one(c, name)[2]
    with django_assert_max_num_queries(25) as few:
        assert client.get(url).status_code == 200
    for kind in ("care", "welfare", "movement"):
        for _ in range(4):
            make_assignment(c, station_kind=kind)
    make_registrations(c, 10)
    for _ in range(6):
        make_block(c)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_template_page_query_count_does_not_grow(
    client_for, region_a, django_assert_max_num_queries
):
    from groepsconsult.audit.services import Actor
    from groepsconsult.consultations import services

    client = client_for("coordinator")
    url = reverse("consultations:runsheet-template")
    client.get(url)  # creates the default template once
    with django_assert_max_num_queries(20) as few:
        assert client.get(url).status_code == 200
    template = services.runsheet_template_default(region=region_a, by=Actor.system())
    for i in range(10):
        services.runsheet_block_add(owner=template, by=Actor.system(), title=f"B{i}", minutes=5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert "B9" in page
