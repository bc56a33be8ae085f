"""Cast tests for the region set-up pages: list (REGION_VIEW), create and edit (REGION_MANAGE)."""

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.regions.models import Location, Organisation
from tests.factories.backbone import (
    make_location,
    make_neighbourhood,
    make_organisation,
    make_professional,
)

MAKERS = {
    "neighbourhood": make_neighbourhood,
    "location": make_location,
    "organisation": make_organisation,
    "professional": make_professional,
}
PREFIX = {
    "neighbourhood": "neighbourhoods",
    "location": "locations",
    "organisation": "organisations",
    "professional": "professionals",
}


@pytest.mark.parametrize("entity", MAKERS)
def test_list_shows_own_region_only(entity, client_for, region_a, region_b):
    mine, theirs = MAKERS[entity](region_a), MAKERS[entity](region_b)
    response = client_for("host").get(f"/region/{PREFIX[entity]}/")
    assert response.status_code == 200
    assert mine.name in response.content.decode()
    assert theirs.name not in response.content.decode()


@pytest.mark.parametrize("entity", MAKERS)
def test_list_is_forbidden_for_a_role_without_region_view(entity, client_for):
    assert client_for("funder").get(f"/region/{PREFIX[entity]}/").status_code == 403


@pytest.mark.parametrize("entity", MAKERS)
def test_list_requires_login(entity, client, db):
    response = client.get(f"/region/{PREFIX[entity]}/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


@pytest.mark.parametrize("entity", MAKERS)
def test_edit_of_another_regions_record_is_404(entity, client_for, region_b):
    theirs = MAKERS[entity](region_b)
    assert (
        client_for("coordinator")
        .get(f"/region/{PREFIX[entity]}/{theirs.public_id}/edit/")
        .status_code
        == 404
    )


@pytest.mark.parametrize("entity", MAKERS)
def test_edit_is_forbidden_for_read_only_role(entity, client_for, region_a):
    mine = MAKERS[entity](region_a)
    assert (
        client_for("professional")
        .get(f"/region/{PREFIX[entity]}/{mine.public_id}/edit/")
        .status_code
        == 403
    )
    assert client_for("professional").get(f"/region/{PREFIX[entity]}/new/").status_code == 403


def test_coordinator_adds_a_location_in_her_region(client_for, region_a, region_b):
    hood = make_neighbourhood(region_a)
    client = client_for("coordinator")
    response = client.post(
        "/region/locations/new/",
        {
            "name": "Buurthuis De Mussen",
            "neighbourhood": hood.pk,
            "address": "Hoefkade 602",
            "postcode": "2526 BM",
            "city": "Den Haag",
            "rooms": "Zaal",
            "accessibility": "",
        },
    )
    assert response.status_code == 302
    location = Location.objects.get(name="Buurthuis De Mussen")
    assert location.region == region_a
    assert AccessEvent.objects.filter(
        action="create", subject_type="location", username=client.user.username
    ).exists()


def test_form_cannot_link_to_another_regions_neighbourhood(client_for, region_b):
    foreign = make_neighbourhood(region_b)
    response = client_for("coordinator").post(
        "/region/locations/new/",
        {
            "name": "X",
            "neighbourhood": foreign.pk,
            "address": "a",
            "postcode": "2526 BM",
            "city": "c",
        },
    )
    assert response.status_code == 200
    assert "neighbourhood" in response.context["form"].errors
    assert not Location.objects.filter(name="X").exists()


def test_bad_input_gets_messages_per_field_in_dutch(client_for):
    response = client_for("coordinator").post(
        "/region/organisations/new/",
        {"name": "Praktijk Zonder AGB", "kind": "gp_practice", "agb_code": "12"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Een AGB-code heeft 8 cijfers." in body
    assert not Organisation.objects.filter(name="Praktijk Zonder AGB").exists()


def test_gp_practice_without_agb_is_refused(client_for):
    response = client_for("coordinator").post(
        "/region/organisations/new/", {"name": "Praktijk Leeg", "kind": "gp_practice"}
    )
    assert response.status_code == 200
    assert "AGB" in response.content.decode()
    assert not Organisation.objects.filter(name="Praktijk Leeg").exists()


def test_coordinator_edits_a_professional(client_for, region_a):
    prof = make_professional(region_a)
    response = client_for("coordinator").post(
        f"/region/professionals/{prof.public_id}/edit/",
        {
            "name": "Nieuwe Naam",
            "discipline": "gp",
            "big_number": "12345678901",
            "vog_date": "2026-03-01",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    prof.refresh_from_db()
    assert (prof.name, prof.big_number) == ("Nieuwe Naam", "12345678901")


@pytest.mark.parametrize("entity", MAKERS)
def test_list_query_count_does_not_grow(
    entity, client_for, region_a, django_assert_max_num_queries
):
    client = client_for("coordinator")
    for _ in range(3):
        MAKERS[entity](region_a)
    with django_assert_max_num_queries(10) as few:
        client.get(f"/region/{PREFIX[entity]}/")
    for _ in range(30):
        MAKERS[entity](region_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/region/{PREFIX[entity]}/")


def test_dashboard_shows_counts_of_own_region(client_for, region_a, region_b):
    make_neighbourhood(region_a, name="Schilderswijk")
    make_neighbourhood(region_b, name="Overvecht")
    response = client_for("coordinator").get("/")
    assert response.status_code == 200
    assert response.context["counts"]["neighbourhoods"] == 1


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.30, 52.07], [4.31, 52.07], [4.31, 52.08], [4.30, 52.07]]],
}


def test_neighbourhood_area_is_stored_from_a_geojson_feature(client_for, region_a):
    import json

    feature = {"type": "Feature", "properties": {"buurtnaam": "Moerwijk"}, "geometry": SQUARE}
    response = client_for("coordinator").post(
        "/region/neighbourhoods/new/",
        {"name": "Moerwijk", "cbs_code": "BU05183800", "geometry": json.dumps(feature)},
    )
    assert response.status_code == 302
    assert region_a.neighbourhoods.get(name="Moerwijk").geometry == SQUARE


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ("{not json", "Voer een geldige JSON in."),
        ('{"type": "Point", "coordinates": [4.3, 52.07]}', "Dit is geen gebied"),
        ('{"type": "Polygon", "coordinates": []}', "Het gebied heeft geen coördinaten"),
    ],
)
def test_a_bad_area_is_refused_with_a_dutch_message(client_for, region_a, geometry, message):
    response = client_for("coordinator").post(
        "/region/neighbourhoods/new/", {"name": "Transvaal", "geometry": geometry}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not region_a.neighbourhoods.filter(name="Transvaal").exists()
