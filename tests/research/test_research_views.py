"""Research pages: who may keep projects and agreements, who may download, and the download."""

import csv
import datetime as dt
import io
import zipfile

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.research.models import DataSharingAgreement, ResearchEvent, ResearchProject
from tests.factories.backbone import make_user
from tests.factories.monitoring import plant
from tests.factories.research import consent_all, make_agreement, make_project

MANAGE = ["/research/projects/", "/research/projects/new/", "/research/agreements/new/"]


@pytest.fixture
def agreement(region_a):
    return make_agreement(make_project(region_a, name="Evaluatie"))


@pytest.mark.parametrize("path", MANAGE)
def test_coordinator_keeps_projects_researcher_does_not(path, client_for):
    assert client_for("coordinator").get(path).status_code == 200
    assert client_for("administrator").get(path).status_code == 200
    assert client_for("researcher").get(path).status_code == 403
    assert client_for("funder").get(path).status_code == 403


@pytest.mark.parametrize("path", ["/research/", *MANAGE])
def test_anonymous_is_sent_to_login(path, client):
    assert client.get(path).url.startswith("/account/login")


def test_researcher_sees_valid_agreements_only(client_for, region_a, agreement):
    old = make_agreement(agreement.project, reference="OUD-1", valid_until=dt.date(2021, 1, 1))
    html = client_for("researcher").get("/research/").content.decode()
    assert agreement.reference in html and old.reference not in html
    assert client_for("coordinator").get("/research/").status_code == 403


def test_download_is_a_zip_of_the_agreement_and_is_logged(client_for, region_a, agreement):
    plant(region_a, "BU05180001", 6)
    consent_all(region_a, make_user("coordinator", region_a))
    client = client_for("researcher")
    url = f"/research/{agreement.public_id}/export.zip"
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert set(archive.namelist()) == {"participants.csv", "codebook.csv", "data_dictionary.md"}
    rows = list(csv.DictReader(io.StringIO(archive.read("participants.csv").decode())))
    assert len(rows) == 6
    events = AccessEvent.objects.filter(action="export", subject_type="datasharingagreement")
    assert events.count() == 6 and {e.role for e in events} == {"researcher"}
    assert agreement.project.salt not in response.content.decode("latin-1")


def test_expired_agreement_is_refused_with_a_message(client_for, region_a):
    old = make_agreement(make_project(region_a), valid_until=dt.date(2021, 1, 1))
    response = client_for("researcher").post(f"/research/{old.public_id}/export.zip", follow=True)
    assert (
        "not valid today" in response.content.decode() or "niet geldig" in response.content.decode()
    )
    assert not AccessEvent.objects.filter(action="export").exists()


def test_other_regions_objects_are_404(client_for, region_b):
    other = make_agreement(make_project(region_b))
    assert (
        client_for("researcher").post(f"/research/{other.public_id}/export.zip").status_code == 404
    )
    coordinator = client_for("coordinator")
    assert coordinator.get(f"/research/agreements/{other.public_id}/").status_code == 404
    assert coordinator.get(f"/research/projects/{other.project.public_id}/").status_code == 404


def project_data(**kw):
    return {
        "name": "Cohort",
        "slug": "cohort",
        "recipient_organisation": "Universiteit Leiden",
        "agreement_reference": "ONZ-1",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "k_anonymity": "5",
        "age_band_years": "10",
        **kw,
    }


def test_coordinator_adds_and_edits_a_project_with_history(client_for, region_a):
    client = client_for("coordinator")
    response = client.post("/research/projects/new/", project_data())
    assert response.status_code == 302
    project = ResearchProject.objects.get(name="Cohort")
    assert project.region == region_a and len(project.salt) == 64
    page = client.get(f"/research/projects/{project.public_id}/").content.decode()
    assert project.salt not in page and "salt" not in page
    client.post(f"/research/projects/{project.public_id}/", project_data(k_anonymity="10"))
    change = ResearchEvent.objects.filter(subject_id=project.public_id).first()
    assert change.changes == {"k_anonymity": [5, 10]}
    assert project.salt not in str(list(ResearchEvent.objects.values_list("changes", flat=True)))
    assert "Cohort" in client.get("/research/projects/").content.decode()


def test_project_dates_are_checked(client_for):
    response = client_for("coordinator").post(
        "/research/projects/new/", project_data(ends_on="2025-01-01")
    )
    assert response.status_code == 200
    assert not ResearchProject.objects.exists()


def agreement_data(project, **kw):
    return {
        "project": project.pk,
        "recipient_kind": "heart_foundation",
        "recipient_name": "Hartstichting",
        "level": "aggregate",
        "purpose": "anonymous_monitoring",
        "measures": ["systolic", "diastolic"],
        "reference": "DSA-9",
        "valid_from": "2026-01-01",
        "valid_until": "2026-12-31",
        **kw,
    }


def test_coordinator_adds_an_agreement(client_for, region_a):
    project = make_project(region_a)
    response = client_for("coordinator").post("/research/agreements/new/", agreement_data(project))
    assert response.status_code == 302
    agreement = DataSharingAgreement.objects.get(reference="DSA-9")
    assert agreement.measures == ["systolic", "diastolic"] and agreement.variables == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"level": "pseudonymised"}, "purpose"),
        ({"variables": ["demographics"]}, "variables"),
        ({"valid_until": "2025-01-01"}, "valid_until"),
        ({"measures": []}, "measures"),
    ],
)
def test_agreement_mistakes_point_at_the_field(client_for, region_a, change, field):
    project = make_project(region_a)
    response = client_for("coordinator").post(
        "/research/agreements/new/", agreement_data(project, **change)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not DataSharingAgreement.objects.exists()


def test_agreement_form_offers_only_projects_of_the_region(client_for, region_b):
    other = make_project(region_b, name="Elders")
    client = client_for("coordinator")
    assert "Elders" not in client.get("/research/agreements/new/").content.decode()
    response = client.post("/research/agreements/new/", agreement_data(other))
    assert "project" in response.context["form"].errors


def test_project_list_query_count_does_not_grow(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("coordinator")
    for _ in range(2):
        make_agreement(make_project(region_a))
    with django_assert_max_num_queries(12) as first:
        client.get("/research/projects/")
    for _ in range(5):
        make_agreement(make_project(region_a))
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/research/projects/")
