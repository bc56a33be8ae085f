"""The FHIR bundle: parses with fhir.resources, every Observation coded with LOINC and UCUM."""

import pytest
from fhir.resources.R4B.bundle import Bundle

from groepsconsult.gpfeedback.codes import LOINC, LOINC_CODES, NHG_45, UCUM, UCUM_UNITS
from tests.factories.gpfeedback import make_measured_patient, prepare


def observations(bundle):
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"
    ]


def quantities(obs):
    if "valueQuantity" in obs:
        return [obs["valueQuantity"]]
    return [c["valueQuantity"] for c in obs["component"]]


@pytest.fixture
def bundle(region_a):
    return prepare(make_measured_patient(region_a)).bundle


def test_the_bundle_parses_as_fhir(bundle):
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    kinds = [e.resource.get_resource_type() for e in parsed.entry]
    assert kinds[0] == "Patient" and kinds.count("Observation") >= 10


def test_every_observation_has_a_loinc_code_and_ucum_units(bundle):
    for obs in observations(bundle):
        loinc = [c["code"] for c in obs["code"]["coding"] if c["system"] == LOINC]
        assert loinc and set(loinc) <= LOINC_CODES, obs["code"]
        for q in quantities(obs):
            assert q["system"] == UCUM and q["code"] in UCUM_UNITS
        assert obs["method"]["text"].startswith("Point of care")
        assert obs["effectiveDateTime"] and obs["performer"]


def test_blood_pressure_is_one_panel_with_two_components(bundle):
    (bp,) = [o for o in observations(bundle) if o["code"]["coding"][0]["code"] == "85354-9"]
    codes = [c["code"]["coding"][0]["code"] for c in bp["component"]]
    assert codes == ["8480-6", "8462-4"]
    assert [c["valueQuantity"]["code"] for c in bp["component"]] == ["mm[Hg]", "mm[Hg]"]


def test_fasting_glucose_carries_the_nhg_code(bundle):
    (glucose,) = [o for o in observations(bundle) if o["code"]["coding"][0]["code"] == "14770-2"]
    assert {"system": NHG_45, "code": "382"}.items() <= glucose["code"]["coding"][1].items()


def test_measures_without_loinc_stay_out_of_the_bundle(bundle):
    texts = [o["code"]["text"] for o in observations(bundle)]
    assert not any("isceral" in t for t in texts)
