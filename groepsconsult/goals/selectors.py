"""Reads of personal goals. Goals are personal data: callers log the read."""

from django.utils import timezone

from groepsconsult.goals.models import Goal
from groepsconsult.regions.models import Professional
from groepsconsult.trajectories.timeline import TimelineEntry


def goal_current_for_trajectory(*, trajectory):
    """The participant's latest goal on this trajectory (an edit adds a row), or None."""
    return (
        Goal.objects.filter(trajectory=trajectory)
        .select_related("professional", "consultation")
        .order_by("-created_at", "-id")
        .first()
    )


def goal_history_for_trajectory(*, trajectory):
    """Every version of the goal on this trajectory, newest first (one query)."""
    return list(
        Goal.objects.filter(trajectory=trajectory)
        .select_related("professional", "consultation", "recorded_by")
        .order_by("-created_at", "-id")
    )


def professional_choices_for_goal(*, region):
    return Professional.objects.in_region(region).filter(is_active=True).order_by("name")


def goal_timeline_entries(*, membership, participant, registrations):
    """Timeline provider (trajectories/timeline.py): the current goal of each trajectory, under
    the session where it was set. One query."""
    latest = {}
    rows = (
        Goal.objects.filter(trajectory__participant=participant)
        .select_related("consultation")
        .order_by("created_at", "id")
    )
    for goal in rows:
        latest[goal.trajectory_id] = goal  # an edit adds a row: the newest is current
    places = {r.consultation_id: r.pk for r in registrations}
    return [
        TimelineEntry(
            on=timezone.localdate(goal.created_at),
            template="goals/_timeline_goal.html",
            context={"goal": goal},
            registration_id=places.get(goal.consultation_id),
        )
        for goal in latest.values()
    ]
