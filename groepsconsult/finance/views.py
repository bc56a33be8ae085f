"""Money pages: overview (business case per party), budget lines, assumptions, agreements.

FINANCE_VIEW to read, FINANCE_MANAGE for budget lines and agreements, ASSUMPTION_EDIT for the
sourced assumptions. Every object is fetched inside the user's region (404 outside it). No
personal data lives here, so reads are not written to the access log; every write is.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.core.http import paginate
from groepsconsult.finance import selectors, services
from groepsconsult.finance.costs import session_costs
from groepsconsult.finance.forms import (
    AgreementForm,
    AssumptionForm,
    BudgetLineForm,
    CostFilterForm,
    CostLineForm,
    SessionPreparationForm,
    YearForm,
)
from groepsconsult.finance.funding import funding_warnings
from groepsconsult.finance.models import (
    Agreement,
    Assumption,
    BudgetLine,
    CostLine,
    SessionPreparation,
)


def _year(request):
    form = YearForm(request.GET or None)
    year = form.cleaned_data.get("year") if form.is_valid() else None
    return form, year or timezone.localdate().year


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def overview(request):
    region = request.membership.region
    form, year = _year(request)
    context = {
        "form": form,
        "case": selectors.business_case(region=region, year=year),
        "due": selectors.agreement_review_due_list(region=region),
        "funding": funding_warnings(region=region),  # _funding_overview.html
    }
    return render(request, "finance/overview.html", context)


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def budget_list(request):
    region = request.membership.region
    form, year = _year(request)
    lines = [
        (line, selectors.line_value(line))
        for line in selectors.budget_line_list(region=region, year=year)
    ]
    context = {"form": form, "year": year, "lines": lines}
    return render(request, "finance/budget_list.html", context)


def _record_form(request, *, form_class, instance, title, back, **form_kwargs):
    """The shared add/edit page: validate, save through the service, show the history."""
    region = request.membership.region
    back_url = back if back.startswith("/") else reverse(back)
    form = form_class(request.POST or None, instance=instance, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            services.finance_record_save(
                instance=form.save(commit=False), region=region, by=Actor.from_request(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(back_url)
    events = selectors.finance_event_list(region=region, subject=instance) if instance.pk else []
    context = {"form": form, "title": title, "back_url": back_url, "events": events}
    return render(request, "finance/record_form.html", context)


@require_permission(Permission.FINANCE_MANAGE)
def budget_line_create(request):
    region = request.membership.region
    line = BudgetLine(region=region, year=timezone.localdate().year)
    return _record_form(
        request,
        form_class=BudgetLineForm,
        instance=line,
        title=_("Add budget line"),
        back="finance:budget-list",
        region=region,
    )


@require_permission(Permission.FINANCE_MANAGE)
def budget_line_edit(request, public_id):
    region = request.membership.region
    line = selectors.finance_object_get(model=BudgetLine, region=region, public_id=public_id)
    return _record_form(
        request,
        form_class=BudgetLineForm,
        instance=line,
        title=line.description,
        back="finance:budget-list",
        region=region,
    )


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def assumption_list(request):
    region = request.membership.region
    context = {"assumptions": selectors.assumption_list(region=region)}
    return render(request, "finance/assumption_list.html", context)


@require_permission(Permission.ASSUMPTION_EDIT)
def assumption_edit(request, public_id):
    region = request.membership.region
    item = selectors.finance_object_get(model=Assumption, region=region, public_id=public_id)
    return _record_form(
        request,
        form_class=AssumptionForm,
        instance=item,
        title=item.label,
        back="finance:assumption-list",
    )


@require_POST
@require_permission(Permission.ASSUMPTION_EDIT)
def assumptions_seed(request):
    added = services.assumptions_seed_defaults(
        region=request.membership.region, by=Actor.from_request(request)
    )
    messages.success(request, _("%(count)d sourced assumptions added.") % {"count": added})
    return redirect("finance:assumption-list")


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def agreement_list(request):
    region = request.membership.region
    context = {
        "agreements": selectors.agreement_list(region=region),
        "due": {a.pk for a in selectors.agreement_review_due_list(region=region)},
    }
    return render(request, "finance/agreement_list.html", context)


@require_permission(Permission.FINANCE_MANAGE)
def agreement_create(request):
    agreement = Agreement(region=request.membership.region, status=Agreement.Status.DRAFT)
    return _record_form(
        request,
        form_class=AgreementForm,
        instance=agreement,
        title=_("Add agreement"),
        back="finance:agreement-list",
    )


@require_permission(Permission.FINANCE_MANAGE)
def agreement_edit(request, public_id):
    region = request.membership.region
    item = selectors.finance_object_get(model=Agreement, region=region, public_id=public_id)
    return _record_form(
        request,
        form_class=AgreementForm,
        instance=item,
        title=item.title,
        back="finance:agreement-list",
    )


def _cost_filters(request):
    region = request.membership.region
    form = CostFilterForm(request.GET or None, region=region)
    data = form.cleaned_data if form.is_valid() else {}
    return form, data.get("year") or timezone.localdate().year, data.get("neighbourhood")


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def consultation_cost_list(request):
    region = request.membership.region
    form, year, hood = _cost_filters(request)
    page = paginate(
        request, selectors.consultation_cost_list(region=region, year=year, neighbourhood=hood)
    )
    assumptions = {a.key: a for a in selectors.assumption_list(region=region)}
    costs = session_costs(consultations=list(page.object_list), assumptions=assumptions)
    context = {
        "form": form,
        "year": year,
        "page": page,
        "rows": [costs[c.pk] for c in page.object_list],
        "totals": selectors.region_cost_summary(
            region=region, year=year, neighbourhood=hood, assumptions=assumptions
        ),
    }
    return render(request, "finance/consultation_cost_list.html", context)


@require_GET
@require_permission(Permission.FINANCE_VIEW)
def consultation_cost_detail(request, public_id):
    region = request.membership.region
    consultation = consultation_get_for_user(membership=request.membership, public_id=public_id)
    assumptions = {a.key: a for a in selectors.assumption_list(region=region)}
    cost = session_costs(consultations=[consultation], assumptions=assumptions)[consultation.pk]
    return render(request, "finance/consultation_cost_detail.html", {"cost": cost})


def _detail_url(consultation):
    return reverse("finance:consultation-cost-detail", args=[consultation.public_id])


@require_permission(Permission.FINANCE_MANAGE)
def cost_line_create(request, public_id):
    region = request.membership.region
    consultation = consultation_get_for_user(membership=request.membership, public_id=public_id)
    line = CostLine(region=region, consultation=consultation)
    return _record_form(
        request,
        form_class=CostLineForm,
        instance=line,
        title=_("Add a cost of %(session)s") % {"session": consultation},
        back=_detail_url(consultation),
        region=region,
    )


@require_permission(Permission.FINANCE_MANAGE)
def cost_line_edit(request, public_id):
    region = request.membership.region
    line = selectors.finance_object_get(model=CostLine, region=region, public_id=public_id)
    return _record_form(
        request,
        form_class=CostLineForm,
        instance=line,
        title=line.description,
        back=_detail_url(line.consultation),
        region=region,
    )


@require_permission(Permission.FINANCE_MANAGE)
def session_preparation_edit(request, public_id):
    region = request.membership.region
    consultation = consultation_get_for_user(membership=request.membership, public_id=public_id)
    preparation = selectors.session_preparation_get(consultation=consultation) or (
        SessionPreparation(region=region, consultation=consultation)
    )
    return _record_form(
        request,
        form_class=SessionPreparationForm,
        instance=preparation,
        title=_("Preparation hours for %(session)s") % {"session": consultation},
        back=_detail_url(consultation),
    )
