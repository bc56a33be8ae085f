"""FHIR R4 `Bundle` (type collection) for the GP: the Patient and one Observation per measured
value, coded from our value set (gpfeedback.codes), method point-of-care, effective date and
performer. Built as plain data and validated by fhir.resources (its R4B models match R4 for
Patient, Observation and Bundle). Reads nothing itself: the caller passes the current values.
"""

import uuid

from fhir.resources.R4B.bundle import Bundle

from groepsconsult.gpfeedback.codes import (
    BP_PANEL,
    LOINC,
    NHG_45,
    POINT_OF_CARE,
    UCUM,
    UCUM_OF_STORED,
    code_for,
)

BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn"
GENDER = {"female": "female", "male": "male"}
VITAL_SIGNS = {"systolic", "diastolic", "pulse", "weight", "height", "bmi", "waist"}


def _urn():
    return f"urn:uuid:{uuid.uuid4()}"


def _concept(code):
    codings = [{"system": LOINC, "code": code.loinc, "display": code.display}]
    if code.nhg:
        codings.append({"system": NHG_45, "code": code.nhg, "display": code.nhg_display})
    return {"coding": codings, "text": code.display}


def _quantity(row, code):
    return {
        "value": float(row.value),
        "unit": code.ucum,
        "system": UCUM,
        "code": code.ucum,
    }


def _category(measure):
    kind = "vital-signs" if measure in VITAL_SIGNS else "laboratory"
    system = "http://terminology.hl7.org/CodeSystem/observation-category"
    return [{"coding": [{"system": system, "code": kind}]}]


def _observation(*, patient_ref, code, measure, performer, effective, value=None, components=None):
    resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category(measure),
        "code": _concept(code),
        "subject": {"reference": patient_ref},
        "effectiveDateTime": effective.isoformat(),
        "performer": [{"display": performer}],
        "method": {"text": POINT_OF_CARE[0]},
    }
    if value is not None:
        resource["valueQuantity"] = value
    if components:
        resource["component"] = components
    return resource


def _sendable(row, code) -> bool:
    return code is not None and UCUM_OF_STORED.get(row.unit) == code.ucum


def observations(*, measurements, patient_ref, performer):
    """One Observation per current value; blood pressure as one panel with two components."""
    result = []
    sys_row, dia_row = measurements.get("systolic"), measurements.get("diastolic")
    if sys_row and dia_row:
        components = []
        for row in (sys_row, dia_row):
            code = code_for(row.measure)
            components.append({"code": _concept(code), "valueQuantity": _quantity(row, code)})
        result.append(
            _observation(
                patient_ref=patient_ref,
                code=BP_PANEL,
                measure="systolic",
                performer=performer,
                effective=sys_row.measured_at,
                components=components,
            )
        )
    for measure, row in measurements.items():
        if measure in ("systolic", "diastolic"):
            continue
        code = code_for(measure, fasting=row.fasting)
        if not _sendable(row, code):
            continue  # no LOINC code (letter only) or a unit that does not match the code
        result.append(
            _observation(
                patient_ref=patient_ref,
                code=code,
                measure=measure,
                performer=performer,
                effective=row.measured_at,
                value=_quantity(row, code),
            )
        )
    return result


def _patient(participant):
    patient = {
        "resourceType": "Patient",
        "name": [{"family": participant.family_name, "given": [participant.given_name]}],
        "birthDate": participant.date_of_birth.isoformat(),
    }
    if participant.sex in GENDER:
        patient["gender"] = GENDER[participant.sex]
    if participant.bsn:
        patient["identifier"] = [{"system": BSN_SYSTEM, "value": participant.bsn}]
    return patient


def build_bundle(*, participant, measurements, performer, timestamp) -> dict:
    """The validated bundle as JSON-ready data (raises pydantic's ValidationError if invalid)."""
    patient_ref = _urn()
    entries = [{"fullUrl": patient_ref, "resource": _patient(participant)}]
    for obs in observations(
        measurements=measurements, patient_ref=patient_ref, performer=performer
    ):
        entries.append({"fullUrl": _urn(), "resource": obs})
    data = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timestamp.isoformat(),
        "entry": entries,
    }
    return Bundle.model_validate(data).model_dump(mode="json", exclude_none=True)
