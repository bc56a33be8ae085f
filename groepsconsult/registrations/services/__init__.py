"""Writes for registrations: every one atomic, validated and audited in its own transaction."""

from groepsconsult.registrations.services.attendance import (
    attendance_confirm_for_results,
    attendance_mark,
    registration_record_earlier,
    registration_walk_in,
    registration_walk_in_existing,
)
from groepsconsult.registrations.services.call_list import registration_from_call
from groepsconsult.registrations.services.registration import (
    PURPOSE_RECRUITMENT,
    SELF_REGISTRATION_NAME,
    registration_cancel,
    registration_create,
    registration_self_register,
)
from groepsconsult.registrations.services.removal import (
    signup_removal_create,
    signup_removal_undo,
)

__all__ = [
    "PURPOSE_RECRUITMENT",
    "attendance_confirm_for_results",
    "SELF_REGISTRATION_NAME",
    "attendance_mark",
    "registration_cancel",
    "registration_create",
    "registration_from_call",
    "registration_record_earlier",
    "registration_self_register",
    "registration_walk_in",
    "signup_removal_create",
    "signup_removal_undo",
    "registration_walk_in_existing",
]
