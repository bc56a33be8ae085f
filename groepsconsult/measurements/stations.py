"""Which measures each station enters, with their units. Data, not logic.

Units come from clinical.PLAUSIBLE_RANGES so the station, the plausibility check and the rule set
can never disagree about what a number means.
"""

from dataclasses import dataclass

from groepsconsult.clinical import PLAUSIBLE_RANGES
from groepsconsult.measurements.models import Measure, Station


@dataclass(frozen=True)
class StationField:
    measure: str
    step: str = "0.1"  # the smallest sensible increment, for the number keypad
    required: bool = False


STATION_FIELDS: dict[str, tuple[StationField, ...]] = {
    Station.CARE: (
        StationField(Measure.SYSTOLIC, step="1", required=True),
        StationField(Measure.DIASTOLIC, step="1", required=True),
        StationField(Measure.PULSE, step="1"),
    ),
    Station.MEASUREMENT: (
        StationField(Measure.GLUCOSE),
        StationField(Measure.TOTAL_CHOLESTEROL),
        StationField(Measure.HDL, step="0.01"),
        StationField(Measure.LDL, step="0.01"),
        StationField(Measure.HBA1C, step="1"),
    ),
    Station.MOVEMENT: (
        StationField(Measure.WEIGHT),
        StationField(Measure.HEIGHT, step="0.5"),
        StationField(Measure.BMI),
        StationField(Measure.WAIST, step="0.5"),
        StationField(Measure.FAT_PERCENT),
        StationField(Measure.VISCERAL_FAT_LEVEL, step="1"),
        StationField(Measure.MUSCLE_MASS),
    ),
    Station.WELFARE: (),  # the welfare table fills questionnaires (questionnaires app)
}

# Stations whose "done" state the progress grid derives from measurements.
MEASURED_STATIONS = (Station.CARE, Station.MEASUREMENT, Station.MOVEMENT)

MEASURE_STATION = {f.measure: s for s, fields in STATION_FIELDS.items() for f in fields}


def unit_for(measure: str) -> str:
    return PLAUSIBLE_RANGES[measure][2]


def station_measures(station: str) -> list[str]:
    return [f.measure for f in STATION_FIELDS[station]]
