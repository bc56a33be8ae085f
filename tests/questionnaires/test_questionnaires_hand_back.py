"""After the participant fills a questionnaire herself the tablet shows a hand-back screen in her
language; only the professional's password leads back to the staff screens."""

import pytest

from tests.factories.questionnaires import make_registration

PASSWORD = "pw-Unused-12345"  # what tests.factories.backbone.make_user sets


@pytest.fixture
def reg_a(region_a):
    return make_registration(region=region_a, day_number=7)


def _fill(reg):
    return f"/questionnaires/r/{reg.public_id}/fill/?form=social_risks"


def _hand_back(reg, lang="tr"):
    return f"/questionnaires/r/{reg.public_id}/hand-back/?lang={lang}"


def test_participant_save_leads_to_the_hand_back_screen(client_for, reg_a):
    response = client_for("professional").post(
        _fill(reg_a),
        {"form": "social_risks", "mode": "participant", "lang": "tr", "smoking": "no", "save": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == _hand_back(reg_a)


def test_hand_back_screen_thanks_in_her_language_and_shows_no_staff_screens(client_for, reg_a):
    page = client_for("professional").get(_hand_back(reg_a)).content.decode()
    assert "Teşekkür ederiz! Lütfen tableti görevliye geri verin." in page
    assert "site-nav" not in page and "Uitloggen" not in page
    assert reg_a.participant.family_name not in page


def test_arabic_hand_back_runs_right_to_left(client_for, reg_a):
    page = client_for("professional").get(_hand_back(reg_a, "ar")).content.decode()
    assert 'dir="rtl"' in page and "شكرًا لك" in page


def test_wrong_password_keeps_the_screen(client_for, reg_a):
    response = client_for("professional").post(_hand_back(reg_a), {"password": "guess"})
    assert response.status_code == 400
    assert "Dat is niet uw wachtwoord" in response.content.decode()


def test_the_professionals_password_goes_back_to_the_staff_screen(client_for, reg_a):
    response = client_for("professional").post(_hand_back(reg_a), {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"/questionnaires/r/{reg_a.public_id}/"


def test_hand_back_cast(client_for, reg_a, region_b):
    assert client_for("host").get(_hand_back(reg_a)).status_code == 403
    other = make_registration(region=region_b, day_number=3)
    assert client_for("professional").get(_hand_back(other)).status_code == 404


def test_hand_back_anonymous_goes_to_login(client, reg_a):
    response = client.get(_hand_back(reg_a))
    assert response.status_code == 302 and "login" in response["Location"]


def test_hand_back_query_count(client_for, reg_a, django_assert_max_num_queries):
    client = client_for("professional")
    with django_assert_max_num_queries(12):
        client.get(_hand_back(reg_a))


def test_findrisc_category_is_shown_in_dutch(client_for, reg_a):
    from groepsconsult.questionnaires.models import Response
    from tests.factories.questionnaires import make_response

    response = make_response(reg_a, "findrisc", {}, finish=False)
    Response.objects.filter(pk=response.pk).update(
        score_points=15, score_category="high", score_version="FINDRISC-2003"
    )
    page = client_for("professional").get(f"/questionnaires/r/{reg_a.public_id}/").content
    assert "hoog risico (ongeveer 1 op 3)" in page.decode()
