"""The region's user accounts: list, add, change role, switch off, reset two-factor.

Who may use them: USER_MANAGE (administrator). Scoped to the active region: another region's
memberships are 404.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission, Role
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import paginate
from groepsconsult.team import policies, selectors, services
from groepsconsult.team.forms import MemberAddForm, MemberEditForm


@require_permission(Permission.USER_MANAGE)
def member_list(request):
    q, role = request.GET.get("q", "").strip()[:100], request.GET.get("role", "")
    members = selectors.membership_list_for_region(region=request.membership.region, q=q, role=role)
    context = {"page": paginate(request, members), "q": q, "role": role, "roles": Role.choices}
    return render(request, "team/member_list.html", context)


@require_permission(Permission.USER_MANAGE)
def member_add(request):
    region = request.membership.region
    form = MemberAddForm(request.POST or None, region=region, by_user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            membership, password = services.member_add(
                region=region, by=Actor.from_request(request), **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            hours = settings.GC_ONE_TIME_PASSWORD_HOURS
            context = {"member": membership, "password": password, "hours": hours}
            return render(request, "team/member_added.html", context)
    return render(request, "team/member_form.html", {"form": form})


@require_permission(Permission.USER_MANAGE)
def member_edit(request, pk):
    membership = selectors.membership_get_for_region(region=request.membership.region, pk=pk)
    form = MemberEditForm(
        request.POST or None, instance=membership, region=request.membership.region
    )
    if request.method == "POST" and form.is_valid():
        services.member_update(membership=form.save(commit=False), by=Actor.from_request(request))
        messages.success(request, _("Saved."))
        return redirect("team:member-list")
    can_reset = policies.can_reset_two_factor(membership=membership, by_user=request.user)
    context = {"form": form, "member": membership, "can_reset_two_factor": can_reset}
    return render(request, "team/member_form.html", context)


@require_POST
@require_permission(Permission.USER_MANAGE)
def member_reset_two_factor(request, pk):
    membership = selectors.membership_get_for_region(region=request.membership.region, pk=pk)
    policies.check_can_reset_two_factor(membership=membership, by_user=request.user)
    if services.member_reset_two_factor(membership=membership, by=Actor.from_request(request)):
        messages.success(
            request, _("The authenticator was removed; the user got an e-mail to set up a new one.")
        )
    else:
        messages.warning(
            request,
            _("The authenticator was removed, but the user has no e-mail address for a new link."),
        )
    return redirect("team:member-edit", pk=membership.pk)
