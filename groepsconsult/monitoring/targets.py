"""Progress against the region's targets: four queries over the year's sessions and the
pre-aggregates, whatever the number of people.

A count of people (participants reached, the average per session, the percentages) leaves
through `suppression`: below k it reads "<10" and draws no bar. Sessions held and GP practices
referring count sessions and practices, not people, so they are shown as they are.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Sum
from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.monitoring import rollup_read
from groepsconsult.monitoring.aggregates import RETURN_DUE_DAYS, not_refused
from groepsconsult.monitoring.models import SessionFact, Target
from groepsconsult.monitoring.suppression import Cell, suppress, threshold
from groepsconsult.regions.models import Organisation
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


def _year_figures(region, year):
    """{indicator: Cell} for `year` in `region`: four queries over that year's sessions and
    pre-aggregates (`SessionFact`, `FactRollup`), none over every registration or person."""
    now = timezone.now()
    first = Consultation.Kind.FIRST
    sessions = (
        Consultation.objects.filter(region=region, kind=first, starts_at__year=year)
        .filter(starts_at__lte=now)
        .exclude(status=Consultation.Status.CANCELLED)
        .count()
    )
    # SessionFact counts the places taken by people who did not say no to monitoring.
    present = SessionFact.objects.filter(
        region=region, kind=first, day__year=year, starts_at__lte=now
    ).aggregate(n=Sum("present"))["n"]
    people = rollup_read.person_totals(
        region=region,
        today=timezone.localdate(),
        return_due=now - dt.timedelta(days=RETURN_DUE_DAYS),
        within=Q(baseline_at__year=year),
    )
    registrations = {"present": present or 0, "practices": _practices(region, year, now)}
    return _figures({"n": sessions}, registrations, people)


def _practices(region, year, now):
    """The region's GP practices with a GP-selection place in a first session of `year`: one
    EXISTS per practice, so the cost follows the practices, not the people."""
    referred = Registration.objects.filter(
        not_refused("participant"),
        participant__gp_practice=OuterRef("pk"),
        channel=Registration.Channel.GP_SELECTION,
        status=Registration.Status.REGISTERED,
        consultation__region=region,
        consultation__kind=Consultation.Kind.FIRST,
        consultation__starts_at__year=year,
        consultation__starts_at__lte=now,
    )
    practices = Organisation.objects.filter(region=region, kind=Organisation.Kind.GP_PRACTICE)
    return practices.filter(Exists(referred)).count()


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
    figures = _year_figures(region, year)
    order = list(I.values)
    return [
        Progress(t, figures[t.indicator])
        for t in sorted(targets, key=lambda t: order.index(t.indicator))
    ]
