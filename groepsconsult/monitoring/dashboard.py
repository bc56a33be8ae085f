"""The region dashboard's context: suppressed reach, outcomes, process indicators and targets,
and bar geometry for the SVG.

Only `Cell`s reach the template: a suppressed cell draws no bar and reads "<10".
"""

from dataclasses import replace

from django.utils import timezone

from groepsconsult.monitoring.aggregates import (
    ALL,
    collect_pairs,
    in_regions,
    outcome_rows,
    reach_by_channel,
    reach_rows,
)
from groepsconsult.monitoring.colours import colour_moves
from groepsconsult.monitoring.experience import experience_sections
from groepsconsult.monitoring.process import process_context
from groepsconsult.monitoring.targets import target_progress
from groepsconsult.regions.models import Neighbourhood

BAR_MAX = 300  # px: width of the longest bar in the reach chart


def _bars(channels):
    shown = [c["registered"].value for _label, c in channels if not c["registered"].suppressed]
    top = max(shown, default=0) or 1
    return [
        {
            "label": label,
            "registered": cells["registered"],
            "attended": cells["attended"],
            "registered_w": 0
            if cells["registered"].suppressed
            else round(BAR_MAX * cells["registered"].value / top),
            "attended_w": 0
            if cells["attended"].suppressed
            else round(BAR_MAX * cells["attended"].value / top),
            "y": 10 + i * 44,
        }
        for i, (label, cells) in enumerate(channels)
    ]


def _named(rows, region):
    """The per-neighbourhood rows with the neighbourhood's name and CBS code: one query."""
    codes = {r.neighbourhood for r in rows}
    names = {
        n.cbs_code: f"{n.name} ({n.cbs_code})"
        for n in Neighbourhood.objects.filter(in_regions("region", region), cbs_code__in=codes)
    }
    return [replace(r, neighbourhood=names.get(r.neighbourhood, r.neighbourhood)) for r in rows]


def _targets(region, filters):
    """Progress against this year's targets (or the filter's end year); one region only."""
    if isinstance(region, list | tuple):
        return None, []
    year = (filters.end or timezone.localdate()).year
    return year, target_progress(region=region, year=year)


def dashboard_context(*, region, filters):
    channels, totals = reach_by_channel(reach_rows(region=region, filters=filters))
    outcomes = outcome_rows(collect_pairs(region=region, filters=filters))
    bars = _bars(channels)
    target_year, targets = _targets(region, filters)
    return {
        "process": process_context(region=region, filters=filters),
        "target_year": target_year,
        "targets": targets,
        "bars": bars,
        "chart_height": 20 + 44 * len(bars),
        "bar_max": BAR_MAX,
        "reach_totals": totals,
        "outcomes_all": [r for r in outcomes if r.neighbourhood == ALL],
        "outcomes_by_hood": _named([r for r in outcomes if r.neighbourhood != ALL], region),
        "colour_moves": colour_moves(region=region, filters=filters),
        "experience": experience_sections(region=region, filters=filters),
    }
