"""The run sheet of a session and the region's template: edit blocks, print, PDF.

Who may use them: CONSULTATION_VIEW to see and print, CONSULTATION_MANAGE to change.
Editing uses htmx when available (the table is swapped in place) and plain POST-redirect without.
"""

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations import policies, selectors, services
from groepsconsult.consultations.forms import BlockForm
from groepsconsult.consultations.views._common import get_consultation
from groepsconsult.core.http import form_add_validation_error

# WeasyPrint's @page margin boxes do not inherit the body font: name it there explicitly.
PDF_PAGE_CSS = """
@page { size: A4; margin: 18mm 15mm 20mm;
  @bottom-left { content: "Groepsconsult · %(title)s"; font-family: "DejaVu Sans"; font-size: 8pt; }
  @bottom-right { content: counter(page) " / " counter(pages); font-family: "DejaVu Sans";
    font-size: 8pt; } }
body { font-family: "DejaVu Sans"; font-size: 10pt; }
"""


def _session_context(consultation):
    blocks = selectors.runsheet_blocks_for_consultation(consultation=consultation)
    stations, roles, _everyone = selectors.roster_for_consultation(consultation=consultation)
    return {
        "consultation": consultation,
        "rows": selectors.runsheet_rows(blocks=blocks, starts_at=consultation.starts_at),
        "total": sum(b.minutes for b in blocks),
        "stations": stations,
        "roles": roles,
        "can_edit": policies.can_edit_consultation(consultation),
        "add_form": BlockForm(),
    }


def _template_context(request):
    template = services.runsheet_template_default(
        region=request.membership.region, by=Actor.from_request(request)
    )
    blocks = list(template.blocks.all())
    return {
        "template": template,
        "rows": [(b, None, None) for b in blocks],
        "total": sum(b.minutes for b in blocks),
        "can_edit": request.membership.has_permission(Permission.CONSULTATION_MANAGE),
        "add_form": BlockForm(),
    }


def _render_blocks(request, context, page):
    if getattr(request, "htmx", False):
        return render(request, "consultations/_runsheet_blocks.html", context)
    return render(request, page, context)


@require_permission(Permission.CONSULTATION_VIEW)
def runsheet(request, public_id):
    context = _session_context(get_consultation(request, public_id))
    return _render_blocks(request, context, "consultations/runsheet.html")


@require_permission(Permission.CONSULTATION_VIEW)
def runsheet_print(request, public_id):
    context = _session_context(get_consultation(request, public_id))
    return render(request, "consultations/runsheet_print.html", context)


@require_permission(Permission.CONSULTATION_VIEW)
def runsheet_pdf(request, public_id):
    from weasyprint import CSS, HTML  # heavy import, only for this view

    consultation = get_consultation(request, public_id)
    html = render_to_string(
        "consultations/runsheet_pdf.html", _session_context(consultation), request=request
    )
    title = str(consultation).replace('"', "'")
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[
            CSS(filename=finders.find("css/consultations.css")),
            CSS(string=PDF_PAGE_CSS % {"title": title}),
        ]
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    day = consultation.starts_at.strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'inline; filename="draaiboek-{day}.pdf"'
    return response


@require_permission(Permission.CONSULTATION_VIEW)
def runsheet_template(request):
    return _render_blocks(request, _template_context(request), "consultations/runsheet.html")


def _after_change(request, block_or_owner):
    """Back to the owner's run sheet: the blocks partial for htmx, a redirect otherwise."""
    consultation = getattr(block_or_owner, "consultation", None)
    if consultation is None and hasattr(block_or_owner, "starts_at"):
        consultation = block_or_owner
    if consultation is not None:
        if getattr(request, "htmx", False):
            fresh = get_consultation(request, consultation.public_id)
            return render(request, "consultations/_runsheet_blocks.html", _session_context(fresh))
        return redirect("consultations:runsheet", consultation.public_id)
    if getattr(request, "htmx", False):
        return render(request, "consultations/_runsheet_blocks.html", _template_context(request))
    return redirect("consultations:runsheet-template")


def _add(request, owner):
    form = BlockForm(request.POST)
    if form.is_valid():
        try:
            services.runsheet_block_add(
                owner=owner, by=Actor.from_request(request), **form.cleaned_data
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
    if form.errors:
        for error in form.errors.values():
            messages.error(request, " ".join(error))
    return _after_change(request, owner)


@require_POST
@require_permission(Permission.CONSULTATION_MANAGE)
def runsheet_block_add(request, public_id):
    return _add(request, get_consultation(request, public_id))


@require_POST
@require_permission(Permission.CONSULTATION_MANAGE)
def runsheet_template_block_add(request):
    template = services.runsheet_template_default(
        region=request.membership.region, by=Actor.from_request(request)
    )
    return _add(request, template)


@require_permission(Permission.CONSULTATION_MANAGE)
def runsheet_block_edit(request, block_id):
    block = selectors.runsheet_block_get(region=request.membership.region, public_id=block_id)
    form = BlockForm(request.POST or None, instance=block)
    if request.method == "POST" and form.is_valid():
        try:
            services.runsheet_block_update(
                block=block, by=Actor.from_request(request), **form.cleaned_data
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return _after_change(request, block)
    return render(request, "consultations/runsheet_block_form.html", {"form": form, "block": block})


@require_POST
@require_permission(Permission.CONSULTATION_MANAGE)
def runsheet_block_action(request, block_id, action):
    """Move a block up or down, or remove it."""
    if action not in ("up", "down", "remove"):
        raise Http404
    block = selectors.runsheet_block_get(region=request.membership.region, public_id=block_id)
    try:
        if action == "remove":
            services.runsheet_block_remove(block=block, by=Actor.from_request(request))
        else:
            services.runsheet_block_move(
                block=block, direction=action, by=Actor.from_request(request)
            )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _after_change(request, block)


@require_POST
@require_permission(Permission.CONSULTATION_MANAGE)
def runsheet_reset(request, public_id):
    consultation = get_consultation(request, public_id)
    try:
        services.runsheet_reset_from_template(
            consultation=consultation, by=Actor.from_request(request)
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The run sheet was reset from the region's template."))
    return redirect("consultations:runsheet", consultation.public_id)
