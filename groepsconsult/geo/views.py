"""Choropleth maps of the monitoring figures, their exports, and the imports they need.

The map page and the dataset list are GETs that write nothing; exports are POSTs because they
write the access log (purpose: monitoring export). Imports need REGION_MANAGE.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from weasyprint import HTML

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.core.http import paginate
from groepsconsult.core.uploads import UploadRejected, check_size
from groepsconsult.geo import geojson, reference_csv
from groepsconsult.geo.forms import (
    BoundaryUploadForm,
    MapFilterForm,
    MapForm,
    ReferenceDatasetForm,
)
from groepsconsult.geo.maps import export_layout, export_lines, map_context
from groepsconsult.geo.raster import render_png
from groepsconsult.geo.selectors import reference_choices, reference_dataset_list
from groepsconsult.geo.services import boundaries_import, reference_dataset_import
from groepsconsult.monitoring.disclosure import safe_view
from groepsconsult.monitoring.selectors import aggregate_regions_for_user

FORMATS = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}


def _context(request, data):
    """The map for the chosen figure, filters and scope. With combined=1 a user who sees group
    figures in several regions gets them all, like the dashboard's combined view."""
    region = request.membership.region
    form = MapForm(data or None, reference_choices=reference_choices(region=region))
    filter_form = MapFilterForm(data or None, region=region)
    indicator, reference = form.chosen()
    regions = aggregate_regions_for_user(user=request.user)
    filters, scope = safe_view(
        form=filter_form, region=region, regions=regions, combined=data.get("combined") == "1"
    )
    context = map_context(
        region=region,
        indicator=indicator,
        reference_key=reference,
        filters=filters,
        regions=regions if scope is regions else (),
    )
    return {
        **context,
        "form": form,
        "filter_form": filter_form,
        "filter_lines": filter_form.chosen(),
        "regions": regions,
    }


@require_GET
@require_permission(Permission.AGGREGATE_VIEW)
def map_view(request):
    context = _context(request, request.GET)
    return render(request, "geo/map.html", {**context, "formats": list(FORMATS)})


def _export_body(request, fmt, context):
    if fmt == "svg":
        layout = export_layout(context, context["filter_lines"])
        svg = render_to_string("geo/map_export.svg", {**context, "layout": layout}, request=request)
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{svg}'.encode()
    if fmt == "png":
        names = ", ".join(region.name for region in context["scope"])
        return render_png(
            maps=[section["map"] for section in context["sections"]],
            title=f"{context['indicator'].label}, {names}",
            lines=export_lines(context, context["filter_lines"]),
            footer=context["filter_lines"],
        )
    html = render_to_string("geo/map_pdf.html", context, request=request)
    return HTML(string=html).write_pdf()


@require_POST
@require_permission(Permission.AGGREGATE_VIEW)
def map_export(request, fmt):
    if fmt not in FORMATS:
        raise Http404
    context = _context(request, request.POST)
    body = _export_body(request, fmt, context)
    slug = "combined" if context["combined"] else context["region"].slug
    name = f"map-{slug}-{context['indicator'].key}.{fmt}"
    access_log_write(
        by=Actor.from_request(request),
        action=AccessEvent.Action.EXPORT,
        subject_type="map",
        subject_ids=[region.slug for region in context["scope"]],
        purpose=Purpose.MONITORING_EXPORT,
        detail=name,
    )
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
@require_permission(Permission.REGION_MANAGE)
def boundaries_upload(request):
    form = BoundaryUploadForm(request.POST or None, request.FILES or None)
    report, problems = None, []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_size(upload.size, geojson.LIMITS)
            report = boundaries_import(
                region=request.membership.region,
                features=geojson.read_boundaries(upload.read()),
                by=Actor.from_request(request),
                create=form.cleaned_data["create"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except UploadRejected as error:
            problems = error.messages
        except ValidationError as error:
            problems = error.messages
    context = {"form": form, "report": report, "problems": problems}
    return render(request, "geo/boundaries_upload.html", context)


@require_GET
@require_permission(Permission.AGGREGATE_VIEW)
def reference_list(request):
    page = paginate(request, reference_dataset_list(region=request.membership.region))
    return render(request, "geo/reference_list.html", {"page": page, "datasets": page})


@require_http_methods(["GET", "POST"])
@require_permission(Permission.REGION_MANAGE)
def reference_create(request):
    form = ReferenceDatasetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_size(upload.size, reference_csv.LIMITS)
            dataset = reference_dataset_import(
                dataset=form.instance,
                region=request.membership.region,
                rows=reference_csv.read_reference_csv(upload.read()),
                by=Actor.from_request(request),
            )
        except UploadRejected as error:
            form.add_error("file", error.messages)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Reference dataset %(name)s saved.") % {"name": dataset})
            return redirect("geo:reference-list")
    return render(request, "geo/reference_form.html", {"form": form})
