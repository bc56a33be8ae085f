"""Region monitoring: reach per recruitment channel and paired baseline vs 6-month change.

Everything leaves through `suppression` (cells below k read "<10", complementary suppression
over neighbourhoods so the ALL row cannot give a small neighbourhood back). Participants who
said no to anonymous monitoring are left out (`consent_refused_exists`). Which sessions are a
person's baseline and return is asked of the trajectory, never guessed from dates; the value
of a measure is `Measurement.objects.current()`. Fixed query count: one query for the reach,
one for the trajectories and one for the measurements, whatever the number of participants.
"""

import datetime as dt
import math
import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from scipy import stats

from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_refused_exists
from groepsconsult.consultations.models import Consultation
from groepsconsult.measurements.models import Measurement
from groepsconsult.monitoring.suppression import Cell, suppress, suppress_grid
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.models import Trajectory

MEASURES = {
    "systolic": _("Systolic blood pressure (mmHg)"),
    "diastolic": _("Diastolic blood pressure (mmHg)"),
    "weight": _("Weight (kg)"),
    "waist": _("Waist circumference (cm)"),
}
RETURN_DUE_DAYS = 183  # six months: after this a baseline without a return counts as lost
ALL = "ALL"


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters; every field optional. Ages are on the baseline session's date."""

    start: dt.date | None = None
    end: dt.date | None = None
    neighbourhood: object = None
    sex: str = ""
    language: str = ""
    channel: str = ""
    age_min: int | None = None
    age_max: int | None = None

    def participant_q(self, prefix, on_field):
        """Q on the participant at `prefix` (e.g. "participant__") for the person filters, and
        on the session at `on_field` for period and neighbourhood."""
        return self.person_q(prefix) & self.session_q(on_field)

    def person_q(self, prefix):
        """Q on the participant at `prefix` for sex, language and age band only."""
        q = Q()
        if self.sex:
            q &= Q(**{f"{prefix}sex": self.sex})
        if self.language:
            q &= Q(**{f"{prefix}preferred_language": self.language})
        today = self.end or timezone.localdate()
        if self.age_min is not None:
            q &= Q(**{f"{prefix}date_of_birth__lte": years_before(today, self.age_min)})
        if self.age_max is not None:
            q &= Q(**{f"{prefix}date_of_birth__gt": years_before(today, self.age_max + 1)})
        return q

    def session_q(self, on_field):
        q = Q()
        if self.start:
            q &= Q(**{f"{on_field}__starts_at__date__gte": self.start})
        if self.end:
            q &= Q(**{f"{on_field}__starts_at__date__lte": self.end})
        if self.neighbourhood is not None:
            q &= Q(**{f"{on_field}__neighbourhood": self.neighbourhood})
        return q


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def in_regions(path, region):
    """Q on `path` for one region, or for several (a funder's regions combined)."""
    if isinstance(region, list | tuple):
        return Q(**{f"{path}__in": region})
    return Q(**{path: region})


def not_refused(ref):
    return ~consent_refused_exists(ConsentPurpose.ANONYMOUS_MONITORING, participant_ref=ref)


def _hood(code, name):
    return code or name or "?"


# ---- reach -------------------------------------------------------------------------------


def reach_rows(*, region, filters: Filters):
    """[(neighbourhood, channel, registered, attended)] in one GROUP BY query."""
    rows = Registration.objects.filter(
        not_refused("participant"),
        filters.participant_q("participant__", "consultation"),
        in_regions("consultation__region", region),
        consultation__kind=Consultation.Kind.FIRST,
        status=Registration.Status.REGISTERED,
    )
    if filters.channel:
        rows = rows.filter(channel=filters.channel)
    grouped = rows.values(
        "consultation__neighbourhood__cbs_code", "consultation__neighbourhood__name", "channel"
    ).annotate(
        registered=Count("pk"),
        attended=Count("pk", filter=Q(attendance=Registration.Attendance.PRESENT)),
    )
    return [
        (
            _hood(
                r["consultation__neighbourhood__cbs_code"], r["consultation__neighbourhood__name"]
            ),
            r["channel"],
            r["registered"],
            r["attended"],
        )
        for r in grouped
    ]


def reach_by_channel(rows):
    """Suppressed {channel: {"registered": Cell, "attended": Cell}} plus column totals."""
    table: dict = {}
    for _hood_code, channel, registered, attended in rows:
        cell = table.setdefault(channel, {"registered": 0, "attended": 0})
        cell["registered"] += registered
        cell["attended"] += attended
    cells, _row_totals, totals, _grand = suppress_grid(table, rows_add_up=False)
    labels = dict(Registration.Channel.choices)
    return [(labels.get(ch, ch), cells[ch]) for ch in sorted(cells)], totals


# ---- paired outcomes ---------------------------------------------------------------------


@dataclass
class Pairs:
    """Baseline and return values of one measure in one neighbourhood (never shown raw)."""

    pairs: list = field(default_factory=list)
    lost: int = 0


@dataclass(frozen=True)
class OutcomeRow:
    neighbourhood: str
    measure: str
    label: str
    n: Cell
    baseline_mean: Cell
    return_mean: Cell
    change_mean: Cell
    ci95_low: Cell
    ci95_high: Cell
    lost: Cell


def paired_statistics(pairs):
    """(baseline mean, return mean, mean change, CI low, CI high) of paired values; the 95%
    interval of the mean change uses Student's t with n - 1 degrees of freedom."""
    changes = [r - b for b, r in pairs]
    n = len(changes)
    mean_change = statistics.fmean(changes)
    half = stats.t.ppf(0.975, n - 1) * statistics.stdev(changes) / math.sqrt(n) if n > 1 else 0
    return (
        statistics.fmean(b for b, _r in pairs),
        statistics.fmean(r for _b, r in pairs),
        mean_change,
        mean_change - half,
        mean_change + half,
    )


def trajectory_queryset(*, region, filters: Filters):
    """Trajectories whose first session is in `region` and matches the filters, without the
    people who said no to anonymous monitoring: the base of every per-person indicator."""
    rows = Trajectory.objects.filter(
        not_refused("participant"),
        filters.participant_q("participant__", "baseline_consultation"),
        in_regions("baseline_consultation__region", region),
    )
    if filters.channel:
        rows = rows.filter(
            Exists(
                Registration.objects.filter(
                    participant=OuterRef("participant"),
                    consultation=OuterRef("baseline_consultation"),
                    channel=filters.channel,
                )
            )
        )
    return rows


def _trajectories(region, filters):
    return trajectory_queryset(region=region, filters=filters).values(
        "participant_id",
        "baseline_consultation_id",
        "return_consultation_id",
        "baseline_consultation__starts_at",
        "baseline_consultation__neighbourhood__cbs_code",
        "baseline_consultation__neighbourhood__name",
    )


def _values(region):
    """{(participant id, consultation id, measure): value} of the current measurements."""
    rows = Measurement.objects.current().filter(
        in_regions("registration__consultation__region", region), measure__in=list(MEASURES)
    )
    return {
        (
            r["registration__participant_id"],
            r["registration__consultation_id"],
            r["measure"],
        ): float(r["value"])
        for r in rows.values(
            "registration__participant_id", "registration__consultation_id", "measure", "value"
        )
    }


def collect_pairs(*, region, filters: Filters):
    """{neighbourhood: {measure: Pairs}}: two queries, whatever the number of people."""
    values = _values(region)
    due_before = timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS)
    grouped: dict = {}
    for t in _trajectories(region, filters):
        hood = _hood(
            t["baseline_consultation__neighbourhood__cbs_code"],
            t["baseline_consultation__neighbourhood__name"],
        )
        for measure in MEASURES:
            base = values.get((t["participant_id"], t["baseline_consultation_id"], measure))
            if base is None:
                continue
            back = values.get((t["participant_id"], t["return_consultation_id"], measure))
            cell = grouped.setdefault(hood, {}).setdefault(measure, Pairs())
            if back is not None:
                cell.pairs.append((base, back))
            elif t["baseline_consultation__starts_at"] <= due_before:
                cell.lost += 1
    return grouped


def outcome_rows(grouped) -> list[OutcomeRow]:
    """Per neighbourhood and measure, then ALL: n, means, change and CI, all suppressed."""
    hoods = sorted(grouped)
    n_grid = {h: {m: len(grouped[h].get(m, Pairs()).pairs) for m in MEASURES} for h in hoods}
    lost_grid = {h: {m: grouped[h].get(m, Pairs()).lost for m in MEASURES} for h in hoods}
    n_cells, _rows, n_totals, _grand = suppress_grid(n_grid, rows_add_up=False)
    lost_cells, _rows, lost_totals, _grand = suppress_grid(lost_grid, rows_add_up=False)
    result = []
    for hood in hoods:
        for measure in MEASURES:
            pairs = grouped[hood].get(measure, Pairs()).pairs
            result.append(
                _row(hood, measure, pairs, n_cells[hood][measure], lost_cells[hood][measure])
            )
    for measure in MEASURES:
        pairs = [p for hood in hoods for p in grouped[hood].get(measure, Pairs()).pairs]
        total_n = n_totals[measure] if hoods else suppress(0, 0)
        total_lost = lost_totals[measure] if hoods else suppress(0, 0)
        result.append(_row(ALL, measure, pairs, total_n, total_lost))
    return result


def _row(hood, measure, pairs, n_cell, lost_cell):
    k = n_cell.k
    if n_cell.suppressed:
        figures = [Cell(None, k)] * 5
    else:
        figures = [suppress(round(v, 3), len(pairs)) for v in paired_statistics(pairs)]
    return OutcomeRow(hood, measure, MEASURES[measure], n_cell, *figures, lost_cell)
