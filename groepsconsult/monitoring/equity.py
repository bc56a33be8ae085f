"""Equity view: every per-person indicator broken down by deprivation and by group.

One GROUP BY query per breakdown (deprivation quintile, education, health literacy, sex, age
band on the first session's date, language) over the pre-aggregates (`TrajectoryFact`),
whatever the number of people. Every person falls in exactly one group
("not known" included), so the groups of a breakdown add up to the totals shown beneath them:
`suppress_grid` hides each cell below k and, per indicator column, as many more cells as needed
so that no small group can be recovered from the total.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from groepsconsult.monitoring import panels_read
from groepsconsult.monitoring.aggregates import Filters, in_regions
from groepsconsult.monitoring.equity_groups import EDUCATION, LITERACY, UNKNOWN, group_expressions
from groepsconsult.monitoring.facts import AGE_BANDS
from groepsconsult.monitoring.process import (
    PERSON_SHARES,
    Share,
    person_indicator_counts,
    person_indicator_labels,
    person_indicator_queryset,
)
from groepsconsult.monitoring.suppression import suppress_grid
from groepsconsult.participants.models import Participant
from groepsconsult.regions.models import Neighbourhood, SesQuintile


@dataclass(frozen=True)
class Breakdown:
    key: str
    title: str
    rows: list  # [(group label, [(Cell, Share | None)])]
    totals: list  # [(Cell, Share | None)]


def _quintiles(region):
    """The quintiles the region's neighbourhoods have (one query). A quintile no neighbourhood
    has is left out: that it is empty is known from the map, not from anyone's data, and an
    empty row would force a shown group to be hidden beside it."""
    present = set(
        Neighbourhood.objects.filter(in_regions("region", region)).values_list(
            "ses_quintile", flat=True
        )
    )
    return _quintile_groups(present)


def _quintile_groups(present):
    groups = {str(v): label for v, label in SesQuintile.choices if v in present}
    return groups, None in present


def _quintiles_present(regions):
    """{region id: {quintile or None of its neighbourhoods}} for several regions: one query."""
    present = {region.pk: set() for region in regions}
    rows = Neighbourhood.objects.filter(region__in=regions).values_list("region_id", "ses_quintile")
    for region_id, quintile in rows.order_by().distinct():
        present[region_id].add(quintile)
    return present


def _dimensions(quintiles):
    """[(key, title, group expression, {group: label}, with "not known")]: the tables' order."""
    ages = {band: band for band, _limit in AGE_BANDS} | {"70+": "70+"}
    quintile_labels, some_unknown = quintiles
    expression = dict(group_expressions())
    return [
        (
            "deprivation",
            _("Neighbourhood socio-economic status (quintile)"),
            expression["deprivation"],
            quintile_labels,
            some_unknown,
        ),
        (
            "education",
            _("Education"),
            expression["education"],
            {k: label for k, (_v, label) in EDUCATION.items()},
            True,
        ),
        (
            "literacy",
            _("Health literacy (SILS)"),
            expression["literacy"],
            {k: label for k, (_v, label) in LITERACY.items()},
            True,
        ),
        ("sex", _("Sex"), expression["sex"], dict(Participant.Sex.choices), False),
        ("age", _("Age"), expression["age"], ages, False),
        (
            "language",
            _("Language"),
            expression["language"],
            dict(settings.PARTICIPANT_LANGUAGES),
            False,
        ),
    ]


def _with_shares(cells):
    return [
        (cells[key], Share(cells[key], cells[PERSON_SHARES[key]]) if key in PERSON_SHARES else None)
        for key in cells
    ]


def _breakdown(dimension, rows, labels):
    """One suppressed `Breakdown` from the rows {group, indicator counts} of its query."""
    key, title, _expression, group_labels, with_unknown = dimension
    groups = [*group_labels, UNKNOWN] if with_unknown else list(group_labels)
    grid = {group: dict.fromkeys(labels, 0) for group in groups}
    for row in rows:
        group = row["group"] if row["group"] in grid else UNKNOWN
        for indicator in labels:
            grid.setdefault(group, dict.fromkeys(labels, 0))[indicator] += row[indicator]
    cells, _rows, totals, _grand = suppress_grid(grid, rows_add_up=False)
    names = group_labels | {UNKNOWN: _("Not known")}
    rows = [(names[g], _with_shares(cells[g])) for g in grid]
    return Breakdown(key, title, rows, _with_shares(totals))


def _grouped(base, dimensions, *by):
    """Per dimension, the rows {*by, group, indicator counts}: ONE GROUP BY over every
    dimension at once (a single pass over the facts), added up per dimension here."""
    counts = list(person_indicator_counts())
    groups = {f"g{i}": dimension[2] for i, dimension in enumerate(dimensions)}
    query = base.annotate(**groups).values(*by, *groups).annotate(**person_indicator_counts())
    sums = [{} for _dimension in dimensions]
    for row in query.order_by():
        figures = [row[name] for name in counts]
        for i, found in enumerate(sums):
            key = (*(row[name] for name in by), row[f"g{i}"])
            total = found.setdefault(key, [0] * len(counts))
            for j, n in enumerate(figures):
                total[j] += n
    return [
        [
            {**dict(zip(by, key[:-1], strict=True)), "group": key[-1]}
            | dict(zip(counts, total, strict=True))
            for key, total in found.items()
        ]
        for found in sums
    ]


def _rows(region, filters, dimensions, *by):
    """Per dimension, the rows {*by, group, indicator counts}: from the pre-aggregate when
    nothing is filtered (`panels_read`, a fixed number of rows per region and day), else ONE
    GROUP BY over the filtered facts."""
    if filters == Filters():
        return panels_read.equity_rows(
            region=region,
            dimensions=[(dimension[0], dimension[2]) for dimension in dimensions],
            counts=person_indicator_counts(),
            by=by,
        )
    return equity_rows_from_facts(region, filters, dimensions, *by)


def equity_rows_from_facts(region, filters, dimensions, *by):
    """As `_rows`, always over the facts (the reference the pre-aggregate is tested against)."""
    base = person_indicator_queryset(region=region, filters=filters)
    return _grouped(base, dimensions, *by)


def equity_breakdowns(*, region, filters: Filters):
    """([indicator labels], [Breakdown]): all suppressed, two or three queries."""
    labels = person_indicator_labels()
    dimensions = _dimensions(_quintiles(region))
    result = [
        _breakdown(dimension, rows, labels)
        for dimension, rows in zip(dimensions, _rows(region, filters, dimensions), strict=True)
    ]
    return list(labels.values()), result


def equity_breakdowns_by_region(*, regions, filters: Filters):
    """({region id: [Breakdown]} as `equity_breakdowns` gives each region, [Breakdown] of the
    regions combined): two or three queries, whatever the number of regions."""
    labels = person_indicator_labels()
    present = _quintiles_present(regions)
    rows = _rows(regions, filters, _dimensions(({}, False)), "region_id")

    def breakdowns(found_in, quintiles):
        dimensions = _dimensions(_quintile_groups(quintiles))
        return [
            _breakdown(dimension, [r for r in found if found_in(r["region_id"])], labels)
            for dimension, found in zip(dimensions, rows, strict=True)
        ]

    own = {pk: breakdowns(pk.__eq__, quintiles) for pk, quintiles in present.items()}
    return own, breakdowns(lambda _pk: True, set().union(*present.values()))
