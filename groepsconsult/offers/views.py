"""The social map: list (search and filters), detail with history, add, edit, confirm.

Who may use them: OFFER_VIEW for the list and detail, OFFER_MANAGE to add, edit and confirm.
Offers hold no participant data, so reads are not written to the access log; writes are.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import paginate, render_page
from groepsconsult.offers import selectors, services
from groepsconsult.offers.forms import OfferFilterForm, OfferForm
from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.offers.table import table_rows


@require_permission(Permission.OFFER_VIEW)
def offer_list(request):
    region = request.membership.region
    today = timezone.localdate()
    form = OfferFilterForm(request.GET or None, region=region)
    filters = form.filters() if request.GET else {}
    page = paginate(request, selectors.offer_search(region=region, today=today, **filters))
    context = {
        "page": page,
        "form": form,
        "today": today,
        "rows": table_rows(page, today=today),
    }
    return render_page(
        request, "offers/offer_list.html", context, partial="offers/_offer_table.html"
    )


@require_permission(Permission.OFFER_VIEW)
def offer_detail(request, public_id):
    offer = selectors.offer_get(region=request.membership.region, public_id=public_id)
    context = {
        "offer": offer,
        "is_stale": offer.is_stale(timezone.localdate()),
        "events": selectors.offer_event_list(offer=offer),
    }
    return render(request, "offers/offer_detail.html", context)


def _offer_form(request, offer, save):
    form = OfferForm(request.POST or None, instance=offer, region=request.membership.region)
    if request.method == "POST" and form.is_valid():
        instance, hoods = form.save_offer()
        try:
            save(instance, hoods, form.expected_version)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("offers:offer-detail", public_id=instance.public_id)
    return render(request, "offers/offer_form.html", {"form": form, "offer": offer})


@require_permission(Permission.OFFER_MANAGE)
def offer_create(request):
    region = request.membership.region
    by = Actor.from_request(request)
    return _offer_form(
        request,
        NeighbourhoodOffer(region=region),
        lambda offer, hoods, _version: services.offer_create(
            offer=offer, neighbourhoods=hoods, region=region, by=by
        ),
    )


@require_permission(Permission.OFFER_MANAGE)
def offer_edit(request, public_id):
    offer = selectors.offer_get(region=request.membership.region, public_id=public_id)
    by = Actor.from_request(request)
    return _offer_form(
        request,
        offer,
        lambda offer, hoods, version: services.offer_update(
            offer=offer, neighbourhoods=hoods, by=by, expected_version=version
        ),
    )


@require_POST
@require_permission(Permission.OFFER_MANAGE)
def offer_confirm(request, public_id):
    offer = selectors.offer_get(region=request.membership.region, public_id=public_id)
    services.offer_confirm(offer=offer, by=Actor.from_request(request))
    messages.success(request, _("Marked as still current."))
    return redirect("offers:offer-detail", public_id=offer.public_id)
