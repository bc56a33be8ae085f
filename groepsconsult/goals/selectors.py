"""Reads of personal goals. Goals are personal data: callers log the read."""

from groepsconsult.goals.models import Goal
from groepsconsult.regions.models import Professional


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
