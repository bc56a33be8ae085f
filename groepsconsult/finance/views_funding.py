"""Funding pages: grants, the fund register, the sustainability checklist, partner contacts.

FINANCE_VIEW to read, FINANCE_MANAGE to add, edit and load defaults. Every object is fetched
inside the user's region (404 outside it). No personal data lives here (partner contacts are
professional contacts), so reads are not written to the access log; every write is, with its
history (FinanceEvent) through `services.finance_record_save`.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import paginate
from groepsconsult.finance import funding, services_funding
from groepsconsult.finance.forms_funding import (
    ChecklistFilterForm,
    FundRouteFilterForm,
    FundRouteForm,
    GrantFilterForm,
    GrantForm,
    PartnerContactForm,
    SustainabilityItemForm,
)
from groepsconsult.finance.models import FundRoute, Grant, PartnerContact, SustainabilityItem
from groepsconsult.finance.selectors import finance_object_get
from groepsconsult.finance.views import _record_form as record_form


def _edit(request, *, model, public_id, form_class, title_field, back, with_region=False):
    region = request.membership.region
    item = finance_object_get(model=model, region=region, public_id=public_id)
    kwargs = {"region": region} if with_region else {}
    return record_form(
        request,
        form_class=form_class,
        instance=item,
        title=getattr(item, title_field),
        back=back,
        **kwargs,
    )


# Grants


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def grant_list(request):
    region, today = request.membership.region, timezone.localdate()
    form = GrantFilterForm(request.GET)
    page = paginate(request, funding.grant_list(region=region, today=today, **form.filters()))
    rows = [(grant, funding.grant_state(grant, today)) for grant in page]
    return render(request, "finance/grant_list.html", {"form": form, "page": page, "rows": rows})


@require_permission(Permission.FINANCE_MANAGE)
def grant_create(request):
    region = request.membership.region
    today = timezone.localdate()
    grant = Grant(region=region, party="fund", starts_on=today)
    return record_form(
        request,
        form_class=GrantForm,
        instance=grant,
        title=_("Add grant"),
        back="finance:grant-list",
        region=region,
    )


@require_permission(Permission.FINANCE_MANAGE)
def grant_edit(request, public_id):
    return _edit(
        request,
        model=Grant,
        public_id=public_id,
        form_class=GrantForm,
        title_field="title",
        back="finance:grant-list",
        with_region=True,
    )


# Fund register


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def fund_route_list(request):
    region, today = request.membership.region, timezone.localdate()
    form = FundRouteFilterForm(request.GET)
    page = paginate(request, funding.fund_route_list(region=region, **form.filters()))
    rows = [(route, funding.route_deadline_state(route, today)) for route in page]
    return render(
        request, "finance/fund_route_list.html", {"form": form, "page": page, "rows": rows}
    )


@require_permission(Permission.FINANCE_MANAGE)
def fund_route_create(request):
    route = FundRoute(region=request.membership.region, status=FundRoute.Status.TO_EXPLORE)
    return record_form(
        request,
        form_class=FundRouteForm,
        instance=route,
        title=_("Add funding route"),
        back="finance:fund-route-list",
    )


@require_permission(Permission.FINANCE_MANAGE)
def fund_route_edit(request, public_id):
    return _edit(
        request,
        model=FundRoute,
        public_id=public_id,
        form_class=FundRouteForm,
        title_field="name",
        back="finance:fund-route-list",
    )


@require_POST
@require_permission(Permission.FINANCE_MANAGE)
def fund_routes_seed(request):
    added = services_funding.fund_routes_seed_defaults(
        region=request.membership.region, by=Actor.from_request(request)
    )
    messages.success(request, _("%(count)d known funding routes added.") % {"count": added})
    return redirect("finance:fund-route-list")


# Sustainability checklist


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def sustainability_list(request):
    region = request.membership.region
    form = ChecklistFilterForm(request.GET)
    items = funding.sustainability_item_list(region=region, **form.filters())
    context = {
        "form": form,
        "page": paginate(request, items, per_page=50),
        "progress": funding.sustainability_progress(region=region),
    }
    return render(request, "finance/sustainability_list.html", context)


@require_permission(Permission.FINANCE_MANAGE)
def sustainability_item_create(request):
    item = SustainabilityItem(region=request.membership.region)
    return record_form(
        request,
        form_class=SustainabilityItemForm,
        instance=item,
        title=_("Add checklist item"),
        back="finance:sustainability-list",
    )


@require_permission(Permission.FINANCE_MANAGE)
def sustainability_item_edit(request, public_id):
    return _edit(
        request,
        model=SustainabilityItem,
        public_id=public_id,
        form_class=SustainabilityItemForm,
        title_field="question",
        back="finance:sustainability-list",
    )


@require_POST
@require_permission(Permission.FINANCE_MANAGE)
def sustainability_seed(request):
    added = services_funding.sustainability_seed_defaults(
        region=request.membership.region, by=Actor.from_request(request)
    )
    messages.success(request, _("%(count)d checklist items added.") % {"count": added})
    return redirect("finance:sustainability-list")


# Partner contacts


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def partner_contact_list(request):
    region, today = request.membership.region, timezone.localdate()
    page = paginate(request, funding.partner_contact_list(region=region))
    rows = [(c, funding.contact_review_due(c, today)) for c in page]
    return render(request, "finance/partner_contact_list.html", {"page": page, "rows": rows})


@require_permission(Permission.FINANCE_MANAGE)
def partner_contact_create(request):
    region = request.membership.region
    contact = PartnerContact(region=region)
    return record_form(
        request,
        form_class=PartnerContactForm,
        instance=contact,
        title=_("Add partner contact"),
        back="finance:partner-contact-list",
        region=region,
    )


@require_permission(Permission.FINANCE_MANAGE)
def partner_contact_edit(request, public_id):
    return _edit(
        request,
        model=PartnerContact,
        public_id=public_id,
        form_class=PartnerContactForm,
        title_field="name",
        back="finance:partner-contact-list",
        with_region=True,
    )
