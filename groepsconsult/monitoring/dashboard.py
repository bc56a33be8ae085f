"""The region dashboard's context: suppressed reach and outcomes, and bar geometry for the SVG.

Only `Cell`s reach the template: a suppressed cell draws no bar and reads "<10".
"""

from groepsconsult.monitoring.aggregates import (
    ALL,
    collect_pairs,
    outcome_rows,
    reach_by_channel,
    reach_rows,
)

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


def dashboard_context(*, region, filters):
    channels, totals = reach_by_channel(reach_rows(region=region, filters=filters))
    outcomes = outcome_rows(collect_pairs(region=region, filters=filters))
    bars = _bars(channels)
    return {
        "bars": bars,
        "chart_height": 20 + 44 * len(bars),
        "bar_max": BAR_MAX,
        "reach_totals": totals,
        "outcomes_all": [r for r in outcomes if r.neighbourhood == ALL],
        "outcomes_by_hood": [r for r in outcomes if r.neighbourhood != ALL],
    }
