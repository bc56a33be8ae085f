"""Differencing guard: a filtered or combined view may not give a small group away by
comparison with the wider view it narrows (docs/monitoring.md, "Suppression").

Cells are suppressed per table (`suppression`); this guards the step between tables. A view
with filters is compared with each *parent*: the same view with one filter fewer (so also the
unfiltered region). It is refused when
- for the people it counts (trajectories, and registrations for a first session) the parent
  minus the view is 1 to k-1 people (the classic differencing attack), or
- the group the filter picks (a neighbourhood, channel, sex, language or age band) is hidden in
  the parent's table broken down by that dimension while the view would show it: it was
  hidden as a complement, and shown alone it would give the small cell beside it back.
A combined view of several regions is refused when the regions whose own total is hidden hold
1 to k-1 people together, or when a neighbourhood's cell is suppressed differently than in its
own region's tables. The comparisons read the real tables (the same functions the pages use),
so they cannot drift from what is shown. A fixed number of queries, whatever the data.
"""

from dataclasses import fields, replace

from django.conf import settings
from django.utils.translation import gettext as _

from groepsconsult.monitoring.aggregates import (
    ALL,
    Filters,
    by_region_id,
    collect_pairs,
    group_pairs,
    outcome_rows,
    pair_rows_by_region,
    reach_by_channel,
    reach_rows,
    reach_rows_by_region,
    trajectory_counts_by_region,
    trajectory_queryset,
)
from groepsconsult.monitoring.equity import equity_breakdowns, equity_breakdowns_by_region
from groepsconsult.monitoring.exports import reach_table_from_rows
from groepsconsult.monitoring.forms import AGE_BANDS
from groepsconsult.monitoring.process import person_totals, person_totals_by_region
from groepsconsult.monitoring.suppression import Cell, suppress_count, threshold
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration

AGE = ("age_min", "age_max")


def _sizes(region, filters):
    people = trajectory_queryset(region=region, filters=filters).count()
    registered = sum(row[2] for row in reach_rows(region=region, filters=filters))
    return people, registered


def _parents(filters):
    """(filter name, the filters with that one dropped); the age band counts as one filter."""
    active = [f.name for f in fields(Filters) if getattr(filters, f.name) not in (None, "")]
    for name in {"age" if name in AGE else name for name in active}:
        dropped = dict.fromkeys(AGE) if name == "age" else {name: getattr(Filters(), name)}
        yield name, replace(filters, **dropped)


def _reveals(pairs):
    """True when a cell is shown in the view but hidden in the wider table (same people)."""
    return any(not shown.suppressed and wider.suppressed for shown, wider in pairs)


def hood_cells(region, filters):
    """{(neighbourhood or ALL, figure): Cell} of the per-neighbourhood tables (reach, outcomes)."""
    reach = reach_rows(region=region, filters=filters)
    return _hood_cells(reach, collect_pairs(region=region, filters=filters))


def _hood_cells(reach, pairs):
    cells = {(hood, what): cell for hood, what, cell in reach_table_from_rows(reach)}
    for row in outcome_rows(pairs):
        cells[row.neighbourhood, f"n.{row.measure}"] = row.n
        cells[row.neighbourhood, f"lost.{row.measure}"] = row.lost
    return cells


def _people(region, filters):
    return [suppress_count(n) for n in person_totals(region=region, filters=filters).values()]


def _group_row(region, parent, dimension, label):
    _labels, breakdowns = equity_breakdowns(region=region, filters=parent)
    for breakdown in breakdowns:
        if breakdown.key == dimension:
            for group, cells in breakdown.rows:
                if str(group) == str(label):
                    return [cell for cell, _share in cells]
    return None


def _group_hidden(region, filters, name, parent):
    """True when the view shows a figure of its group that the parent's breakdown hides."""
    hidden = Cell(None, threshold())
    if name == "neighbourhood":
        hood = filters.neighbourhood
        wider = hood_cells(region, parent)
        view = hood_cells(region, filters)
        key = hood.cbs_code or hood.name
        return _reveals(
            (c, wider.get((key, what), hidden)) for (h, what), c in view.items() if h == ALL
        )
    if name == "channel":
        channels, _totals = reach_by_channel(reach_rows(region=region, filters=parent))
        label = str(dict(Registration.Channel.choices).get(filters.channel))
        row = next((cells for lab, cells in channels if str(lab) == label), {})
        _channels, totals = reach_by_channel(reach_rows(region=region, filters=filters))
        return _reveals((cell, row.get(what, hidden)) for what, cell in totals.items())
    labels = {
        "sex": lambda: dict(Participant.Sex.choices).get(filters.sex),
        "language": lambda: dict(settings.PARTICIPANT_LANGUAGES).get(filters.language),
        "age": lambda: next(
            b for b, ages in AGE_BANDS.items() if ages == (filters.age_min, filters.age_max)
        ),
    }
    if name not in labels:
        return False
    row = _group_row(region, parent, name, labels[name]())
    view = _people(region, filters)
    return _reveals(zip(view, row or [hidden] * len(view), strict=True))


def filters_give_away_small_group(*, region, filters: Filters) -> bool:
    k = threshold()
    sizes = _sizes(region, filters)
    for name, parent in _parents(filters):
        if any(0 < abs(a - b) < k for a, b in zip(sizes, _sizes(region, parent), strict=True)):
            return True
        if _group_hidden(region, filters, name, parent):
            return True
    return False


def _tables(reach, pairs, people, breakdowns):
    """{figure: Cell} of every table of the dashboard and the equity view (and so the map),
    from what one scope's queries found: its reach rows, pairs, person totals and breakdowns."""
    cells = {("hood", *key): cell for key, cell in _hood_cells(reach, pairs).items()}
    channels, totals = reach_by_channel(reach)
    for label, row in [*channels, (ALL, totals)]:
        cells |= {("channel", str(label), what): cell for what, cell in row.items()}
    for i, n in enumerate(people.values()):
        cells["people", i] = suppress_count(n)
    for breakdown in breakdowns:
        for group, row in breakdown.rows:
            for i, (cell, _share) in enumerate(row):
                cells["equity", breakdown.key, str(group), i] = cell
    return cells


def _region_tables(regions, filters):
    """({region id: (people, registered)}, {region id: its own tables}, the combined tables):
    one query per source (trajectories, reach, pairs, person totals, equity), whatever the
    number of regions; the combined tables add the regions' rows up as one query over all of
    them would."""
    reach = by_region_id(reach_rows_by_region(regions=regions, filters=filters))
    pairs = pair_rows_by_region(regions=regions, filters=filters)
    people = person_totals_by_region(regions=regions, filters=filters)
    own_breakdowns, combined_breakdowns = equity_breakdowns_by_region(
        regions=regions, filters=filters
    )
    trajectories = trajectory_counts_by_region(regions=regions, filters=filters)
    sizes, own = {}, {}
    for region in regions:
        rows = reach.get(region.pk, [])
        sizes[region.pk] = (trajectories.get(region.pk, 0), sum(row[2] for row in rows))
        found = [row for row in pairs if row["region_id"] == region.pk]
        own[region.pk] = _tables(
            rows, group_pairs(found), people[region.pk], own_breakdowns[region.pk]
        )
    totals = {key: sum(found[key] for found in people.values()) for key in people[regions[0].pk]}
    every_row = [row for rows in reach.values() for row in rows]
    combined = _tables(every_row, group_pairs(pairs), totals, combined_breakdowns)
    return sizes, own, combined


def _part_gives_away(combined, parts, k):
    """A combined cell is the sum of its regions' cells. Shown beside exactly one hidden part,
    it gives that part back; beside several, their sum, which must then be 0 or >= k."""
    if combined.suppressed:
        return False
    hidden = [part for part in parts if part.suppressed]
    rest = combined.value - sum(part.value for part in parts if not part.suppressed)
    return len(hidden) == 1 or (len(hidden) > 1 and 0 < rest < k)


def combined_gives_away_small_region(*, regions, filters: Filters) -> bool:
    """True when the regions whose total is hidden hold 1..k-1 people together, or when a
    figure of the combined tables gives a cell hidden in one region's own tables back."""
    k = threshold()
    sizes, own, combined = _region_tables(regions, filters)
    for column in zip(*sizes.values(), strict=True):
        if 0 < sum(n for n in column if n < k) < k:
            return True
    shown_zero = Cell(0, k)  # a group a region does not have adds nobody, visibly
    return any(
        _part_gives_away(cell, [table.get(key, shown_zero) for table in own.values()], k)
        for key, cell in combined.items()
    )


def safe_view(*, form, region, regions, combined):
    """(filters, scope) that may be shown: the form's filters and the regions asked for, or,
    when they would give a small group away, the wider view, with a message on the form."""
    filters = form.filters()
    scope = regions if combined and len(regions) > 1 else region
    if scope is regions and combined_gives_away_small_region(regions=regions, filters=filters):
        form.add_error(
            None,
            _(
                "Your regions combined would let fewer than 10 people be worked out from the "
                "figures of one region; this region is shown alone."
            ),
        )
        scope = region
    if filters != Filters() and filters_give_away_small_group(region=scope, filters=filters):
        form.add_error(
            None,
            _(
                "These filters would let fewer than 10 people be worked out by comparing with "
                "the wider view; the figures are shown without them."
            ),
        )
        filters = Filters()
    return filters, scope
