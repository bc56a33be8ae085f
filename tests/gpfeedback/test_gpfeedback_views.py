"""GP feedback portal: a practice sees only its own consenting patients; downloads are logged;
acknowledging closes the red-value signal; the export command writes files per consent."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.clinical import DEFAULT_RULESET_VERSION
from groepsconsult.clinical_signoff.services import ruleset_approve
from groepsconsult.gpfeedback.models import GpFeedback
from groepsconsult.gpfeedback.services import signals_detect_red_values
from groepsconsult.handovers.models import Signal
from tests.conftest import verified_login
from tests.factories.backbone import make_user
from tests.factories.consent import withdraw
from tests.factories.gpfeedback import make_measured_patient, make_practice, prepare


@pytest.fixture
def practice(region_a):
    return make_practice(region_a)


@pytest.fixture
def feedback(region_a, practice):
    return prepare(make_measured_patient(region_a, practice=practice))


def practice_client(client, region, practice):
    return verified_login(client, make_user("gp_practice", region, organisation=practice))


def letter(f):
    return f"/gp-feedback/{f.public_id}/letter.pdf"


def bundle(f):
    return f"/gp-feedback/{f.public_id}/bundle.json"


def test_the_practice_downloads_its_patients_letter_and_bundle(
    client, region_a, practice, feedback
):
    gp = practice_client(client, region_a, practice)
    page = gp.get("/gp-feedback/").content.decode()
    assert feedback.participant.family_name in page
    response = gp.get(letter(feedback))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert feedback.participant.family_name not in response["Content-Disposition"]
    data = json.loads(gp.get(bundle(feedback)).content)
    assert data["resourceType"] == "Bundle"
    assert AccessEvent.objects.filter(subject_type="gpfeedback", action="export").count() == 2


def test_another_practice_cannot_download(client, region_a, feedback):
    other = practice_client(client, region_a, make_practice(region_a))
    assert feedback.participant.family_name not in other.get("/gp-feedback/").content.decode()
    assert other.get(letter(feedback)).status_code == 404
    assert other.get(bundle(feedback)).status_code == 404
    assert other.post(f"/gp-feedback/{feedback.public_id}/received/").status_code == 404


def test_another_region_is_404(client_for, region_b):
    theirs = prepare(make_measured_patient(region_b))
    client = client_for("coordinator")
    assert client.get(letter(theirs)).status_code == 404
    assert client.get(bundle(theirs)).status_code == 404


@pytest.mark.parametrize("role", ["host", "health_champion", "funder", "offer_partner"])
def test_roles_without_feedback_permission_get_403(role, client_for, feedback):
    client = client_for(role)
    assert client.get("/gp-feedback/").status_code == 403
    assert client.get(letter(feedback)).status_code == 403


def test_anonymous_is_sent_to_login(client, feedback):
    response = client.get(letter(feedback))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_a_withdrawn_consent_stops_all_feedback(client, region_a, practice, feedback):
    consent = feedback.participant.consents.get(purpose="share_with_gp")
    withdraw(consent, make_user("coordinator", region_a))
    gp = practice_client(client, region_a, practice)
    assert gp.get(letter(feedback)).status_code == 404
    assert feedback.participant.family_name not in gp.get("/gp-feedback/").content.decode()


def test_no_feedback_is_prepared_without_consent(region_a):
    registration = make_measured_patient(region_a, consent=False)
    with pytest.raises(ValidationError):
        prepare(registration)


def test_coordinator_prepares_a_session(client_for, region_a, practice):
    registration = make_measured_patient(region_a, practice=practice)
    make_measured_patient(region_a, consultation=registration.consultation, consent=False)
    client = client_for("coordinator")
    response = client.post(f"/gp-feedback/prepare/{registration.consultation.public_id}/")
    assert response.status_code == 302
    assert GpFeedback.objects.count() == 1
    assert (
        client.get(
            "/gp-feedback/prepare/" + str(registration.consultation.public_id) + "/"
        ).status_code
        == 405
    )


def test_a_red_value_signals_until_the_practice_acknowledges(client, region_a, practice, feedback):
    assert signals_detect_red_values() == 1
    assert signals_detect_red_values() == 0
    gp = practice_client(client, region_a, practice)
    assert gp.post(f"/gp-feedback/{feedback.public_id}/received/").status_code == 302
    feedback.refresh_from_db()
    assert feedback.acknowledged_at and feedback.acknowledged_by.username.startswith("gp_practice")
    assert not Signal.objects.get(kind="red_value_no_feedback").is_open


def test_letter_names_values_goal_and_advice(feedback):
    html = feedback.letter_html
    assert "Herhaal nuchtere glucose in het lab." in html
    assert "mmol/mol" in html or "HbA1c" in html


def test_export_command_writes_files_and_counts_the_left_out(region_a, practice, tmp_path):
    registration = make_measured_patient(region_a, practice=practice)
    make_measured_patient(region_a, practice=practice, consent=False)
    out = tmp_path / "export"
    from io import StringIO

    stdout = StringIO()
    call_command("export_gp_feedback", practice=practice.agb_code, out=str(out), stdout=stdout)
    files = sorted(p.suffix for p in out.iterdir())
    assert files == [".json", ".pdf"]
    assert "Wrote 1" in stdout.getvalue() and "left out 1" in stdout.getvalue()
    (json_file,) = out.glob("*.json")
    assert registration.participant.family_name not in json_file.name


@pytest.mark.parametrize("path", ["/gp-feedback/"])
def test_query_count_does_not_grow(path, client, region_a, practice, django_assert_max_num_queries):
    prepare(make_measured_patient(region_a, practice=practice))
    gp = practice_client(client, region_a, practice)
    with django_assert_max_num_queries(20) as few:
        assert gp.get(path).status_code == 200
    for _ in range(3):
        prepare(make_measured_patient(region_a, practice=practice))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert gp.get(path).status_code == 200


def test_letter_says_draft_thresholds_until_the_physician_approves(region_a, practice):
    draft = prepare(make_measured_patient(region_a, practice=practice))
    assert "Concept-grenswaarden, nog niet goedgekeurd" in draft.letter_html
    ruleset_approve(
        region=region_a,
        version=DEFAULT_RULESET_VERSION,
        by=Actor.for_user(make_user("physician", region_a)),
    )
    approved = prepare(make_measured_patient(region_a, practice=practice))
    assert "Concept-grenswaarden" not in approved.letter_html
