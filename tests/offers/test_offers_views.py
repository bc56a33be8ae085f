"""Cast tests for the social map: list/detail (OFFER_VIEW), create/edit/confirm (OFFER_MANAGE)."""

import datetime as dt

import pytest

from groepsconsult.offers.models import NeighbourhoodOffer, OfferEvent
from tests.factories.backbone import make_neighbourhood, make_organisation
from tests.factories.offers import make_offer

READER, READ_ONLY, MANAGER, OUTSIDER = "professional", "health_champion", "administrator", "funder"


def form_data(org, **kw):
    return {
        "name": "Vrouwen in beweging",
        "organisation": org.pk,
        "kind": "sport",
        "languages": ["nl", "tr"],
        "women_only": "on",
        "is_free": "on",
        "contact_name": "Sanne de Vries",
        "is_active": "on",
        **kw,
    }


def test_list_shows_own_region_only(client_for, region_a, region_b):
    make_offer(region_a, name="Wandelgroep Moerwijk")
    make_offer(region_b, name="Geheim aanbod")
    response = client_for(READ_ONLY).get("/offers/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Wandelgroep Moerwijk" in body and "Geheim aanbod" not in body


def test_list_is_forbidden_without_offer_view(client_for):
    assert client_for(OUTSIDER).get("/offers/").status_code == 403


def test_list_requires_login(client, db):
    response = client.get("/offers/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_list_filters_and_htmx_partial(client_for, region_a):
    hood = make_neighbourhood(region_a)
    make_offer(region_a, name="Turks wandelen", languages="tr", neighbourhoods=[hood])
    make_offer(region_a, name="Engels koken", languages="en", kind="dietitian")
    client = client_for(READER)
    body = client.get("/offers/", {"language": "tr"}).content.decode()
    assert "Turks wandelen" in body and "Engels koken" not in body
    body = client.get("/offers/", {"kind": "dietitian", "language": "bogus"}).content.decode()
    assert "Engels koken" in body and "Turks wandelen" not in body
    partial = client.get("/offers/", {"neighbourhood": str(hood.public_id)}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode() and "Turks wandelen" in partial.content.decode()


def test_list_flags_stale_offers(client_for, region_a):
    make_offer(region_a, name="Oud aanbod", last_confirmed_on=dt.date.today() - dt.timedelta(400))
    make_offer(region_a, name="Vers aanbod")
    body = client_for(READER).get("/offers/", {"stale": "on"}).content.decode()
    assert "Oud aanbod" in body and "Vers aanbod" not in body
    assert "Moet bevestigd worden" in body


def test_detail_cast(client_for, client, region_a, region_b):
    mine, theirs = make_offer(region_a), make_offer(region_b)
    assert client_for(READ_ONLY).get(f"/offers/{mine.public_id}/").status_code == 200
    assert client_for(READER).get(f"/offers/{theirs.public_id}/").status_code == 404
    assert client_for(OUTSIDER).get(f"/offers/{mine.public_id}/").status_code == 403
    assert client.get(f"/offers/{mine.public_id}/").status_code == 302


def test_manager_creates_an_offer(client_for, region_a):
    org, hood = make_organisation(region_a), make_neighbourhood(region_a)
    client = client_for(MANAGER)
    response = client.post("/offers/new/", form_data(org, neighbourhoods=[hood.pk]))
    assert response.status_code == 302
    offer = NeighbourhoodOffer.objects.get(name="Vrouwen in beweging")
    assert (offer.region, offer.languages, offer.women_only) == (region_a, "nl,tr", True)
    assert offer.last_confirmed_by == client.user.username


def test_create_cast(client_for, client, region_a):
    assert client_for(MANAGER).get("/offers/new/").status_code == 200
    assert client_for(READER).get("/offers/new/").status_code == 403
    assert client.get("/offers/new/").status_code == 302


def test_create_refuses_organisation_of_another_region(client_for, region_b):
    response = client_for(MANAGER).post("/offers/new/", form_data(make_organisation(region_b)))
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not NeighbourhoodOffer.objects.exists()


def test_bad_input_gives_dutch_field_messages_and_saves_nothing(client_for, region_a):
    org = make_organisation(region_a)
    data = form_data(org, contact_name="", contact_email="geen-mail", waiting_weeks="-1")
    data["languages"] = ["xx"]
    body = client_for(MANAGER).post("/offers/new/", data).content.decode()
    assert "Dit veld is verplicht." in body
    assert "Voer een geldig e-mailadres in." in body
    assert "Selecteer een geldige keuze" in body
    assert not NeighbourhoodOffer.objects.exists()


def test_free_with_cost_gives_a_clear_message(client_for, region_a):
    data = form_data(make_organisation(region_a), cost="EUR 5")
    body = client_for(MANAGER).post("/offers/new/", data).content.decode()
    assert "Een gratis aanbod heeft geen kosten" in body
    assert not NeighbourhoodOffer.objects.exists()


def test_edit_cast_and_history(client_for, client, region_a, region_b):
    mine, theirs = make_offer(region_a, waiting_weeks=1), make_offer(region_b)
    manager = client_for(MANAGER)
    assert manager.get(f"/offers/{theirs.public_id}/edit/").status_code == 404
    assert client_for(READER).get(f"/offers/{mine.public_id}/edit/").status_code == 403
    assert client.get(f"/offers/{mine.public_id}/edit/").status_code == 302
    data = form_data(mine.organisation, name=mine.name, waiting_weeks="5")
    assert manager.post(f"/offers/{mine.public_id}/edit/", data).status_code == 302
    body = manager.get(f"/offers/{mine.public_id}/").content.decode()
    assert "Gewijzigd" in body and "wachttijd" in body


def test_confirm_is_one_post_and_cast(client_for, client, region_a, region_b):
    old = dt.date.today() - dt.timedelta(days=300)
    mine, theirs = make_offer(region_a, last_confirmed_on=old), make_offer(region_b)
    manager = client_for(MANAGER)
    assert manager.get(f"/offers/{mine.public_id}/confirm/").status_code == 405
    assert manager.post(f"/offers/{theirs.public_id}/confirm/").status_code == 404
    assert client_for(READER).post(f"/offers/{mine.public_id}/confirm/").status_code == 403
    assert client.post(f"/offers/{mine.public_id}/confirm/").status_code == 302
    assert manager.post(f"/offers/{mine.public_id}/confirm/").status_code == 302
    mine.refresh_from_db()
    assert mine.last_confirmed_on == dt.date.today()
    assert OfferEvent.objects.filter(offer=mine, action="confirmed").count() == 1


def test_dashboard_panel_counts_stale_offers(client_for, region_a, region_b):
    old = dt.date.today() - dt.timedelta(days=400)
    make_offer(region_a, last_confirmed_on=old)
    make_offer(region_a, last_confirmed_on=old)
    make_offer(region_b, last_confirmed_on=old)
    body = client_for(READER).get("/").content.decode()
    assert "2 aanbiedingen moeten bevestigd worden" in body
    assert "Sociale kaart" not in client_for(OUTSIDER).get("/").content.decode()


@pytest.mark.parametrize("path", ["/offers/", "detail"])
def test_query_count_does_not_grow(path, client_for, region_a, django_assert_max_num_queries):
    client = client_for(READER)
    hoods = [make_neighbourhood(region_a) for _ in range(3)]
    offer = make_offer(region_a, neighbourhoods=hoods)
    url = f"/offers/{offer.public_id}/" if path == "detail" else path
    with django_assert_max_num_queries(15) as few:
        client.get(url)
    for _ in range(20):
        make_offer(region_a, neighbourhoods=hoods)
        hoods.append(make_neighbourhood(region_a))
    for _ in range(5):
        offer.waiting_weeks = (offer.waiting_weeks or 0) + 1
        OfferEvent.objects.create(offer=offer, by="x", action="changed", fields="x")
    offer.neighbourhoods.set(hoods)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_women_only_filter_and_bad_values_do_not_fail(client_for, region_a):
    make_offer(region_a, name="Vrouwengroep", women_only=True)
    make_offer(region_a, name="Gemengde groep")
    client = client_for(READER)
    body = client.get("/offers/", {"women_only": "yes"}).content.decode()
    assert "Vrouwengroep" in body and "Gemengde groep" not in body
    body = client.get("/offers/", {"women_only": "no"}).content.decode()
    assert "Gemengde groep" in body and "Vrouwengroep" not in body
    odd = {"neighbourhood": "not-a-uuid", "women_only": "maybe", "page": "999", "q": "x" * 500}
    assert client.get("/offers/", odd).status_code == 200
