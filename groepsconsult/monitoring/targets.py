"""Progress against the region's targets: three GROUP BY year queries, whatever the data.

A count of people (participants reached, the average per session, the percentages) leaves
through `suppression`: below k it reads "<10" and draws no bar. Sessions held and GP practices
referring count sessions and practices, not people, so they are shown as they are.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.monitoring.aggregates import Filters, in_regions, not_refused
from groepsconsult.monitoring.models import Target
from groepsconsult.monitoring.process import person_indicator_counts, person_indicator_queryset
from groepsconsult.monitoring.suppression import Cell, suppress, threshold
from groepsconsult.registrations.models import Registration

I = Target.Indicator  # noqa: E741
BAR_MAX = 240  # px


@dataclass(frozen=True)
class Progress:
    target: Target
    value: Cell

    @property
    def percent(self):
        if self.value.suppressed:
            return None
        return round(100 * float(self.value.value) / float(self.target.value))

    @property
    def bar_width(self):
        return 0 if self.percent is None else round(BAR_MAX * min(self.percent, 100) / 100)


def _by_year(rows):
    return {r.pop("year"): r for r in rows}


def _year_figures(region):
    """{year: {indicator: Cell}} for every year with activity in `region`."""
    now = timezone.now()
    sessions = _by_year(
        Consultation.objects.filter(region=region, kind=Consultation.Kind.FIRST, starts_at__lte=now)
        .exclude(status=Consultation.Status.CANCELLED)
        .annotate(year=ExtractYear("starts_at"))
        .values("year")
        .annotate(n=Count("pk"))
    )
    registrations = _by_year(
        Registration.objects.filter(
            not_refused("participant"),
            in_regions("consultation__region", region),
            consultation__kind=Consultation.Kind.FIRST,
            consultation__starts_at__lte=now,
            status=Registration.Status.REGISTERED,
        )
        .annotate(year=ExtractYear("consultation__starts_at"))
        .values("year")
        .annotate(
            present=Count("pk", filter=Q(attendance=Registration.Attendance.PRESENT)),
            practices=Count(
                "participant__gp_practice",
                distinct=True,
                filter=Q(channel=Registration.Channel.GP_SELECTION),
            ),
        )
    )
    counts = person_indicator_counts()
    people = _by_year(
        person_indicator_queryset(region=region, filters=Filters())
        .annotate(year=ExtractYear("baseline_date"))
        .values("year")
        .annotate(
            **{key: counts[key] for key in ("call_due", "call_reached", "return_due", "returned")}
        )
    )
    years = set(sessions) | set(registrations) | set(people)
    return {
        y: _figures(sessions.get(y, {}), registrations.get(y, {}), people.get(y, {})) for y in years
    }


def _figures(sessions, registrations, people):
    k = threshold()
    held = sessions.get("n", 0)
    present = registrations.get("present", 0)
    return {
        I.SESSIONS: Cell(held, k),
        I.GP_PRACTICES: Cell(registrations.get("practices", 0), k),
        I.REACHED: suppress(present, present),
        I.PER_SESSION: suppress(round(present / held, 1) if held else 0, present),
        I.CALL_REACHED: _percent(people.get("call_reached", 0), people.get("call_due", 0)),
        I.RETURNED: _percent(people.get("returned", 0), people.get("return_due", 0)),
    }


def _percent(part, whole):
    """A percentage of at least k people; hidden when the part or the rest is below k, so
    that neither the small part nor the small rest can be worked out from it."""
    k = threshold()
    if whole < k or part < k or whole - part < k and part != whole:
        return Cell(None, k)
    return Cell(round(100 * part / whole), k)


def target_progress(*, region, year):
    """[Progress] for the targets of `region` in `year`, in indicator order."""
    targets = list(Target.objects.in_region(region).filter(year=year))
    if not targets:
        return []
    figures = _year_figures(region).get(year, _figures({}, {}, {}))
    order = list(I.values)
    return [
        Progress(t, figures[t.indicator])
        for t in sorted(targets, key=lambda t: order.index(t.indicator))
    ]
