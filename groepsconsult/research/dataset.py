"""The rows of a pseudonymised export: one per trajectory of a consenting participant whose
first session has taken place.

Consent is enforced in every query: only participants with a current (given, not withdrawn)
consent for the agreement's purpose are read, through the consent app's EXISTS filter, and
anonymised (erased) people never. Which sessions are baseline and return is asked of the
trajectory; values come from `Measurement.objects.current()`. Five queries, whatever the number
of people: trajectories, measurements, goals, hand-overs, follow-up calls.
"""

from django.db.models import Q
from django.utils import timezone

from groepsconsult.consent.selectors import consent_current_exists
from groepsconsult.followups.models import FollowUpAttempt
from groepsconsult.goals.models import Goal
from groepsconsult.handovers.models import Handover
from groepsconsult.measurements.models import Measurement
from groepsconsult.research.anonymity import age_band, age_on, keyed_id
from groepsconsult.research.variables import ALL, NOT_ASKED
from groepsconsult.trajectories.models import Trajectory


def _consenting(purpose, via):
    """Q: the participant at `via` consents to `purpose` now and was not anonymised."""
    return Q(consent_current_exists(purpose, participant_ref=via or "pk")) & Q(
        **{f"{via}{'__' if via else ''}anonymised_at__isnull": True}
    )


def _trajectories(regions, purpose):
    return (
        Trajectory.objects.filter(
            _consenting(purpose, "participant"),
            baseline_consultation__region__in=regions,
            baseline_consultation__starts_at__lte=timezone.now(),  # the first session was held
        )
        .order_by("id")
        .values(
            "id",
            "participant_id",
            "participant__public_id",
            "participant__date_of_birth",
            "participant__sex",
            "participant__preferred_language",
            "participant__neighbourhood__cbs_code",
            "participant__background__education",
            "participant__background__help_reading",
            "participant__background__self_rated_health",
            "baseline_consultation_id",
            "baseline_consultation__region__slug",
            "baseline_consultation__starts_at",
            "baseline_consultation__neighbourhood__cbs_code",
            "return_consultation_id",
            "return_consultation__starts_at",
        )
    )


def _measurements(regions, purpose, measures):
    rows = Measurement.objects.current().filter(
        _consenting(purpose, "registration__participant"),
        registration__consultation__region__in=regions,
        measure__in=list(measures),
    )
    return {
        (r["registration__participant_id"], r["registration__consultation_id"], r["measure"]): (
            r["value"],
            r["colour"] or "none",
        )
        for r in rows.values(
            "registration__participant_id",
            "registration__consultation_id",
            "measure",
            "value",
            "colour",
        )
    }


def _goals(regions, purpose):
    rows = Goal.objects.filter(
        _consenting(purpose, "trajectory__participant"),
        trajectory__baseline_consultation__region__in=regions,
    ).order_by("id")
    return {r["trajectory_id"]: r["pillar"] for r in rows.values("trajectory_id", "pillar")}


def _handovers(regions, purpose):
    states: dict = {}
    rows = Handover.objects.filter(_consenting(purpose, "participant"), region__in=regions)
    for r in rows.values("participant_id", "status"):
        states.setdefault(r["participant_id"], set()).add(r["status"])
    return states


def _reached(regions, purpose):
    rows = FollowUpAttempt.objects.filter(
        _consenting(purpose, "participant"),
        region__in=regions,
        outcome=FollowUpAttempt.Outcome.REACHED,
    )
    return set(rows.values_list("participant_id", "consultation_id"))


def _measure_columns(values, t, measure):
    base = values.get((t["participant_id"], t["baseline_consultation_id"], measure))
    back = values.get((t["participant_id"], t["return_consultation_id"], measure))
    return {
        f"{measure}_baseline": base[0] if base else "",
        f"{measure}_return": back[0] if back else "",
        f"{measure}_colour_baseline": base[1] if base else "",
        f"{measure}_colour_return": back[1] if back else "",
    }


def _background_columns(t):
    answers = {
        "education": t["participant__background__education"],
        "health_literacy": t["participant__background__help_reading"],
        "self_rated_health": t["participant__background__self_rated_health"],
    }
    return {name: value or NOT_ASKED for name, value in answers.items()}


def pseudonymised_rows(*, project, agreement, regions=None) -> list[dict]:
    """Rows with only the agreement's variables, over `regions` (default: the project's own
    region), plus `_participant` and `_region` (the public id and the region's slug, for the
    access log only: they are never written to a file). The keyed id depends on the project
    alone, so a person keeps one pseudo_id whichever regions an export covers."""
    regions = list(regions or [project.region])
    purpose, groups = agreement.purpose, set(agreement.variables)
    values = _measurements(regions, purpose, agreement.measures) if agreement.measures else {}
    goals = _goals(regions, purpose) if "goal" in groups else {}
    handovers = _handovers(regions, purpose) if "handovers" in groups else {}
    reached = _reached(regions, purpose) if "follow_up" in groups else set()
    rows = []
    for t in _trajectories(regions, purpose):
        start = timezone.localtime(t["baseline_consultation__starts_at"]).date()
        back = t["return_consultation__starts_at"]
        row = {
            "_participant": t["participant__public_id"],
            "_region": t["baseline_consultation__region__slug"],
            "pseudo_id": keyed_id(salt=project.salt, public_id=t["participant__public_id"]),
        }
        if "demographics" in groups:
            age = age_on(t["participant__date_of_birth"], start)
            row["age_band"] = age_band(age, project.age_band_years)
            row["sex"] = t["participant__sex"]
            row["language"] = t["participant__preferred_language"]
        if "neighbourhood" in groups:
            row["neighbourhood"] = (
                t["participant__neighbourhood__cbs_code"]
                or t["baseline_consultation__neighbourhood__cbs_code"]
                or ALL
            )
        if "session_dates" in groups:
            row["baseline_month"] = start.strftime("%Y-%m")
            row["return_days"] = (timezone.localtime(back).date() - start).days if back else ""
        if "background" in groups:
            row.update(_background_columns(t))
        for measure in agreement.measures:
            row.update(_measure_columns(values, t, measure))
        if "goal" in groups:
            row["goal_pillar"] = goals.get(t["id"], "")
        if "handovers" in groups:
            row["handover_states"] = ";".join(sorted(handovers.get(t["participant_id"], ())))
        if "follow_up" in groups:
            pair = (t["participant_id"], t["baseline_consultation_id"])
            row["follow_up_reached"] = "yes" if pair in reached else "no"
        rows.append(row)
    return rows
