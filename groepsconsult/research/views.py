"""Research pages: projects and data-sharing agreements (RESEARCH_MANAGE), and the one-click
export of an agreement (RESEARCH_EXPORT).

Objects are fetched inside the user's region (404 outside it). The project and agreement pages
hold no personal data, so reads are not logged; every write is audited. The export is a POST:
it writes the access log (one row per participant in the file).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import paginate
from groepsconsult.research import selectors, services
from groepsconsult.research.exports import as_zip
from groepsconsult.research.forms import DataSharingAgreementForm, ResearchProjectForm
from groepsconsult.research.models import DataSharingAgreement, ResearchProject
from groepsconsult.research.policies import can_export_agreement


@require_GET
@require_permission(Permission.RESEARCH_MANAGE)
def project_list(request):
    page = paginate(request, selectors.project_list(region=request.membership.region))
    return render(request, "research/project_list.html", {"page": page})


def _record_form(request, *, form_class, instance, title, **form_kwargs):
    """The shared add/edit page: validate, save through the service, show the history."""
    region = request.membership.region
    form = form_class(request.POST or None, instance=instance, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            services.research_record_save(
                instance=form.save(commit=False),
                region=region,
                by=Actor.from_request(request),
                other_regions=form.cleaned_data.get("other_regions"),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("research:project-list")
    events = selectors.research_event_list(region=region, subject=instance) if instance.pk else []
    context = {"form": form, "title": title, "events": events}
    return render(request, "research/record_form.html", context)


@require_permission(Permission.RESEARCH_MANAGE)
def project_create(request):
    project = ResearchProject(region=request.membership.region)
    return _record_form(
        request,
        form_class=ResearchProjectForm,
        instance=project,
        title=_("Add research project"),
        manageable_region_ids=selectors.manage_region_ids_for_user(user=request.user),
    )


@require_permission(Permission.RESEARCH_MANAGE)
def project_edit(request, public_id):
    project = selectors.project_get(region=request.membership.region, public_id=public_id)
    return _record_form(
        request,
        form_class=ResearchProjectForm,
        instance=project,
        title=project.name,
        manageable_region_ids=selectors.manage_region_ids_for_user(user=request.user),
    )


@require_permission(Permission.RESEARCH_MANAGE)
def agreement_create(request):
    region = request.membership.region
    return _record_form(
        request,
        form_class=DataSharingAgreementForm,
        instance=DataSharingAgreement(),
        title=_("Add data-sharing agreement"),
        region=region,
    )


@require_permission(Permission.RESEARCH_MANAGE)
def agreement_edit(request, public_id):
    region = request.membership.region
    agreement = selectors.agreement_get(region=region, public_id=public_id)
    return _record_form(
        request,
        form_class=DataSharingAgreementForm,
        instance=agreement,
        title=str(agreement),
        region=region,
    )


@require_GET
@require_permission(Permission.RESEARCH_EXPORT)
def export_list(request):
    page = paginate(request, selectors.agreement_active_list(region=request.membership.region))
    mine = selectors.export_region_ids_for_user(user=request.user)
    for agreement in page:
        agreement.export_regions = selectors.export_regions_for_user(
            user=request.user, project=agreement.project, region_ids=mine
        )
    return render(request, "research/export_list.html", {"page": page})


@require_POST
@require_permission(Permission.RESEARCH_EXPORT)
def export_download(request, public_id):
    region = request.membership.region
    agreement = selectors.agreement_export_get(region=region, public_id=public_id)
    regions = selectors.export_regions_for_user(user=request.user, project=agreement.project)
    if agreement.level == DataSharingAgreement.Level.AGGREGATE:
        regions = [agreement.project.region]  # exportable_in: only from the project's region
    if not can_export_agreement(agreement, regions=regions):
        messages.error(request, _("This agreement is not valid today: nothing was exported."))
        return redirect("research:export-list")
    export = services.research_export(
        agreement=agreement, by=Actor.from_request(request), regions=regions
    )
    name = f"{agreement.project.slug}-{agreement.level}-{agreement.valid_from:%Y%m%d}.zip"
    response = HttpResponse(as_zip(export.files), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
