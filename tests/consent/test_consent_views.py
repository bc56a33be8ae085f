"""Consent pages: cast, record and withdraw through the UI, errors, paper form, query counts."""

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.consent.models import Consent
from tests.factories.backbone import make_participant, make_user
from tests.factories.consent import ensure_consent_texts, give, make_consent_text

GP = "share_with_gp"


@pytest.fixture(autouse=True)
def texts(db):
    return ensure_consent_texts()


@pytest.fixture
def alice(region_a):
    return make_participant(
        region_a, given_name="Alice", family_name="Achterberg", preferred_language="tr"
    )


@pytest.fixture
def bob(region_b):
    return make_participant(region_b, given_name="Bob", family_name="Buitenregio")


def _page(p):
    return f"/consent/participant/{p.public_id}/"


def _record(p):
    return _page(p)  # GET shows the page, POST records a decision


def _record_data(purpose=GP, decision="given", how="paper", version="2026.1"):
    return {
        "purpose": purpose,
        f"{purpose}-decision": decision,
        f"{purpose}-how": how,
        f"{purpose}-version": version,
    }


# --- cast -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role", ["coordinator", "physician", "professional", "administrator", "host"]
)
def test_care_team_opens_consent_page(role, client_for, alice):
    response = client_for(role).get(_page(alice))
    assert response.status_code == 200
    assert "Delen van uitslagen met eigen huisarts" in response.content.decode()


@pytest.mark.parametrize(
    "role", ["gp_practice", "health_champion", "funder", "researcher", "privacy_officer"]
)
def test_consent_page_forbidden_without_consent_record(role, client_for, alice):
    assert client_for(role).get(_page(alice)).status_code == 403
    assert client_for(role).post(_record(alice), _record_data()).status_code == 403


def test_consent_page_of_another_region_is_404_and_not_logged(client_for, bob):
    client = client_for("coordinator")
    assert client.get(_page(bob)).status_code == 404
    assert client.post(_record(bob), _record_data()).status_code == 404
    assert client.get(f"/consent/participant/{bob.public_id}/paper-form/").status_code == 404
    assert not AccessEvent.objects.filter(participant_id=bob.public_id).exists()


def test_withdraw_in_another_region_is_404(client_for, bob, region_b):
    consent = give(bob, GP, make_user("coordinator", region_b))
    client = client_for("coordinator")
    url = f"/consent/{consent.public_id}/withdraw/"
    assert client.get(url).status_code == 404
    assert client.post(url, {f"withdraw-{GP}-reason": "x"}).status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


@pytest.mark.parametrize("role", ["gp_practice", "health_champion"])
def test_withdraw_forbidden_without_consent_record(role, client_for, alice, region_a):
    consent = give(alice, GP, make_user("coordinator", region_a))
    client = client_for(role)
    url = f"/consent/{consent.public_id}/withdraw/"
    assert client.get(url).status_code == 403
    assert client.post(url, {f"withdraw-{GP}-reason": "x"}).status_code == 403


def test_withdraw_confirmation_page_is_logged(client_for, alice):
    client = client_for("physician")
    consent = give(alice, GP, client.user)
    response = client.get(f"/consent/{consent.public_id}/withdraw/")
    assert response.status_code == 200 and "Reden van intrekken" in response.content.decode()
    assert AccessEvent.objects.filter(action="view", subject_id=str(consent.public_id)).count() == 1


def test_anonymous_is_sent_to_login(client, alice, db):
    for url in (_page(alice), f"/consent/participant/{alice.public_id}/paper-form/"):
        assert "/login" in client.get(url)["Location"]
    assert "/login" in client.post(_record(alice), _record_data())["Location"]
    assert "/login" in client.get(f"/consent/{alice.public_id}/withdraw/")["Location"]
    assert "/login" in client.post(f"/consent/{alice.public_id}/withdraw/")["Location"]
    assert not Consent.objects.exists()


def test_unknown_purpose_is_refused_and_nothing_saved(client_for, alice):
    data = {**_record_data(), "purpose": "marketing"}
    response = client_for("coordinator").post(_record(alice), data, follow=True)
    assert "Kies een doel." in response.content.decode()
    assert not Consent.objects.exists()


# --- record and withdraw ----------------------------------------------------------------------


def test_record_consent_through_the_page(client_for, alice):
    client = client_for("coordinator")
    response = client.post(
        _record(alice), {**_record_data(), "next": f"/participants/{alice.public_id}/"}
    )
    assert (
        response.status_code == 302 and response["Location"] == f"/participants/{alice.public_id}/"
    )
    consent = Consent.objects.get(participant=alice, purpose=GP)
    assert (consent.decision, consent.recorded_how, consent.recorded_by, consent.text.version) == (
        "given",
        "paper",
        client.user,
        "2026.1",
    )
    assert (
        AccessEvent.objects.filter(
            action="create", subject_type="consent", participant_id=alice.public_id
        ).count()
        == 1
    )


def test_next_outside_the_site_is_ignored(client_for, alice):
    response = client_for("coordinator").post(
        _record(alice), {**_record_data(), "next": "https://evil.example/"}
    )
    assert response["Location"] == _page(alice)


def test_missing_choices_give_dutch_errors_and_nothing_saved(client_for, alice):
    response = client_for("coordinator").post(
        _record(alice), {"purpose": GP, f"{GP}-version": "2026.1"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Kies of toestemming is gegeven of geweigerd." in body
    assert "Kies of dit op papier of digitaal was." in body
    assert not Consent.objects.exists()


def test_stale_text_version_is_refused(client_for, alice):
    make_consent_text(GP, "2026.2", text_nl="Nieuwe tekst")
    response = client_for("coordinator").post(_record(alice), _record_data(version="2026.1"))
    assert response.status_code == 400
    assert "De toestemmingstekst is intussen gewijzigd" in response.content.decode()
    assert not Consent.objects.exists()


def test_withdraw_through_the_page_keeps_history(client_for, alice):
    client = client_for("coordinator")
    consent = give(alice, GP, client.user)
    response = client.post(
        f"/consent/{consent.public_id}/withdraw/", {f"withdraw-{GP}-reason": "Wil het niet meer"}
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert (consent.withdrawn_by, consent.withdrawal_reason) == (client.user, "Wil het niet meer")
    body = client.get(_page(alice)).content.decode()
    assert "Wil het niet meer" in body and "Ingetrokken" in body


def test_withdraw_without_reason_is_refused_in_dutch(client_for, alice):
    client = client_for("coordinator")
    consent = give(alice, GP, client.user)
    response = client.post(
        f"/consent/{consent.public_id}/withdraw/", {f"withdraw-{GP}-reason": "  "}
    )
    assert response.status_code == 400
    assert "Geef een reden voor het intrekken." in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdrawing_twice_is_refused(client_for, alice):
    client = client_for("coordinator")
    consent = give(alice, GP, client.user)
    url, data = f"/consent/{consent.public_id}/withdraw/", {f"withdraw-{GP}-reason": "Stop"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data, follow=True)
    assert "niet meer van kracht" in response.content.decode()
    assert Consent.objects.filter(withdrawn_at__isnull=False).count() == 1


# --- what the page shows ------------------------------------------------------------------------


def test_text_is_shown_in_the_participants_language_with_dutch_alongside(client_for, alice, texts):
    body = client_for("coordinator").get(_page(alice)).content.decode()
    assert texts[GP].text_tr in body and texts[GP].text_nl in body


def test_page_read_is_logged(client_for, alice):
    client = client_for("professional")
    client.get(_page(alice))
    assert (
        AccessEvent.objects.filter(
            action="view",
            subject_type="consent",
            participant_id=alice.public_id,
            username=client.user.username,
        ).count()
        == 1
    )


def test_htmx_request_gets_only_the_section(client_for, alice):
    response = client_for("coordinator").get(_page(alice), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert 'id="consent-panel"' in body and "<html" not in body


def test_participant_record_embeds_the_consent_section_for_the_care_team(client_for, alice):
    body = client_for("coordinator").get(f"/participants/{alice.public_id}/").content.decode()
    assert f'hx-get="/consent/participant/{alice.public_id}/' in body


def test_paper_form_in_the_participants_language_and_logged_as_print(client_for, alice, texts):
    client = client_for("coordinator")
    response = client.get(f"/consent/participant/{alice.public_id}/paper-form/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'lang="tr"' in body and texts["photos"].text_tr in body and "2026.1" in body
    assert AccessEvent.objects.filter(action="print", participant_id=alice.public_id).count() == 1


def test_paper_form_in_arabic_is_right_to_left(client_for, region_a):
    person = make_participant(region_a, preferred_language="ar")
    body = (
        client_for("coordinator")
        .get(f"/consent/participant/{person.public_id}/paper-form/")
        .content.decode()
    )
    assert 'dir="rtl"' in body


# --- query counts -------------------------------------------------------------------------------


def test_consent_page_query_count_does_not_grow_with_history(
    client_for, alice, django_assert_max_num_queries
):
    client = client_for("coordinator")
    with django_assert_max_num_queries(14) as few:
        client.get(_page(alice))
    for purpose in ("share_with_gp", "photos", "contact_by_health_champion"):
        for given in (True, False, True):
            give(alice, purpose, make_user("professional", alice.region), given=given)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(_page(alice))


def test_paper_form_query_count_does_not_grow(client_for, alice, django_assert_max_num_queries):
    client = client_for("coordinator")
    url = f"/consent/participant/{alice.public_id}/paper-form/"
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for purpose in ("share_with_gp", "photos"):
        make_consent_text(purpose, "2026.2")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_withdraw_page_query_count_is_fixed(client_for, alice, django_assert_max_num_queries):
    client = client_for("coordinator")
    consent = give(alice, GP, client.user)
    with django_assert_max_num_queries(12):
        assert client.get(f"/consent/{consent.public_id}/withdraw/").status_code == 200


def test_withdraw_page_of_an_ended_consent_offers_no_form(client_for, alice):
    client = client_for("coordinator")
    consent = give(alice, GP, client.user)
    give(alice, GP, client.user, given=False)
    body = client.get(f"/consent/{consent.public_id}/withdraw/").content.decode()
    assert "niet meer van kracht" in body and "Vervangen door een nieuwe beslissing." in body
    assert 'name="withdraw-share_with_gp-reason"' not in body
