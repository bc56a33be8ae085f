"""A research project over several regions (a national research institute): one pseudonymised
dataset over the regions where the researcher holds a role, stable keyed ids, k-anonymity over
the whole file, the command's --region (repeated) and --all-regions, and the access log per
region."""

import csv
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from groepsconsult.accounts.models import Membership
from groepsconsult.audit.models import AccessEvent
from groepsconsult.research.anonymity import keyed_id
from groepsconsult.research.dataset import pseudonymised_rows
from groepsconsult.research.exports import agreement_export
from groepsconsult.research.models import ResearchEvent, ResearchProject
from tests.conftest import verified_login
from tests.factories.backbone import make_region, make_user
from tests.factories.monitoring import plant
from tests.factories.research import consent_all, make_agreement, make_project


@pytest.fixture
def region_c(db):
    return make_region(name="Gamma", slug="gamma")


@pytest.fixture
def national(region_a, region_b, region_c):
    """Three people per region, all alike (female, born 1970, Dutch); a project of region A,
    k = 5, covering B and C too, with a demographics-only pseudonymised agreement and an
    aggregate one."""
    coordinator = make_user("coordinator", region_a)
    for n, region in enumerate((region_a, region_b, region_c)):
        plant(region, f"BU0000000{n}", 3, seed=n)
        consent_all(region, coordinator)
    project = make_project(region_a, name="Landelijk", slug="landelijk", k_anonymity=5)
    project.other_regions.set([region_b, region_c])
    dataset = make_agreement(project, variables=["demographics"], measures=[], reference="DSA-NL")
    aggregate = make_agreement(project, level="aggregate", reference="DSA-AGG")
    return project, dataset, aggregate


def researcher(*regions):
    user = make_user("researcher", regions[0])
    for region in regions[1:]:
        Membership.objects.create(user=user, region=region, role="researcher")
    from django.test import Client

    return verified_login(Client(), user)


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def download(client, agreement):
    response = client.post(f"/research/{agreement.public_id}/export.zip")
    assert response.status_code == 200, response.status_code
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return rows_of(archive.read("participants.csv").decode()), archive


def test_one_dataset_over_the_researchers_regions_only(national, region_a, region_b):
    project, dataset, _aggregate = national
    rows, archive = download(researcher(region_a, region_b), dataset)
    assert len(rows) == 6  # A and B, not C where the researcher holds no role
    assert "Alpha, Beta" in archive.read("data_dictionary.md").decode()
    events = AccessEvent.objects.filter(action="export", subject_type="datasharingagreement")
    assert sorted(events.values_list("region_slug", flat=True)) == ["alpha"] * 3 + ["beta"] * 3
    assert set(events.values_list("purpose", flat=True)) == {"research export"}


def test_keyed_ids_stay_the_same_across_regions(national, region_a, region_b):
    project, dataset, _aggregate = national
    both = pseudonymised_rows(project=project, agreement=dataset, regions=[region_a, region_b])
    alone = pseudonymised_rows(project=project, agreement=dataset, regions=[region_b])
    ids_b = {r["pseudo_id"] for r in both if r["_region"] == "beta"}
    assert ids_b == {r["pseudo_id"] for r in alone} and len(ids_b) == 3
    assert all(
        r["pseudo_id"] == keyed_id(salt=project.salt, public_id=r["_participant"]) for r in both
    )


def test_k_anonymity_is_checked_over_the_whole_dataset(national, region_a, region_b):
    _project, dataset, _aggregate = national
    alone = agreement_export(agreement=dataset, regions=[region_a])
    assert alone.report.suppressed == 3 and rows_of(alone.files["participants.csv"]) == []
    both = agreement_export(agreement=dataset, regions=[region_a, region_b])
    assert both.report.suppressed == 0 and len(rows_of(both.files["participants.csv"])) == 6


def test_query_count_does_not_grow_with_regions_or_people(
    national, region_a, region_b, region_c, django_assert_max_num_queries
):
    project, dataset, _aggregate = national
    with django_assert_max_num_queries(5):
        assert len(pseudonymised_rows(project=project, agreement=dataset, regions=[region_a])) == 3
    with django_assert_max_num_queries(5):
        everywhere = [region_a, region_b, region_c]
        assert len(pseudonymised_rows(project=project, agreement=dataset, regions=everywhere)) == 9


def test_researcher_of_a_covered_region_gets_its_dataset_not_the_aggregate(
    national, region_b, region_c
):
    _project, dataset, aggregate = national
    client = researcher(region_b)
    page = client.get("/research/").content.decode()
    assert "DSA-NL" in page and "DSA-AGG" not in page
    rows, archive = download(client, dataset)
    dictionary = archive.read("data_dictionary.md").decode()
    assert "Beta" in dictionary and "Alpha" not in dictionary
    assert rows == []  # Beta's three alike people alone are fewer than k = 5
    assert client.post(f"/research/{aggregate.public_id}/export.zip").status_code == 404
    outsider = researcher(make_region(name="Delta", slug="delta"))
    assert outsider.post(f"/research/{dataset.public_id}/export.zip").status_code == 404


def test_command_accepts_several_regions_and_all_regions(national, tmp_path):
    def run(*regions, flags=()):
        folder = tmp_path / "-".join((*regions, *flags))
        argv = [arg for slug in regions for arg in ("--region", slug)] + list(flags)
        call_command("export_research", *argv, "--project", "landelijk", "--out", str(folder))
        return rows_of((folder / "participants.csv").read_text())

    assert len(run("beta", "alpha")) == 6
    assert len(run("beta", flags=["--all-regions"])) == 9
    assert len(run("alpha")) == 0  # three people alone are fewer than k = 5: left out
    with pytest.raises(CommandError, match="does not cover: delta"):
        make_region(name="Delta", slug="delta")
        run("alpha", "delta")


def test_command_line_flags(national, tmp_path):
    out = io.StringIO()
    call_command(
        "export_research",
        "--region",
        "alpha",
        "--region",
        "gamma",
        "--project",
        "Landelijk",
        "--out",
        str(tmp_path),
        stdout=out,
    )
    assert "(alpha, gamma): 6 records" in out.getvalue()


def test_coordinator_adds_only_regions_where_they_manage_research(region_a, region_b, region_c):
    user = make_user("coordinator", region_a)
    Membership.objects.create(user=user, region=region_b, role="coordinator")
    from django.test import Client

    client = verified_login(Client(), user)
    form = client.get("/research/projects/new/").content.decode()
    assert "Beta" in form and "Gamma" not in form
    data = {
        "name": "Landelijk",
        "slug": "landelijk",
        "recipient_organisation": "RIVM",
        "agreement_reference": "NL-1",
        "starts_on": "2025-01-01",
        "ends_on": "2030-12-31",
        "k_anonymity": 5,
        "age_band_years": 10,
        "other_regions": [region_b.pk],
    }
    assert client.post("/research/projects/new/", data).status_code == 302
    project = ResearchProject.objects.get(slug="landelijk")
    assert [r.slug for r in project.covered_regions()] == ["alpha", "beta"]
    refused = client.post(
        f"/research/projects/{project.public_id}/", {**data, "other_regions": [region_c.pk]}
    )
    assert refused.status_code == 200 and "other_regions" in refused.context["form"].errors
    client.post(f"/research/projects/{project.public_id}/", {**data, "other_regions": []})
    assert project.covered_regions() == [region_a]
    change = ResearchEvent.objects.filter(subject_id=project.public_id).first().changes
    assert change == {"other_regions": [["beta"], []]}


def test_lists_name_the_regions_and_cost_the_same_however_many_projects(
    region_a, region_b, region_c, client_for, django_assert_max_num_queries
):
    def add_projects(n):
        for _ in range(n):
            project = make_project(region_b)
            project.other_regions.set([region_a, region_c])
            make_agreement(project)
            make_agreement(make_project(region_a)).project.other_regions.set([region_b])

    reader, keeper = researcher(region_a, region_b), client_for("coordinator")
    add_projects(1)
    with django_assert_max_num_queries(20) as first:
        page = reader.get("/research/").content.decode()
    with django_assert_max_num_queries(20) as first_list:
        projects = keeper.get("/research/projects/").content.decode()
    assert "Alpha, Beta" in page and "Alpha, Beta" in projects
    add_projects(4)
    with django_assert_max_num_queries(len(first.captured_queries)):
        reader.get("/research/")
    with django_assert_max_num_queries(len(first_list.captured_queries)):
        keeper.get("/research/projects/")
