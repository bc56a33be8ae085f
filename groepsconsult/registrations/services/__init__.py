"""Writes for registrations: every one atomic, validated and audited in its own transaction."""

from groepsconsult.registrations.services.attendance import (
    attendance_mark,
    registration_walk_in,
    registration_walk_in_existing,
)
from groepsconsult.registrations.services.registration import (
    PURPOSE_RECRUITMENT,
    registration_cancel,
    registration_create,
    registration_self_register,
)

__all__ = [
    "PURPOSE_RECRUITMENT",
    "attendance_mark",
    "registration_cancel",
    "registration_create",
    "registration_self_register",
    "registration_walk_in",
    "registration_walk_in_existing",
]
