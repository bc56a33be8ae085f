"""The pseudonymised export: consenting people only, no identifying fields, keyed ids per
project, age bands, k-anonymity, the command's files and the access log."""

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from groepsconsult.audit.models import AccessEvent
from groepsconsult.participants.models import Participant
from groepsconsult.research.anonymity import age_band, k_anonymise, keyed_id
from groepsconsult.research.dataset import pseudonymised_rows
from groepsconsult.research.exports import agreement_export
from groepsconsult.research.services import research_export
from groepsconsult.research.variables import ALL
from tests.factories.backbone import make_user
from tests.factories.consent import give, withdraw
from tests.factories.monitoring import plant
from tests.factories.research import consent_all, make_agreement, make_project

PERSON = {
    "given_name": "Zeynepgul",
    "email": "zeynep@example.nl",
    "phone": "0687654321",
    "postcode": "2525 XY",
    "bsn": "111222333",
    "date_of_birth": dt.date(1961, 7, 23),
}


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def coordinator(region_a):
    return make_user("coordinator", region_a)


@pytest.fixture
def agreement(region_a):
    return make_agreement(make_project(region_a), measures=["systolic", "weight"])


def test_export_holds_no_identifying_field_and_nobody_who_withdrew(
    region_a, coordinator, agreement
):
    plant(region_a, "BU05180001", 12, **PERSON)
    people = consent_all(region_a, coordinator)
    withdrawn = people[0]
    withdraw(withdrawn.consents.get(purpose="pseudonymised_research"), coordinator)
    never = Participant.objects.create(
        region=region_a, **{**PERSON, "family_name": "Nooit", "sex": "male"}
    )
    give(never, "pseudonymised_research", coordinator, given=False)

    export = agreement_export(agreement=agreement)
    text = "".join(body for body in export.files.values())
    for field in ("Zeynepgul", "Testpersoon", "zeynep@example.nl", "0687654321", "2525 XY"):
        assert field not in text
    for value in ("111222333", "1961-07-23", "23-07-1961", "23/07/1961"):
        assert value not in text
    rows = rows_of(export.files["participants.csv"])
    assert len(rows) == 11
    ids = {r["pseudo_id"] for r in rows}
    assert keyed_id(salt=agreement.project.salt, public_id=withdrawn.public_id) not in ids
    assert keyed_id(salt=agreement.project.salt, public_id=never.public_id) not in ids
    assert withdrawn.public_id not in export.participant_ids
    assert {r["age_band"] for r in rows} == {"60-69"}  # 63 at the first session, 10-year bands


def test_header_follows_the_agreement_only(region_a, coordinator):
    plant(region_a, "BU05180001", 6)
    consent_all(region_a, coordinator)
    agreement = make_agreement(make_project(region_a), variables=["goal"], measures=["systolic"])
    export = agreement_export(agreement=agreement)
    header = export.files["participants.csv"].splitlines()[0]
    assert header == (
        "pseudo_id,goal_pillar,systolic_baseline,systolic_return,"
        "systolic_colour_baseline,systolic_colour_return"
    )
    codebook = rows_of(export.files["codebook.csv"])
    assert [r["variable"] for r in codebook] == header.split(",")
    assert export.files["codebook.csv"].splitlines()[0] == (
        "variable,label,type,unit,allowed_values,source"
    )


def test_keyed_ids_are_stable_within_a_project_and_differ_across_projects(region_a, coordinator):
    plant(region_a, "BU05180001", 6)
    consent_all(region_a, coordinator)
    first, second = make_project(region_a), make_project(region_a)
    a, b = make_agreement(first), make_agreement(second)

    def ids(agreement):
        return [
            r["pseudo_id"]
            for r in rows_of(agreement_export(agreement=agreement).files["participants.csv"])
        ]

    assert ids(a) == ids(a) == ids(make_agreement(first))
    assert len(set(ids(a))) == 6 and all(len(i) == 16 for i in ids(a))
    assert not set(ids(a)) & set(ids(b))


def test_age_bands():
    assert age_band(44, 5) == "40-44"
    assert age_band(45, 10) == "40-49"
    assert age_band(83, 5) == "80+"


def test_k_anonymity_generalises_step_by_step_then_leaves_out_the_rest():
    person = {"age_band": "50-59", "sex": "female", "language": "nl"}
    rows = (
        [{**person, "neighbourhood": "A"}] * 6
        + [{**person, "neighbourhood": "B"}] * 3
        + [{**person, "neighbourhood": "C"}] * 3
        + [{**person, "neighbourhood": "A", "sex": "male"}]
    )
    kept, report = k_anonymise(rows, keys=("age_band", "sex", "neighbourhood", "language"), k=5)
    assert (report.generalised, report.suppressed, report.records) == (6, 1, 12)
    assert [r["neighbourhood"] for r in kept].count(ALL) == 6
    assert all(r["sex"] == "female" for r in kept)


def test_k_anonymity_widens_language_and_age_before_leaving_out():
    rows = [
        {"age_band": "40-44", "sex": "male", "neighbourhood": "A", "language": "nl"},
        {"age_band": "45-49", "sex": "male", "neighbourhood": "B", "language": "tr"},
        {"age_band": "50-54", "sex": "male", "neighbourhood": "C", "language": "ar"},
    ]
    kept, report = k_anonymise(rows, keys=("age_band", "sex", "neighbourhood", "language"), k=3)
    assert (report.generalised, report.suppressed) == (3, 0)
    assert {(r["age_band"], r["neighbourhood"], r["language"]) for r in kept} == {
        ("40-59", ALL, ALL)
    }


def test_small_neighbourhoods_are_generalised_in_the_export(region_a, coordinator, agreement):
    plant(region_a, "BU05180001", 6, seed=1)
    plant(region_a, "BU05180002", 2, seed=2)
    plant(region_a, "BU05180003", 3, seed=3)
    plant(region_a, "BU05180004", 1, seed=4, sex="male")
    consent_all(region_a, coordinator)
    export = agreement_export(agreement=agreement)
    hoods = [r["neighbourhood"] for r in rows_of(export.files["participants.csv"])]
    assert (hoods.count("BU05180001"), hoods.count(ALL), len(hoods)) == (6, 5, 11)
    assert (export.report.generalised, export.report.suppressed) == (5, 1)
    assert "HMAC-SHA256" in export.files["data_dictionary.md"]


def test_values_colours_and_dates_come_from_the_trajectory(region_a, coordinator, agreement):
    pairs = plant(region_a, "BU05180001", 5)
    consent_all(region_a, coordinator)
    rows = rows_of(agreement_export(agreement=agreement).files["participants.csv"])
    assert sorted(
        (float(r["systolic_baseline"]), float(r["systolic_return"])) for r in rows
    ) == sorted(pairs)
    assert {r["baseline_month"] for r in rows} == {"2025-03"}
    assert {r["return_days"] for r in rows} == {"184"}
    assert {r["weight_baseline"] for r in rows} == {""}
    assert all(r["systolic_colour_baseline"] in {"green", "orange", "red", "none"} for r in rows)


def test_query_count_does_not_grow_with_people(
    region_a, coordinator, agreement, django_assert_max_num_queries
):
    plant(region_a, "BU05180001", 3, seed=1)
    consent_all(region_a, coordinator)
    with django_assert_max_num_queries(5):
        assert len(pseudonymised_rows(project=agreement.project, agreement=agreement)) == 3
    plant(region_a, "BU05180002", 12, seed=2)
    for person in Participant.objects.filter(region=region_a, consents__isnull=True):
        give(person, "pseudonymised_research", coordinator)
    with django_assert_max_num_queries(5):
        assert len(pseudonymised_rows(project=agreement.project, agreement=agreement)) == 15


def test_aggregate_agreement_gives_only_its_measures(region_a):
    plant(region_a, "BU05180001", 12)
    agreement = make_agreement(make_project(region_a), level="aggregate", measures=["systolic"])
    export = agreement_export(agreement=agreement)
    assert set(export.files) == {"outcomes.csv", "outcomes.xlsx", "reach.csv", "reach.xlsx"}
    measures = {r["measure"] for r in rows_of(export.files["outcomes.csv"])}
    assert measures == {"systolic"}
    assert export.participant_ids == []


def test_command_writes_the_exact_files_and_logs_each_person(
    region_a, coordinator, agreement, tmp_path
):
    plant(region_a, "BU05180001", 6)
    consent_all(region_a, coordinator)
    call_command(
        "export_research", region=region_a.slug, project=agreement.project.name, out=str(tmp_path)
    )
    assert {p.name for p in tmp_path.iterdir()} >= {"participants.csv", "codebook.csv"}
    header = (tmp_path / "participants.csv").read_text().splitlines()[0]
    assert header.startswith("pseudo_id,age_band,sex,language,neighbourhood,baseline_month")
    codebook = (tmp_path / "codebook.csv").read_text().splitlines()[0]
    assert codebook == "variable,label,type,unit,allowed_values,source"
    events = AccessEvent.objects.filter(action="export", subject_type="datasharingagreement")
    assert events.count() == 6 and events.exclude(participant_id=None).count() == 6
    assert set(events.values_list("purpose", flat=True)) == {"research export"}


def test_command_explains_what_is_wrong(region_a, tmp_path):
    project = make_project(region_a, name="Oud")
    with pytest.raises(CommandError, match="No region"):
        call_command("export_research", region="nope", project="Oud", out=str(tmp_path))
    with pytest.raises(CommandError, match="No research project"):
        call_command("export_research", region=region_a.slug, project="Nope", out=str(tmp_path))
    make_agreement(project, valid_until=dt.date(2021, 1, 1))
    with pytest.raises(CommandError, match="no valid pseudonymised"):
        call_command("export_research", region=region_a.slug, project="Oud", out=str(tmp_path))
    make_agreement(project)
    make_agreement(project)
    with pytest.raises(CommandError, match="choose --agreement"):
        call_command("export_research", region=region_a.slug, project="Oud", out=str(tmp_path))


def test_expired_agreement_cannot_be_exported(region_a):
    agreement = make_agreement(make_project(region_a), valid_until=dt.date(2021, 1, 1))
    with pytest.raises(PermissionDenied):
        research_export(agreement=agreement, by=None)
    assert not AccessEvent.objects.filter(action="export").exists()
