"""Issue 10 finding 9: the access-log gaps (sign-up rows, proxy IP, admin reads, import preview,
progress-grid polling)."""

import pytest
from django.test import override_settings

from groepsconsult.audit.models import AccessEvent
from groepsconsult.participants.models import ImportBatch
from tests.factories.backbone import make_organisation, make_participant, make_user
from tests.factories.measurements import make_station_registration
from tests.factories.registrations import make_open_consultation, public_form_data


def test_finding_9_self_registration_rows_carry_the_region(client, region_a):
    consultation = make_open_consultation(region_a)
    client.post(f"/aanmelden/{consultation.public_id}/", public_form_data())
    rows = AccessEvent.objects.filter(username="self-registration")
    assert rows.exists() and set(rows.values_list("region_slug", flat=True)) == {region_a.slug}


@override_settings(GC_TRUSTED_PROXY_COUNT=1)
def test_finding_9_staff_rows_behind_the_proxy_carry_the_client_ip(client_for, region_a):
    client = client_for("coordinator")
    participant = make_participant(region_a)
    client.get(
        f"/participants/{participant.public_id}/",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.23",
    )
    row = AccessEvent.objects.get(action="view", participant_id=participant.public_id)
    assert row.ip_address == "198.51.100.23"


@override_settings(GC_TRUSTED_PROXY_COUNT=1)
def test_finding_9_axes_locks_out_the_client_not_the_proxy(rf):
    from axes.helpers import get_client_ip_address

    request = rf.post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.23")
    assert get_client_ip_address(request) == "198.51.100.23"


def test_finding_9_reopening_an_import_preview_is_logged(client_for, region_a):
    batch = ImportBatch.objects.create(
        region=region_a,
        gp_practice=make_organisation(region_a, kind="gp_practice"),
        file_name="x.csv",
        uploaded_by_name="t",
        upload=b"x",
    )
    client_for("coordinator").get(f"/participants/import/{batch.public_id}/")
    assert AccessEvent.objects.filter(
        action="view", subject_type="importbatch", subject_id=str(batch.public_id)
    ).exists()


def test_finding_9_progress_grid_logs_once_per_page_view_not_per_poll(client_for, region_a):
    registration = make_station_registration(region=region_a)
    client = client_for("physician")
    url = f"/measurements/sessions/{registration.consultation.public_id}/progress/"
    client.get(url)
    logged = AccessEvent.objects.filter(subject_type="registration", action="list").count()
    for _ in range(3):
        client.get(url, HTTP_HX_REQUEST="true")
    assert AccessEvent.objects.filter(subject_type="registration", action="list").count() == logged


@pytest.mark.parametrize("model_path", ["consent/consent", "notifications/outboundmessage"])
def test_finding_9_admin_reads_of_personal_data_are_logged(client, region_a, model_path):
    from tests.conftest import verified_login

    admin = make_user("administrator", region_a)
    type(admin).objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)
    admin.refresh_from_db()
    verified_login(client, admin)
    assert client.get(f"/admin/{model_path}/").status_code == 200
    assert AccessEvent.objects.filter(
        action="list", subject_type=model_path.split("/")[1], purpose__startswith="administration"
    ).exists()
