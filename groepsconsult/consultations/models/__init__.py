"""Models of the consultations app, one module per concept; import them from here."""

from groepsconsult.consultations.models.consultation import Consultation
from groepsconsult.consultations.models.roster import RosterAssignment, RosterStation, StationKind
from groepsconsult.consultations.models.runsheet import RunSheetBlock, RunSheetTemplate

__all__ = [
    "Consultation",
    "RosterAssignment",
    "RosterStation",
    "RunSheetBlock",
    "RunSheetTemplate",
    "StationKind",
]
