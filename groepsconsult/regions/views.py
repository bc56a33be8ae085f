"""List, add and edit the region's neighbourhoods, locations, organisations and professionals.

The four entities share one shape, so one set of views serves them, configured per entity.
Who may use them: REGION_VIEW for the lists, REGION_MANAGE to add and edit.
"""

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import paginate, render_page
from groepsconsult.regions import forms, selectors, services
from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Professional


@dataclass(frozen=True)
class Entity:
    slug: str
    model: Any
    form: Any
    save: Any
    list_selector: Any
    title: Any
    title_singular: Any
    columns: list = field(default_factory=list)  # (label, function of the object)
    filter_name: str = ""
    filter_choices: Any = None
    filter_label: Any = ""


ENTITIES = {
    "neighbourhood": Entity(
        "neighbourhood",
        Neighbourhood,
        forms.NeighbourhoodForm,
        lambda obj, region, by: services.neighbourhood_save(
            neighbourhood=obj, region=region, by=by
        ),
        selectors.neighbourhood_list,
        _("Neighbourhoods"),
        _("neighbourhood"),
        [
            (_("Name"), lambda o: o.name),
            (_("CBS code"), lambda o: o.cbs_code),
            (_("Socio-economic status"), lambda o: o.get_ses_quintile_display() or "–"),
        ],
    ),
    "location": Entity(
        "location",
        Location,
        forms.LocationForm,
        lambda obj, region, by: services.location_save(location=obj, region=region, by=by),
        selectors.location_list,
        _("Locations"),
        _("location"),
        [
            (_("Name"), lambda o: o.name),
            (_("Address"), lambda o: f"{o.address}, {o.city}"),
            (_("Neighbourhood"), lambda o: o.neighbourhood.name),
        ],
    ),
    "organisation": Entity(
        "organisation",
        Organisation,
        forms.OrganisationForm,
        lambda obj, region, by: services.organisation_save(organisation=obj, region=region, by=by),
        selectors.organisation_list,
        _("Partner organisations"),
        _("organisation"),
        [
            (_("Name"), lambda o: o.name),
            (_("Kind"), lambda o: o.get_kind_display()),
            (_("AGB code"), lambda o: o.agb_code),
        ],
        "kind",
        Organisation.Kind.choices,
        _("Kind"),
    ),
    "professional": Entity(
        "professional",
        Professional,
        forms.ProfessionalForm,
        lambda obj, region, by: services.professional_save(professional=obj, region=region, by=by),
        selectors.professional_list,
        _("Professionals"),
        _("professional"),
        [
            (_("Name"), lambda o: o.name),
            (_("Discipline"), lambda o: o.get_discipline_display()),
            (_("Organisation"), lambda o: o.organisation.name if o.organisation else ""),
            (_("BIG"), lambda o: o.big_number),
            (_("VOG"), lambda o: o.vog_date or _("missing")),
        ],
        "discipline",
        Professional.Discipline.choices,
        _("Discipline"),
    ),
}


REGION_TABS = [(slug, spec.title) for slug, spec in ENTITIES.items()]


@require_permission(Permission.REGION_VIEW)
def entity_list(request, entity):
    spec = ENTITIES[entity]
    region = request.membership.region
    q = request.GET.get("q", "").strip()[:100]
    filters = {"q": q}
    if spec.filter_name:
        filters[spec.filter_name] = request.GET.get(spec.filter_name, "")
    page = paginate(request, spec.list_selector(region=region, **filters))
    rows = [(obj, [column(obj) for _label, column in spec.columns]) for obj in page]
    context = {
        "spec": spec,
        "page": page,
        "rows": rows,
        "q": q,
        "headers": [label for label, _column in spec.columns],
        "filter_value": filters.get(spec.filter_name, ""),
        "region_tabs": REGION_TABS,
    }
    return render_page(
        request, "regions/entity_list.html", context, partial="regions/_entity_table.html"
    )


def _entity_form(request, spec, instance):
    region = request.membership.region
    form = spec.form(request.POST or None, instance=instance, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            spec.save(form.save(commit=False), region, Actor.from_request(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"regions:{spec.slug}-list")
    return render(
        request,
        "regions/entity_form.html",
        {"spec": spec, "form": form, "object": instance, "region_tabs": REGION_TABS},
    )


@require_permission(Permission.REGION_MANAGE)
def entity_create(request, entity):
    spec = ENTITIES[entity]
    return _entity_form(request, spec, spec.model(region=request.membership.region))


@require_permission(Permission.REGION_MANAGE)
def entity_edit(request, entity, public_id):
    spec = ENTITIES[entity]
    instance = selectors.region_object_get(
        model=spec.model, region=request.membership.region, public_id=public_id
    )
    return _entity_form(request, spec, instance)
