"""The optional background answers in the pseudonymised export: the codebook gives the SILS
English source wording and says the Dutch rendering is unconfirmed; education is a
quasi-identifier of the k-anonymity check."""

import csv
import io

from groepsconsult.participants.models import SILS_SOURCE_WORDING, ParticipantBackground
from groepsconsult.research.exports import agreement_export
from tests.factories.backbone import make_user
from tests.factories.monitoring import plant
from tests.factories.research import consent_all, make_agreement, make_project


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_background_answers_and_their_codebook(region_a):
    plant(region_a, "BU05180001", 6)
    people = consent_all(region_a, make_user("coordinator", region_a))
    for person in people[:4]:
        ParticipantBackground.objects.create(
            participant=person, education="212", help_reading="3", self_rated_health="2"
        )
    project = make_project(region_a, k_anonymity=2)
    agreement = make_agreement(project, variables=["background"], measures=[])
    export = agreement_export(agreement=agreement)
    rows = rows_of(export.files["participants.csv"])
    answers = sorted((r["education"], r["health_literacy"], r["self_rated_health"]) for r in rows)
    assert answers == [("212", "3", "2")] * 4 + [("not asked",) * 3] * 2
    codebook = {r["variable"]: r for r in rows_of(export.files["codebook.csv"])}
    source = codebook["health_literacy"]["source"]
    assert f'"{SILS_SOURCE_WORDING}"' in source
    assert "formulering is onze vertaling en moet nog worden bevestigd" in source  # nl default
    assert "limited if > 2" in codebook["health_literacy"]["allowed_values"]


def test_education_is_checked_for_k_anonymity(region_a):
    plant(region_a, "BU05180001", 6)
    people = consent_all(region_a, make_user("coordinator", region_a))
    ParticipantBackground.objects.create(participant=people[0], education="32")
    agreement = make_agreement(make_project(region_a, k_anonymity=2), variables=["background"])
    export = agreement_export(agreement=agreement)
    assert export.report.suppressed == 1  # the only master's degree is left out
    assert "32" not in {r["education"] for r in rows_of(export.files["participants.csv"])}
