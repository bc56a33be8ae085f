"""Return-invitation pages: the cast, generating from the page, one-click registration, "not
coming" with its reason counts, the call list (consent only), the letters and pinned queries."""

import subprocess

import pytest
from django.urls import reverse

from groepsconsult.audit.models import AccessEvent
from groepsconsult.returns.models import ReturnInvitation
from tests.factories.backbone import make_participant, make_user
from tests.factories.consent import give
from tests.factories.returns import PHONE, make_first_session, make_invitation, make_return_session


@pytest.fixture(autouse=True)
def sms_outbox(settings, tmp_path):
    settings.GC_SMS_OUTBOX = str(tmp_path / "sms.txt")


@pytest.fixture
def invitation(region_a):
    return make_invitation(region_a, given_name="Ayse")


def _urls(invitation):
    session = invitation.consultation.public_id
    return [
        reverse("returns:session", args=[session]),
        reverse("returns:call-list", args=[session]),
        reverse("returns:letters", args=[session]),
        reverse("returns:letter", args=[invitation.public_id]),
        reverse("returns:invitation-not-coming", args=[invitation.public_id]),
    ]


def test_the_cast(client, client_for, region_b, invitation):
    coordinator = client_for("coordinator")
    assert coordinator.get(reverse("returns:index")).status_code == 200
    for url in _urls(invitation):
        assert coordinator.get(url).status_code == 200, url
        assert client_for("professional").get(url).status_code == 403, url
        assert client.get(url).status_code == 302, url  # anonymous: to the login
    register = reverse("returns:invitation-register", args=[invitation.public_id])
    assert client_for("health_champion").post(register).status_code == 403
    for url in [
        *_urls(make_invitation(region_b)),
        reverse("returns:session", args=[invitation.baseline_consultation.public_id]),
    ]:
        assert coordinator.get(url).status_code == 404, url


def test_generate_from_the_page_then_register_in_one_click(client_for, region_a):
    first = make_first_session(region_a, people=2)
    back = make_return_session(region_a)
    client = client_for("coordinator")
    url = reverse("returns:session", args=[back.public_id])
    page = client.get(url).content.decode()
    assert str(first.public_id) in page and "Aan de beurt" in page
    response = client.post(url, {"baselines": [first.public_id], "contact_phone": PHONE})
    assert response.status_code == 302
    assert back.return_invitations.count() == 2
    invitation = back.return_invitations.first()
    register = reverse("returns:invitation-register", args=[invitation.public_id])
    assert client.post(register, {"next": url}).status_code == 302
    trajectory = invitation.participant.trajectories.get()
    assert trajectory.return_consultation == back
    page = client.get(url).content.decode()
    assert "aangemeld voor het vervolg-groepsconsult" in page
    assert "<dt>Aangemeld</dt><dd>1</dd>" in page
    assert "<dt>Nog geen reactie</dt><dd>1</dd>" in page
    # Twice: a clear message, no error page.
    assert client.post(register, follow=True).status_code == 200


def test_bad_input_is_shown_at_the_field(client_for, region_a):
    make_first_session(region_a, people=1)
    back = make_return_session(region_a)
    client = client_for("coordinator")
    url = reverse("returns:session", args=[back.public_id])
    page = client.post(url, {"contact_phone": "12"}).content.decode()
    assert "Kies minstens één eerste groepsconsult" in page
    assert "minstens 10 cijfers" in page
    page = client.post(url, {"baselines": ["not-a-uuid"], "contact_phone": PHONE})
    assert page.status_code == 200 and not back.return_invitations.exists()


def test_not_coming_needs_a_reason_and_is_counted(client_for, region_a, invitation):
    client = client_for("coordinator")
    url = reverse("returns:invitation-not-coming", args=[invitation.public_id])
    page = client.post(url, {"reason": "other", "note": ""}).content.decode()
    assert "Licht de reden" in page
    assert client.post(url, {"reason": "nonsense"}).status_code == 200
    assert client.post(url, {"reason": "moved_away", "note": "Naar Utrecht"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.not_coming_reason == "moved_away"
    assert invitation.participant.trajectories.get().status == "lost"
    session = reverse("returns:session", args=[invitation.consultation.public_id])
    page = client.get(session).content.decode()
    assert '<th scope="row">Verhuisd</th><td>1</td>' in page
    assert "Naar Utrecht" in page


def test_call_list_holds_only_unanswered_people_who_consented(client_for, region_a):
    first = make_first_session(region_a, people=0)
    consenting = make_participant(region_a, family_name="Belbaar", phone="0201234567")
    silent = make_participant(region_a, family_name="Geentoestemming")
    from groepsconsult.registrations.services import attendance_mark
    from groepsconsult.returns.services import invitations_generate
    from tests.factories.registrations import make_registration
    from tests.factories.returns import BY

    for person in (consenting, silent):
        attendance_mark(registration=make_registration(first, person), attendance="present", by=BY)
    give(consenting, "contact_by_health_champion", make_user("coordinator", region_a))
    back = make_return_session(region_a)
    invitations_generate(consultation=back, baselines=[first], contact_phone=PHONE, by=BY)
    page = client_for("coordinator").get(reverse("returns:call-list", args=[back.public_id]))
    text = page.content.decode()
    assert "Belbaar" in text and "Geentoestemming" not in text


def test_the_letter_pdf_names_the_person_and_the_date(client_for, region_a, invitation, tmp_path):
    client = client_for("coordinator")
    response = client.get(reverse("returns:letter", args=[invitation.public_id]))
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "letter.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert invitation.participant.full_name in text
    starts = invitation.consultation.starts_at
    from django.utils import timezone

    assert f"{timezone.localtime(starts):%H:%M}" in text
    assert str(timezone.localtime(starts).day) in text
    assert PHONE in text and "Beste" in text
    assert AccessEvent.objects.filter(action="print", subject_type="returninvitation").exists()


def test_the_batch_pdf_has_a_page_per_letter(client_for, region_a, tmp_path):
    first = make_first_session(region_a, people=3)
    back = make_return_session(region_a)
    from groepsconsult.returns.services import invitations_generate
    from tests.factories.returns import BY

    invitations_generate(consultation=back, baselines=[first], contact_phone=PHONE, by=BY)
    response = client_for("coordinator").get(reverse("returns:letters", args=[back.public_id]))
    path = tmp_path / "letters.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Pages:           3" in info


def _invite_many(region, back, n):
    from groepsconsult.returns.services import invitations_generate
    from tests.factories.returns import BY

    first = make_first_session(region, people=n, days_ago=170)
    invitations_generate(consultation=back, baselines=[first], contact_phone=PHONE, by=BY)


def test_page_queries_do_not_grow_with_invitations(
    client_for, region_a, django_assert_max_num_queries
):
    back = make_return_session(region_a)
    _invite_many(region_a, back, 2)
    client = client_for("coordinator")
    urls = [
        reverse("returns:session", args=[back.public_id]),
        reverse("returns:call-list", args=[back.public_id]),
        reverse("returns:index"),
    ]
    for url in urls:
        client.get(url)  # warm the session and the caches
    limits = (10, 7, 6)  # session page, call list, index: the same with 2 and with 14
    for _round in range(2):
        for url, limit in zip(urls, limits, strict=True):
            with django_assert_max_num_queries(limit):
                assert client.get(url).status_code == 200
        _invite_many(region_a, back, 12)
    assert ReturnInvitation.objects.count() == 26
