"""The three optional questions: recorded at the first session, optional, audited, scoped."""

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.participants.models import SILS_SOURCE_WORDING, ParticipantBackground
from tests.factories.backbone import make_participant


def url(participant):
    return f"/participants/{participant.public_id}/background/"


def test_professional_records_the_answers_and_it_is_audited(client_for, region_a):
    person = make_participant(region_a)
    client = client_for("professional")
    page = client.get(url(person)).content.decode()
    assert "Hoe is over het algemeen uw gezondheid?" in page and "Wil ik niet zeggen" in page
    response = client.post(
        url(person), {"education": "212", "help_reading": "declined", "self_rated_health": "3"}
    )
    assert response.status_code == 302
    saved = ParticipantBackground.objects.get(participant=person)
    assert (saved.education, saved.help_reading, saved.self_rated_health) == (
        "212",
        "declined",
        "3",
    )
    assert AccessEvent.objects.filter(
        subject_type="participantbackground", action="create"
    ).exists()


def test_every_question_may_be_skipped(client_for, region_a):
    person = make_participant(region_a)
    assert client_for("coordinator").post(url(person), {}).status_code == 302
    assert ParticipantBackground.objects.get(participant=person).education == ""


def test_a_made_up_answer_is_refused_with_a_message(client_for, region_a):
    person = make_participant(region_a)
    response = client_for("coordinator").post(url(person), {"education": "99"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


@pytest.mark.parametrize("role", ["host", "funder", "researcher", "health_champion"])
def test_roles_without_participant_change_get_403(role, client_for, region_a):
    assert client_for(role).get(url(make_participant(region_a))).status_code == 403


def test_participant_of_another_region_is_404(client_for, region_b):
    assert client_for("coordinator").get(url(make_participant(region_b))).status_code == 404


def test_anonymous_goes_to_login(client, region_a):
    assert client.get(url(make_participant(region_a))).url.startswith("/account/login")


def test_the_record_page_links_to_the_questions(client_for, region_a):
    person = make_participant(region_a)
    html = client_for("coordinator").get(f"/participants/{person.public_id}/").content.decode()
    assert url(person) in html


def test_health_literacy_shows_the_english_source_and_an_unconfirmed_dutch_rendering(
    client_for, region_a
):
    page = client_for("professional").get(url(make_participant(region_a))).content.decode()
    assert (
        "Hoe vaak heeft u iemand nodig die u helpt bij het lezen van instructies, "
        "folders of andere geschreven informatie van uw huisarts of apotheek?"
    ) in page
    assert f'<span lang="en">“{SILS_SOURCE_WORDING}”</span>' in page
    assert "Oorspronkelijke formulering (SILS, Engels):" in page
    assert "De Nederlandse formulering is onze vertaling en moet nog worden bevestigd." in page
