"""The upload, check and confirm pages: the cast, the refused file, the clean import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from groepsconsult.participants.models import ImportBatch, Participant
from tests.factories.backbone import make_consultation, make_organisation
from tests.factories.gp_import import gp_csv, gp_rows, gp_xlsx, importer_role, make_import_batch

URL = "/participants/import/"


@pytest.fixture
def practice(region_a):
    return make_organisation(region_a, kind="gp_practice")


def upload(client, practice, data, name="selectie.csv", consultation=None):
    payload = {"gp_practice": practice.public_id, "file": SimpleUploadedFile(name, data)}
    if consultation:
        payload["consultation"] = consultation.public_id
    return client.post(URL, payload)


def previewed_batch(region, practice):
    return ImportBatch.objects.create(
        region=region, gp_practice=practice, file_name="x.csv", uploaded_by_name="t", upload=b"x"
    )


# --- the cast ------------------------------------------------------------------------------


def test_importer_sees_the_upload_page(client_for, practice):
    response = client_for(importer_role()).get(URL)
    assert response.status_code == 200
    assert practice.name in response.content.decode()


@pytest.mark.parametrize(
    "role", ["host", "professional", "health_champion", "funder", "gp_practice"]
)
def test_roles_without_gp_import_get_403(client_for, role):
    assert client_for(role).get(URL).status_code == 403


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


@pytest.mark.parametrize("suffix", ["", "import/", "cancel/"])
def test_anonymous_is_sent_to_login_for_batch_pages(client, region_a, practice, suffix):
    batch = previewed_batch(region_a, practice)
    response = client.post(f"{URL}{batch.public_id}/{suffix}")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


@pytest.mark.parametrize("suffix", ["", "import/", "cancel/"])
def test_batch_pages_forbidden_without_gp_import(client_for, region_a, practice, suffix):
    batch = previewed_batch(region_a, practice)
    assert client_for("host").post(f"{URL}{batch.public_id}/{suffix}").status_code == 403


@pytest.mark.parametrize("suffix", ["", "import/", "cancel/"])
def test_batch_of_another_region_is_404(client_for, region_b, suffix):
    batch = previewed_batch(region_b, make_organisation(region_b, kind="gp_practice"))
    client = client_for(importer_role())
    response = (
        client.post(f"{URL}{batch.public_id}/{suffix}")
        if suffix
        else client.get(f"{URL}{batch.public_id}/")
    )
    assert response.status_code == 404
    assert ImportBatch.objects.get(pk=batch.pk).status == "previewed"


def test_practice_of_another_region_cannot_be_chosen(client_for, region_b):
    foreign = make_organisation(region_b, kind="gp_practice")
    response = upload(client_for(importer_role()), foreign, gp_csv(gp_rows(2)))
    assert response.status_code == 200
    assert "gp_practice" in response.context["form"].errors
    assert ImportBatch.objects.count() == 0


# --- the flow ------------------------------------------------------------------------------


def test_file_with_two_bad_rows_is_refused_with_both_reasons_and_nothing_saved(
    client_for, practice
):
    rows = gp_rows(6)
    rows[1]["Geboortedatum"] = "31-02-1960"
    rows[4]["Naam"] = "=cmd|' /C calc'!A0"
    response = upload(client_for(importer_role()), practice, gp_csv(rows))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Het bestand is geweigerd: 2 rijen kloppen niet." in body
    assert "Rij 3: geboortedatum &#x27;31-02-1960&#x27; bestaat niet" in body
    assert "Rij 6: naam &#x27;=cmd|" in body
    assert (ImportBatch.objects.count(), Participant.objects.count()) == (0, 0)


def test_clean_file_previews_then_imports_all(client_for, region_a, practice):
    client = client_for(importer_role())
    consultation = make_consultation(region_a, starts_at="2099-01-10T10:00:00Z")
    response = upload(client, practice, gp_xlsx(gp_rows(12)), "selectie.xlsx", consultation)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{URL}{batch.public_id}/"
    assert batch.consultation == consultation and batch.uploaded_by == client.user
    preview = client.get(response["Location"])
    assert "Importeer alle 12 deelnemers" in preview.content.decode()
    assert Participant.objects.count() == 0

    response = client.post(f"{URL}{batch.public_id}/import/")
    assert response.status_code == 302 and response["Location"] == f"{URL}{batch.public_id}/calls/"
    assert Participant.objects.filter(region=region_a, gp_practice=practice).count() == 12
    assert client.post(f"{URL}{batch.public_id}/import/").status_code == 302  # a second click
    assert Participant.objects.count() == 12


def test_unreadable_file_shows_the_reason_on_the_field(client_for, practice):
    response = upload(client_for(importer_role()), practice, b"", "leeg.csv")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    response = upload(client_for(importer_role()), practice, b"garbage", "selectie.xlsx")
    assert "geen Excelbestand" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_wrong_extension_is_refused(client_for, practice):
    response = upload(client_for(importer_role()), practice, b"%PDF-1.4", "selectie.pdf")
    assert "Upload een CSV-bestand of een Excelbestand (.xlsx)." in response.content.decode()


def test_cancel_deletes_the_waiting_file(client_for, region_a, practice):
    batch = previewed_batch(region_a, practice)
    response = client_for(importer_role()).post(f"{URL}{batch.public_id}/cancel/")
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == "cancelled" and bytes(batch.upload) == b""


def test_list_query_count_does_not_grow(
    client_for, region_a, practice, django_assert_max_num_queries
):
    client = client_for(importer_role())
    make_import_batch(region_a, gp_practice=practice)
    with django_assert_max_num_queries(20) as few:
        client.get(URL)
    for _ in range(15):
        make_import_batch(region_a, gp_practice=practice)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


def test_no_role_of_region_a_reaches_a_gp_import_object_of_region_b(region_a, region_b):
    from django.test import Client

    from groepsconsult.accounts.permissions import Role
    from groepsconsult.participants.models import CallListEntry
    from tests.conftest import verified_login
    from tests.factories.backbone import make_participant, make_user
    from tests.factories.gp_import import make_gp_import_objects

    theirs = make_organisation(region_b, kind="gp_practice")
    make_gp_import_objects(region_b, participant=make_participant(region_b, gp_practice=theirs))
    imported = ImportBatch.objects.get(status="imported")
    waiting = ImportBatch.objects.get(status="previewed")
    entry = CallListEntry.objects.get()
    pages = [f"{URL}{imported.public_id}/", f"{URL}{imported.public_id}/calls/"]
    actions = [
        f"{URL}{waiting.public_id}/import/",
        f"{URL}{waiting.public_id}/cancel/",
        f"{URL}calls/{entry.public_id}/",
    ]
    owner = verified_login(Client(), make_user("administrator", region_b))
    assert all(owner.get(url).status_code == 200 for url in pages)  # the walk is not vacuous
    for role in Role.values:
        client = verified_login(Client(), make_user(role, region_a))
        for url in pages:
            assert client.get(url).status_code in (403, 404), (role, url)
        for url in actions:
            assert client.post(url, {"outcome": "reached"}).status_code in (403, 404), (role, url)
    waiting.refresh_from_db()
    entry.refresh_from_db()
    assert (waiting.status, entry.outcome) == ("previewed", "not_called")
