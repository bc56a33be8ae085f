"""Everything a map page or map export shows: areas, figures, legend, table, comparison, sources.

A fixed number of queries whatever the number of participants: the region's neighbourhoods, the
target-group sizes, monitoring's aggregate (one or two queries) and the chosen reference figures.
"""

from django.utils.translation import gettext as _

from groepsconsult.geo.choropleth import build_map
from groepsconsult.geo.indicators import DEFAULT, INDICATORS, indicator_figures
from groepsconsult.geo.selectors import neighbourhood_areas, reference_figures, target_population

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


def map_context(*, region, indicator=DEFAULT, reference_key=""):
    indicator = INDICATORS.get(indicator) or INDICATORS[DEFAULT]
    areas = neighbourhood_areas(region=region)
    keyed = [(code or name, name, geometry) for code, name, geometry in areas]
    target_set, targets = target_population(region=region)
    figures = indicator_figures(
        region=region, indicator=indicator.key, keys=[k for k, _n, _g in keyed], targets=targets
    )
    ref_set, ref_values = reference_figures(region=region, key=reference_key)
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
    sources = [s for s in (target_set if indicator.key == "reach" else None, ref_set) if s]
    return {
        "region": region,
        "indicator": indicator,
        "figures": figures,
        "region_figure": _unit_label(figures.region, indicator.unit),
        "map": build_map(areas=keyed, figures=figures.cells, unit=indicator.unit),
        "rows": rows,
        "has_n": bool(figures.n),
        "reference": ref_set,
        "reference_indicator": reference_key.partition(":")[2] if ref_set else "",
        "reference_city": _number(ref_values.get(gm)),
        "reference_national": _number(ref_values.get("NL")),
        "sources": sources,
        "boundary_attribution": BOUNDARY_ATTRIBUTION,
    }


def export_lines(context):
    """The figures as text lines (the PNG's description): one per neighbourhood, then the region."""
    lines = [f"{row['name']}: {row['value']}" for row in context["rows"]]
    return [*lines, f"{_('Region average')}: {context['region_figure']}"]
