"""Writes for registrations: every one atomic, validated and audited in its own transaction."""

from groepsconsult.registrations.services.attendance import (
    attendance_confirm_for_results,
    attendance_mark,
    registration_walk_in,
)
from groepsconsult.registrations.services.call_list import registration_from_call
from groepsconsult.registrations.services.registration import (
    PURPOSE_RECRUITMENT,
    registration_cancel,
    registration_create,
    registration_self_register,
)

__all__ = [
    "PURPOSE_RECRUITMENT",
    "attendance_confirm_for_results",
    "attendance_mark",
    "registration_cancel",
    "registration_create",
    "registration_from_call",
    "registration_self_register",
    "registration_walk_in",
]
