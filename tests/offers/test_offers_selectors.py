"""The social map's reads and writes: filters, stale flag, region scoping, history."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.offers import selectors, services
from groepsconsult.offers.models import NeighbourhoodOffer, OfferEvent, stale_cutoff
from tests.factories.backbone import make_neighbourhood, make_organisation
from tests.factories.offers import make_offer

pytestmark = pytest.mark.django_db
BY = Actor(user_id=None, username="sanne")


def names(qs):
    return sorted(o.name for o in qs)


def test_stale_cutoff_is_six_calendar_months_back():
    assert stale_cutoff(dt.date(2026, 11, 23)) == dt.date(2026, 5, 23)
    assert stale_cutoff(dt.date(2026, 3, 5)) == dt.date(2025, 9, 5)
    assert stale_cutoff(dt.date(2026, 8, 31)) == dt.date(2026, 2, 28)


def test_list_for_region_filters_by_neighbourhood_including_region_wide(region_a):
    moerwijk, transvaal = make_neighbourhood(region_a), make_neighbourhood(region_a)
    make_offer(region_a, name="Wandelen Moerwijk", neighbourhoods=[moerwijk])
    make_offer(region_a, name="Geldloket Transvaal", neighbourhoods=[transvaal])
    make_offer(region_a, name="Dietist stad")  # no neighbourhoods: the whole region
    result = selectors.offer_list_for_region(region=region_a, neighbourhood=moerwijk)
    assert names(result) == ["Dietist stad", "Wandelen Moerwijk"]
    by_id = selectors.offer_list_for_region(region=region_a, neighbourhood=str(moerwijk.public_id))
    assert names(by_id) == ["Dietist stad", "Wandelen Moerwijk"]


def test_list_for_region_filters_kind_language_and_women_only(region_a):
    make_offer(region_a, name="A", kind="sport", languages="nl,tr", women_only=True)
    make_offer(region_a, name="B", kind="sport", languages="nl")
    make_offer(region_a, name="C", kind="money_help", languages="pap,tr")
    assert names(selectors.offer_list_for_region(region=region_a, kind="sport")) == ["A", "B"]
    assert names(selectors.offer_list_for_region(region=region_a, language="tr")) == ["A", "C"]
    # "pa" must not match "pap": codes are matched whole.
    assert names(selectors.offer_list_for_region(region=region_a, language="pa")) == []
    assert names(selectors.offer_list_for_region(region=region_a, women_only=True)) == ["A"]
    assert names(selectors.offer_list_for_region(region=region_a, women_only=False)) == ["B", "C"]


def test_list_for_region_never_shows_another_region_or_inactive(region_a, region_b):
    make_offer(region_a, name="Mine")
    make_offer(region_a, name="Closed", is_active=False)
    make_offer(region_b, name="Theirs")
    assert names(selectors.offer_list_for_region(region=region_a)) == ["Mine"]


def test_search_and_stale_filter(region_a):
    today = dt.date(2026, 11, 23)
    make_offer(region_a, name="Oud", last_confirmed_on=dt.date(2026, 5, 1))
    make_offer(region_a, name="Nieuw", description="wandelen", last_confirmed_on=today)
    assert names(selectors.offer_search(region=region_a, stale=True, today=today)) == ["Oud"]
    assert names(selectors.offer_search(region=region_a, q="wandel")) == ["Nieuw"]
    assert selectors.offer_stale_count(region=region_a, today=today) == 1


def test_create_confirms_and_writes_history_and_access_log(region_a):
    hood = make_neighbourhood(region_a)
    offer = NeighbourhoodOffer(
        name="Buurtsport", kind="sport", organisation=make_organisation(region_a), contact_name="X"
    )
    services.offer_create(offer=offer, neighbourhoods=[hood], region=region_a, by=BY)
    assert offer.last_confirmed_by == "sanne"
    assert list(offer.neighbourhoods.all()) == [hood]
    assert OfferEvent.objects.get(offer=offer).action == "created"
    assert AccessEvent.objects.filter(subject_type="neighbourhoodoffer", action="create").exists()


def test_update_lists_changed_fields_and_confirm_moves_the_date(region_a):
    offer = make_offer(region_a, waiting_weeks=2, last_confirmed_on=dt.date(2025, 1, 1))
    offer.waiting_weeks = 6
    services.offer_update(offer=offer, neighbourhoods=[make_neighbourhood(region_a)], by=BY)
    change = OfferEvent.objects.get(offer=offer, action="changed")
    assert change.fields == "waiting_weeks,neighbourhoods"
    assert len(change.field_labels) == 2
    services.offer_confirm(offer=offer, by=BY)
    offer.refresh_from_db()
    assert offer.last_confirmed_by == "sanne" and not offer.is_stale(dt.date.today())


def test_service_refuses_neighbourhood_or_organisation_of_another_region(region_a, region_b):
    offer = NeighbourhoodOffer(
        name="X", kind="sport", organisation=make_organisation(region_b), contact_name="Y"
    )
    with pytest.raises(ValidationError) as exc:
        services.offer_create(
            offer=offer, neighbourhoods=[make_neighbourhood(region_b)], region=region_a, by=BY
        )
    assert {"organisation", "neighbourhoods"} <= set(exc.value.message_dict)
    assert not NeighbourhoodOffer.objects.exists()


def test_free_offer_with_cost_is_refused(region_a):
    offer = NeighbourhoodOffer(
        name="X",
        kind="sport",
        organisation=make_organisation(region_a),
        contact_name="Y",
        is_free=True,
        cost="EUR 5",
    )
    with pytest.raises(ValidationError):
        services.offer_create(offer=offer, neighbourhoods=[], region=region_a, by=BY)
    assert not NeighbourhoodOffer.objects.exists()
