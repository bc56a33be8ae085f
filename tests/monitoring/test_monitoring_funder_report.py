"""The funder report PDF: process, equity, costs and consented stories, never a name."""

import io

import pytest
from pypdf import PdfReader

from groepsconsult.audit.models import AccessEvent
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_user
from tests.factories.consent import withdraw
from tests.factories.monitoring import plant
from tests.factories.stories import make_story


@pytest.fixture
def planted(region_a):
    plant(region_a, "BU00000001", 12, seed=1)
    plant(region_a, "BU00000003", 3, seed=3)


def pdf_text(client, data=None):
    response = client.post("/monitoring/report.pdf", data or {})
    assert response["Content-Type"] == "application/pdf"
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)


def test_report_has_every_section(client_for, planted):
    text = pdf_text(client_for("funder"))
    for heading in ("Bereik", "Proces", "Gezondheidsgelijkheid", "Kosten", "In hun eigen woorden"):
        assert heading in text
    assert "Kosten per afgerond traject" in text and "<10" in text
    assert AccessEvent.objects.filter(action="export", detail="funder report").exists()


def test_story_is_shown_without_name_until_consent_is_withdrawn(client_for, region_a, planted):
    coordinator = make_user("coordinator", region_a)
    person = Trajectory.objects.filter(baseline_consultation__region=region_a)[0].participant
    story = make_story(person, coordinator, text="Ik loop nu elke dag een rondje.")
    client = client_for("funder")
    text = pdf_text(client)
    assert "Ik loop nu elke dag een rondje." in text
    assert person.family_name not in text and person.given_name not in text
    withdraw(story.participant.consents.get(purpose="share_story"), coordinator)
    assert "Ik loop nu elke dag een rondje." not in pdf_text(client)


def test_costs_only_for_roles_that_see_money(client_for, planted):
    assert "Kosten per afgerond traject" not in pdf_text(client_for("researcher"))


def test_report_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    client = client_for("funder")
    coordinator = make_user("coordinator", region_a)
    plant(region_a, "BU00000001", 2)
    with django_assert_max_num_queries(40):
        client.post("/monitoring/report.pdf")
    plant(region_a, "BU00000002", 15, seed=5)
    for t in Trajectory.objects.filter(baseline_consultation__region=region_a)[:4]:
        make_story(t.participant, coordinator)
    with django_assert_max_num_queries(40):
        client.post("/monitoring/report.pdf")
