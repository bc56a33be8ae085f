"""Cast tests: reminder outcomes (CONSULTATION_MANAGE) and opt-outs (PARTICIPANT_CHANGE)."""

import pytest
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.notifications.models import ContactPreference, OutboundMessage
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.offers import make_registration

MANAGER, READ_ONLY = "coordinator", "professional"


def message(registration, status="sent", **kw):
    return OutboundMessage.objects.create(
        registration=registration,
        kind="reminder",
        channel=kw.pop("channel", "sms"),
        status=status,
        sent_at=timezone.now() if status == "sent" else None,
        **kw,
    )


def test_overview_counts_outcomes_of_own_region(client_for, region_a, region_b):
    mine = make_consultation(region_a, title="Moerwijk vrouwen")
    make_consultation(region_b, title="Overvecht geheim")
    message(make_registration(mine, make_participant(region_a)))
    message(make_registration(mine, make_participant(region_a)), status="failed", error="x")
    response = client_for(MANAGER).get("/notifications/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Moerwijk vrouwen" in body and "Overvecht geheim" not in body
    row = next(c for c in response.context["page"] if c.pk == mine.pk)
    assert (row.n_registered, row.n_sent, row.n_failed, row.n_skipped) == (2, 1, 1, 0)


def test_overview_cast(client_for, client, db):
    assert client_for(READ_ONLY).get("/notifications/").status_code == 403
    response = client.get("/notifications/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_detail_lists_people_with_outcome_and_logs_the_read(client_for, region_a):
    consultation = make_consultation(region_a)
    reg = make_registration(consultation, make_participant(region_a, family_name="Yilmaz"))
    message(reg, status="opted_out", channel="none")
    client = client_for(MANAGER)
    response = client.get(f"/notifications/consultations/{consultation.public_id}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Yilmaz" in body and "Niet verstuurd: afgemeld" in body
    assert AccessEvent.objects.filter(
        action="list", participant_id=reg.participant.public_id, username=client.user.username
    ).exists()


def test_detail_cast(client_for, client, region_a, region_b):
    mine, theirs = make_consultation(region_a), make_consultation(region_b)
    assert (
        client_for(MANAGER).get(f"/notifications/consultations/{theirs.public_id}/").status_code
        == 404
    )
    assert (
        client_for(READ_ONLY).get(f"/notifications/consultations/{mine.public_id}/").status_code
        == 403
    )
    assert client.get(f"/notifications/consultations/{mine.public_id}/").status_code == 302


def test_opt_out_is_recorded_audited_and_redirects_back(client_for, region_a):
    participant = make_participant(region_a)
    client = client_for(READ_ONLY)  # professionals may change participants
    url = f"/notifications/participants/{participant.public_id}/contact/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"sms_opt_out": "on", "next": "/notifications/"})
    assert response.status_code == 302 and response["Location"] == "/notifications/"
    pref = ContactPreference.objects.get(participant=participant)
    assert (pref.sms_opt_out, pref.email_opt_out, pref.changed_by) == (
        True,
        False,
        client.user.username,
    )
    assert AccessEvent.objects.filter(
        subject_type="contactpreference", participant_id=participant.public_id
    ).exists()
    # An outside `next` is not followed.
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == url


def test_opt_out_cast(client_for, client, region_a, region_b):
    mine, theirs = make_participant(region_a), make_participant(region_b)
    url = "/notifications/participants/{}/contact/"
    assert client_for("coordinator").get(url.format(theirs.public_id)).status_code == 404
    assert client_for("host").get(url.format(mine.public_id)).status_code == 403
    assert client.get(url.format(mine.public_id)).status_code == 302


@pytest.mark.parametrize("page", ["overview", "detail"])
def test_query_count_does_not_grow(page, client_for, region_a, django_assert_max_num_queries):
    client = client_for(MANAGER)
    consultation = make_consultation(region_a)

    def add(n):
        for _ in range(n):
            c = make_consultation(region_a)
            for target in (consultation, c):
                reg = make_registration(target, make_participant(region_a))
                message(reg)
                ContactPreference.objects.create(participant=reg.participant, changed_by="x")

    url = (
        "/notifications/"
        if page == "overview"
        else f"/notifications/consultations/{consultation.public_id}/"
    )
    add(2)
    with django_assert_max_num_queries(15) as few:
        assert client.get(url).status_code == 200
    add(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
