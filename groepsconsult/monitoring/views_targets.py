"""The region's targets per year and indicator (REGION_MANAGE: the coordinator).

The dashboard shows progress against them (monitoring/targets.py). Writes go through
`monitoring.services`; a delete is a POST.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.monitoring import services
from groepsconsult.monitoring.forms import TargetForm
from groepsconsult.monitoring.models import Target
from groepsconsult.monitoring.selectors import target_page
from groepsconsult.regions.selectors import region_object_get


def _saved(request, form):
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        services.target_save(
            target=form.save(commit=False),
            region=request.membership.region,
            by=Actor.from_request(request),
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    messages.success(request, _("Saved."))
    return True


@require_permission(Permission.REGION_MANAGE)
def target_list(request):
    region = request.membership.region
    form = TargetForm(request.POST or None, region=region)
    if _saved(request, form):
        return redirect("monitoring:target-list")
    page = target_page(region=region, page_number=request.GET.get("page"))
    return render(request, "monitoring/target_list.html", {"form": form, "page": page})


@require_permission(Permission.REGION_MANAGE)
def target_edit(request, public_id):
    region = request.membership.region
    target = region_object_get(model=Target, region=region, public_id=public_id)
    form = TargetForm(request.POST or None, instance=target, region=region)
    if _saved(request, form):
        return redirect("monitoring:target-list")
    return render(request, "monitoring/target_form.html", {"form": form, "target": target})


@require_POST
@require_permission(Permission.REGION_MANAGE)
def target_delete(request, public_id):
    target = region_object_get(model=Target, region=request.membership.region, public_id=public_id)
    services.target_delete(target=target, by=Actor.from_request(request))
    messages.success(request, _("Target removed."))
    return redirect("monitoring:target-list")
