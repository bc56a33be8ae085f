"""Writes of the consultations app. Each is keyword-only, atomic, validated and audited."""

from groepsconsult.consultations.services.consultation import (
    consultation_copy,
    consultation_create,
    consultation_record_earlier,
    consultation_set_status,
    consultation_update,
)
from groepsconsult.consultations.services.roster import (
    roster_assign,
    roster_station_add,
    roster_station_remove,
    roster_unassign,
)
from groepsconsult.consultations.services.runsheet import (
    runsheet_block_add,
    runsheet_block_move,
    runsheet_block_remove,
    runsheet_block_update,
    runsheet_reset_from_template,
    runsheet_template_default,
)

__all__ = [
    "consultation_copy",
    "consultation_create",
    "consultation_record_earlier",
    "consultation_set_status",
    "consultation_update",
    "roster_assign",
    "roster_station_add",
    "roster_station_remove",
    "roster_unassign",
    "runsheet_block_add",
    "runsheet_block_move",
    "runsheet_block_remove",
    "runsheet_block_update",
    "runsheet_reset_from_template",
    "runsheet_template_default",
]
