"""Everything a map page or map export shows: areas, figures, legend, table, comparison, sources.

The figures take the dashboard's filters and scope: one region, or (a funder's "combined"
view) several regions counted and suppressed together, exactly like the dashboard's combined
view, and drawn as one map per region with that region's own reference figures. A fixed number
of queries whatever the number of participants: the neighbourhoods, the target-group sizes,
monitoring's aggregate (one or two queries) and the reference figures, whatever the number of
regions in scope.
"""

from django.utils.translation import gettext as _

from groepsconsult.geo.choropleth import HATCH, build_map
from groepsconsult.geo.indicators import DEFAULT, INDICATORS, NO_FILTERS, indicator_figures
from groepsconsult.geo.selectors import (
    neighbourhood_areas_by_region,
    reference_figures,
    reference_figures_for_indicator_by_region,
    target_population_by_region,
)

BOUNDARY_ATTRIBUTION = "Kadaster / Centraal Bureau voor de Statistiek"


def _unit_label(cell, unit):
    if cell is None:
        return "–"
    return cell.label if cell.suppressed else f"{cell.label}{unit}"


def _number(value):
    """A reference figure as plain text: 73.9, 620 (no trailing zeros)."""
    return "–" if value is None else f"{value.normalize():f}"


def _municipality(areas):
    code = next((code for code, _name, _geometry in areas if code), "")
    return f"GM{code[2:6]}" if code else ""


def _references(scope, reference_key, active):
    """{region id: (dataset, {code: value})}: the chosen reference dataset in the active region;
    in another region of a combined map that region's newest dataset with the same indicator
    (its own city and national figures). Two queries at most, whatever the number of regions."""
    found = {active.pk: reference_figures(region=active, key=reference_key)}
    others = [region for region in scope if region != active]
    indicator = reference_key.partition(":")[2]
    if others and indicator:
        found |= reference_figures_for_indicator_by_region(regions=others, indicator=indicator)
    return {region.pk: found.get(region.pk, (None, {})) for region in scope}


def _section(index, region, areas, figures, indicator, reference):
    """One region's map, table rows and reference comparison."""
    ref_set, ref_values = reference
    keyed = [(code or name, name, geometry) for code, name, geometry in areas]
    gm = _municipality(areas)
    rows = [
        {
            "name": name,
            "code": key,
            "value": _unit_label(figures.cells.get(key), indicator.unit),
            "n": figures.n[key].label if key in figures.n else "",
            "reference": _number(ref_values.get(key)) if ref_set else "",
        }
        for key, name, _geometry in keyed
    ]
    cells = {key: figures.cells.get(key) for key, _n, _g in keyed}
    return {
        "index": index,
        "region": region,
        "map": build_map(
            areas=keyed, figures=cells, unit=indicator.unit, pattern=f"{HATCH}-{index}"
        ),
        "rows": rows,
        "reference": ref_set,
        "reference_city": _number(ref_values.get(gm)),
        "reference_national": _number(ref_values.get("NL")),
    }


def map_context(*, region, indicator=DEFAULT, reference_key="", filters=NO_FILTERS, regions=()):
    """The map of the active `region`, or with `regions` (two or more) of those regions combined."""
    indicator = INDICATORS.get(indicator) or INDICATORS[DEFAULT]
    scope = list(regions) if len(regions) > 1 else [region]
    areas = neighbourhood_areas_by_region(regions=scope)
    target_sets, targets = [], {}
    for target_set, sizes in target_population_by_region(regions=scope).values():
        target_sets.append(target_set)
        targets.update(sizes)
    keys = [code or name for each in scope for code, name, _g in areas[each.pk]]
    figures = indicator_figures(
        region=scope if len(scope) > 1 else region,
        indicator=indicator.key,
        keys=keys,
        targets=targets,
        filters=filters,
    )
    references_by_region = _references(scope, reference_key, region)
    sections = [
        _section(i, each, areas[each.pk], figures, indicator, references_by_region[each.pk])
        for i, each in enumerate(scope, start=1)
    ]
    references = [s["reference"] for s in sections if s["reference"]]
    reach_sources = target_sets if indicator.key == "reach" else []
    return {
        "region": region,
        "combined": len(scope) > 1,
        "scope": scope,
        "indicator": indicator,
        "figures": figures,
        "region_figure": _unit_label(figures.region, indicator.unit),
        "sections": sections,
        "has_n": bool(figures.n),
        "reference": references[0] if references else None,
        "reference_indicator": reference_key.partition(":")[2] if references else "",
        "sources": [s for s in dict.fromkeys([*reach_sources, *references]) if s],
        "boundary_attribution": BOUNDARY_ATTRIBUTION,
    }


def export_lines(context, filter_lines=()):
    """The figures as text lines (the PNG's description): per neighbourhood, the region, filters."""
    lines = [
        f"{row['name']}: {row['value']}"
        for section in context["sections"]
        for row in section["rows"]
    ]
    return [*lines, f"{_('Region average')}: {context['region_figure']}", *filter_lines]


def export_layout(context, filter_lines=()):
    """Positions for the exported SVG: the maps above each other, then the filter lines."""
    y, placed = 0, []
    for section in context["sections"]:
        placed.append({"section": section, "y": str(y)})
        y += int(section["map"]["total_height"])
    width = max([int(s["map"]["width"]) for s in context["sections"]] + [300])
    footer = [{"text": line, "y": str(y + 18 * (i + 1))} for i, line in enumerate(filter_lines)]
    return {
        "placed": placed,
        "width": str(width),
        "height": str(y + 18 * len(footer) + 8),
        "footer": footer,
    }
