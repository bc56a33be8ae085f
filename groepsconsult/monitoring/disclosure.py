"""Differencing guard: a filtered or combined view may not give a small group away by
comparison with the wider view it narrows (docs/monitoring.md, "Suppression").

Cells are suppressed per table (`suppression`); this guards the step between tables. A view
with filters is compared with each *parent*: the same view with one filter fewer (so also the
unfiltered region). It is refused when, for the people it counts (trajectories, and
registrations for a first session), the parent minus the view is 1 to k-1 people, or when the
group a neighbourhood, sex or language filter picks is hidden in the parent's breakdown by that
dimension (it was hidden as a complement: showing it alone would give the small cell back).
A combined view of several regions is refused when the regions whose own total is hidden hold
1 to k-1 people together. A fixed number of COUNT / GROUP BY queries, whatever the data.
"""

from dataclasses import fields, replace

from django.db.models import Count
from django.utils.translation import gettext as _

from groepsconsult.monitoring.aggregates import Filters, reach_rows, trajectory_queryset
from groepsconsult.monitoring.suppression import suppress_counts, threshold

# filter field -> the dimension of the trajectory that a breakdown table groups by
GROUPS = {
    "neighbourhood": "baseline_consultation__neighbourhood",
    "sex": "participant__sex",
    "language": "participant__preferred_language",
}
AGE = ("age_min", "age_max")


def _sizes(region, filters):
    people = trajectory_queryset(region=region, filters=filters).count()
    registered = sum(row[2] for row in reach_rows(region=region, filters=filters))
    return people, registered


def _parents(filters):
    """The filters with one chosen filter dropped (the age band counts as one)."""
    active = [f.name for f in fields(Filters) if getattr(filters, f.name) not in (None, "")]
    names = {"age" if name in AGE else name for name in active}
    for name in names:
        dropped = dict.fromkeys(AGE) if name == "age" else {name: getattr(Filters(), name)}
        yield name, replace(filters, **dropped)


def _small_difference(a, b, k):
    return 0 < abs(a - b) < k


def _hidden_in_parent(region, parent, name, value):
    grouped = (
        trajectory_queryset(region=region, filters=parent)
        .values(GROUPS[name])
        .annotate(n=Count("pk"))
    )
    counts = {row[GROUPS[name]]: row["n"] for row in grouped}
    key = getattr(value, "pk", value)
    cells, _total = suppress_counts(counts)
    return key in cells and cells[key].suppressed and counts[key] >= threshold()


def filters_give_away_small_group(*, region, filters: Filters) -> bool:
    k = threshold()
    sizes = _sizes(region, filters)
    for name, parent in _parents(filters):
        parent_sizes = _sizes(region, parent)
        if any(_small_difference(a, b, k) for a, b in zip(sizes, parent_sizes, strict=True)):
            return True
        if name in GROUPS and _hidden_in_parent(region, parent, name, getattr(filters, name)):
            return True
    return False


def combined_gives_away_small_region(*, regions, filters: Filters) -> bool:
    """True when the regions whose own total is hidden hold 1..k-1 people together."""
    k = threshold()
    per_region = [_sizes(region, filters) for region in regions]
    for column in zip(*per_region, strict=True):
        hidden = sum(n for n in column if n < k)
        if 0 < hidden < k:
            return True
    return False


def safe_view(*, form, region, regions, combined):
    """(filters, scope) that may be shown: the form's filters and the regions asked for, or,
    when they would give a small group away, the wider view, with a message on the form."""
    filters = form.filters()
    scope = regions if combined and len(regions) > 1 else region
    if scope is regions and combined_gives_away_small_region(regions=regions, filters=filters):
        form.add_error(
            None,
            _(
                "Your regions combined would let fewer than 10 people be worked out from the figures of one region; this region is shown alone."
            ),
        )
        scope = region
    if filters != Filters() and filters_give_away_small_group(region=scope, filters=filters):
        form.add_error(
            None,
            _(
                "These filters would let fewer than 10 people be worked out by comparing with the wider view; the figures are shown without them."
            ),
        )
        filters = Filters()
    return filters, scope
