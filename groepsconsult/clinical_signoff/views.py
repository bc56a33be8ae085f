"""The physician's rule-set page: every rule with thresholds and source, and the approval.

Three steps: RULESET_APPROVE (the responsible physician), the region from the membership (the
approval is the region's), then the policy (only the version in force, only once).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groepsconsult import clinical
from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.clinical_signoff import selectors, services
from groepsconsult.clinical_signoff.forms import ApproveForm


def _page(request, form, status=200):
    region = request.membership.region
    version = clinical.DEFAULT_RULESET_VERSION
    rows = selectors.ruleset_rows(version)
    context = {
        "version": version,
        "ruleset": clinical.load_ruleset(version),
        "rows": rows,
        "unverified_count": sum(1 for row in rows if not row.verified),
        "approval": selectors.ruleset_approval_get(region=region, version=version),
        "history": selectors.ruleset_approval_list(region=region),
        "form": form,
    }
    return render(request, "clinical_signoff/ruleset_detail.html", context, status=status)


@require_permission(Permission.RULESET_APPROVE)
@require_GET
def ruleset_detail(request):
    return _page(request, ApproveForm(initial={"version": clinical.DEFAULT_RULESET_VERSION}))


@require_permission(Permission.RULESET_APPROVE)
@require_POST
def ruleset_approve(request):
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            services.ruleset_approve(
                region=request.membership.region,
                version=form.cleaned_data["version"],
                by=Actor.from_request(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The rule set is approved for your region."))
            return redirect("clinical_signoff:ruleset-detail")
    return _page(request, form, status=400)
