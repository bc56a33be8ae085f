"""State rules for questionnaires (step three of the authorisation)."""

from django.core.exceptions import PermissionDenied

from groepsconsult.registrations.models import Registration


def can_fill_for_registration(registration) -> bool:
    """Only a live place in a session takes answers: a cancelled one is history."""
    return registration.status == Registration.Status.REGISTERED


def check_can_fill_for_registration(registration) -> None:
    if not can_fill_for_registration(registration):
        raise PermissionDenied("This registration was cancelled.")
