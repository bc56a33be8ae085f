"""Our value set for GP feedback: LOINC codes, UCUM units and NHG Tabel 45 codes, from the
clinical notes (../shared/clinical.md section 6.1; only codes marked verified).

A measure without a LOINC code (visceral fat level, muscle mass) is not sent as an
Observation: it appears in the letter only.
"""

from dataclasses import dataclass

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
NHG_45 = "https://referentiemodel.nhg.org/tabellen/nhg-tabel-45-diagnostische-bepalingen"
SNOMED = "http://snomed.info/sct"
POINT_OF_CARE = ("Point of care test (finger prick or scale in the neighbourhood)",)


@dataclass(frozen=True)
class Code:
    loinc: str
    display: str
    ucum: str
    nhg: str = ""
    nhg_display: str = ""


BP_PANEL = Code("85354-9", "Blood pressure panel with all children optional", "mm[Hg]")
CODES: dict[str, Code] = {
    "systolic": Code("8480-6", "Systolic blood pressure", "mm[Hg]"),
    "diastolic": Code("8462-4", "Diastolic blood pressure", "mm[Hg]"),
    "pulse": Code("8867-4", "Heart rate", "/min"),
    "glucose_fasting": Code(
        "14770-2",
        "Fasting glucose [Moles/volume] in Capillary blood by Glucometer",
        "mmol/L",
        "382",
        "glucose nuchter, draagbare meter",
    ),
    "glucose": Code(
        "14743-9",
        "Glucose [Moles/volume] in Capillary blood by Glucometer",
        "mmol/L",
        "381",
        "glucose niet nuchter, draagbare meter",
    ),
    "hba1c": Code(
        "59261-8", "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol", "mmol/mol"
    ),
    "total_cholesterol": Code("14647-2", "Cholesterol [Moles/volume] in Serum or Plasma", "mmol/L"),
    "hdl": Code("14646-4", "Cholesterol in HDL [Moles/volume] in Serum or Plasma", "mmol/L"),
    "ldl": Code("22748-8", "Cholesterol in LDL [Moles/volume] in Serum or Plasma", "mmol/L"),
    "weight": Code("29463-7", "Body weight", "kg"),
    "height": Code("8302-2", "Body height", "cm"),
    "bmi": Code("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2"),
    "waist": Code("8280-0", "Waist Circumference at umbilicus by Tape measure", "cm"),
    "fat_percent": Code("41982-0", "Percentage of body fat Measured", "%"),
}
# The unit we store (clinical PLAUSIBLE_RANGES) -> its UCUM code: a value is only sent when its
# stored unit is the one the code expects, so a unit mix-up can never reach the GP.
UCUM_OF_STORED = {
    "mmHg": "mm[Hg]",
    "mmol/l": "mmol/L",
    "mmol/mol": "mmol/mol",
    "kg": "kg",
    "cm": "cm",
    "kg/m2": "kg/m2",
    "%": "%",
    "/min": "/min",
}
LOINC_CODES = frozenset(c.loinc for c in CODES.values()) | {BP_PANEL.loinc}
UCUM_UNITS = frozenset(UCUM_OF_STORED.values())


def code_for(measure: str, *, fasting: bool | None = None) -> Code | None:
    if measure == "glucose" and fasting:
        return CODES["glucose_fasting"]
    return CODES.get(measure)
