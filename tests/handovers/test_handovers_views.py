"""Hand-over pages: the cast, the offer partner's narrow view, consent, query counts."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from groepsconsult.audit.models import AccessEvent
from groepsconsult.handovers.models import Handover, Signal
from groepsconsult.handovers.services import signals_detect_handovers
from tests.conftest import verified_login
from tests.factories.backbone import make_organisation, make_participant
from tests.factories.consent import withdraw
from tests.factories.handovers import make_handover, make_partner
from tests.factories.offers import make_offer

TEAM = ["coordinator", "professional", "physician", "administrator"]
NOT_TEAM = ["host", "funder", "researcher", "health_champion", "gp_practice"]
NOT_TEAM += ["privacy_officer", "offer_partner"]


@pytest.fixture
def handover(region_a):
    return make_handover(region_a)


def partner_client(client, region, offer):
    user = make_partner(region, offer)
    return verified_login(client, user)


def detail(h):
    return f"/handovers/{h.public_id}/"


def inbox_detail(h):
    return f"/handovers/inbox/{h.public_id}/"


@pytest.mark.parametrize("role", TEAM)
def test_the_team_opens_list_detail_and_propose(role, client_for, handover):
    client = client_for(role)
    assert client.get("/handovers/").status_code == 200
    assert client.get(detail(handover)).status_code == 200
    assert client.get(f"/handovers/new/{handover.participant.public_id}/").status_code == 200


@pytest.mark.parametrize("role", NOT_TEAM)
def test_other_roles_cannot_open_the_team_pages(role, client_for, handover):
    client = client_for(role)
    assert client.get("/handovers/").status_code == 403
    assert client.get(detail(handover)).status_code == 403
    assert client.get(f"/handovers/new/{handover.participant.public_id}/").status_code == 403


@pytest.mark.parametrize("role", ["professional", "host", "health_champion", "gp_practice"])
def test_only_partner_and_administrator_open_the_inbox(role, client_for):
    assert client_for(role).get("/handovers/inbox/").status_code == 403


@pytest.mark.parametrize("role", ["coordinator", "administrator"])
def test_coordinator_sees_signals(role, client_for):
    assert client_for(role).get("/handovers/signals/").status_code == 200


@pytest.mark.parametrize("role", ["professional", "offer_partner", "host"])
def test_others_do_not_see_signals(role, client_for):
    assert client_for(role).get("/handovers/signals/").status_code == 403


def test_another_regions_hand_over_is_404(client_for, region_b):
    theirs = make_handover(region_b)
    client = client_for("coordinator")
    assert client.get(detail(theirs)).status_code == 404
    assert client.post(detail(theirs), {"to_status": "stopped", "reason": "x"}).status_code == 404
    assert client.get(f"/handovers/new/{theirs.participant.public_id}/").status_code == 404


def test_anonymous_is_sent_to_login(client, handover):
    for url in ("/handovers/", detail(handover), "/handovers/inbox/", "/handovers/signals/"):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_propose_and_request_from_the_participant(
    client_for, region_a, django_capture_on_commit_callbacks
):
    client = client_for("professional")
    participant = make_participant(region_a)
    offer = make_offer(region_a, contact_email="coach@example.org")
    url = f"/handovers/new/{participant.public_id}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"offer": offer.pk, "handed_over_by": "Saida", "request_now": "on"}
        )
    handover = Handover.objects.get()
    assert response["Location"] == detail(handover)
    assert handover.status == "requested" and handover.referrer == client.user
    assert len(mail.outbox) == 1
    assert participant.family_name not in mail.outbox[0].body
    assert "/handovers/inbox/" in mail.outbox[0].body


def test_an_offer_of_another_region_cannot_be_chosen(client_for, region_a, region_b):
    client = client_for("professional")
    participant = make_participant(region_a)
    theirs = make_offer(region_b)
    client.post(
        f"/handovers/new/{participant.public_id}/", {"offer": theirs.pk, "handed_over_by": "S"}
    )
    assert not Handover.objects.exists()


def test_partner_sees_only_own_offers_and_consenting_participants(client, region_a, handover):
    other_org_offer = make_offer(region_a, organisation=make_organisation(region_a))
    other = make_handover(region_a, offer=other_org_offer)
    no_consent = make_handover(region_a, offer=handover.offer, consent=False)
    partner = partner_client(client, region_a, handover.offer)
    page = partner.get("/handovers/inbox/").content.decode()
    assert handover.participant.family_name in page
    assert other.participant.family_name not in page
    assert no_consent.participant.family_name not in page
    assert partner.get(inbox_detail(handover)).status_code == 200
    assert partner.get(inbox_detail(other)).status_code == 404
    assert partner.get(inbox_detail(no_consent)).status_code == 404


def test_a_withdrawn_consent_hides_the_hand_over_from_the_partner(client, region_a, handover):
    partner = partner_client(client, region_a, handover.offer)
    consent = handover.participant.consents.get(purpose="share_with_offer")
    withdraw(consent, handover.referrer)
    assert partner.get(inbox_detail(handover)).status_code == 404
    assert handover.participant.family_name not in partner.get("/handovers/inbox/").content.decode()


def test_a_proposal_is_not_in_the_partners_inbox(client, region_a):
    proposal = make_handover(region_a, request=False)
    partner = partner_client(client, region_a, proposal.offer)
    assert partner.get(inbox_detail(proposal)).status_code == 404


def test_partner_accepts_in_one_click_and_the_step_is_logged(client, region_a, handover):
    partner = partner_client(client, region_a, handover.offer)
    response = partner.post(inbox_detail(handover), {"to_status": "accepted"})
    assert response.status_code == 302
    handover.refresh_from_db()
    assert handover.status == "accepted"
    assert AccessEvent.objects.filter(subject_type="handover", action="change").exists()


def test_an_illegal_step_is_a_message_not_a_500(client, region_a, handover):
    partner = partner_client(client, region_a, handover.offer)
    response = partner.post(inbox_detail(handover), {"to_status": "completed"})
    assert response.status_code == 200  # not offered as a choice: a form error
    response = partner.post(inbox_detail(handover), {"to_status": "declined"})
    assert response.status_code == 200 and "reden" in response.content.decode().lower()


def test_reading_the_inbox_is_logged_per_participant(client, region_a, handover):
    partner = partner_client(client, region_a, handover.offer)
    partner.get("/handovers/inbox/")
    assert AccessEvent.objects.filter(
        action="list", subject_type="handover", participant_id=handover.participant.public_id
    ).exists()


def test_resolve_a_signal(client_for, region_a, handover):
    signals_detect_handovers(now=dt.datetime(2026, 12, 20, tzinfo=dt.UTC))
    signal = Signal.objects.get()
    client = client_for("coordinator")
    assert handover.participant.family_name in client.get("/handovers/signals/").content.decode()
    client.post(f"/handovers/signals/{signal.public_id}/resolve/", {"resolution": ""})
    signal.refresh_from_db()
    assert signal.is_open
    client.post(f"/handovers/signals/{signal.public_id}/resolve/", {"resolution": "Gebeld"})
    signal.refresh_from_db()
    assert signal.resolution == "Gebeld" and signal.resolved_by == client.user


def test_another_regions_signal_cannot_be_resolved(client_for, region_b):
    make_handover(region_b)
    signals_detect_handovers(now=dt.datetime(2026, 12, 20, tzinfo=dt.UTC))
    signal = Signal.objects.get()
    response = client_for("coordinator").post(
        f"/handovers/signals/{signal.public_id}/resolve/", {"resolution": "x"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/handovers/", "/handovers/inbox/", "/handovers/signals/"])
def test_query_count_does_not_grow(path, client, region_a, django_assert_max_num_queries):
    first = make_handover(region_a)
    user = make_partner(region_a, first.offer)
    get_user_model().objects.filter(pk=user.pk).update(is_superuser=False)
    client = verified_login(client, user)
    if path != "/handovers/inbox/":
        user.memberships.update(role="administrator")
    signals_detect_handovers(now=dt.datetime(2026, 12, 20, tzinfo=dt.UTC))
    with django_assert_max_num_queries(20) as few:
        assert client.get(path).status_code == 200
    for _ in range(4):
        make_handover(region_a, offer=first.offer)
    signals_detect_handovers(now=dt.datetime(2026, 12, 20, tzinfo=dt.UTC))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(path).status_code == 200
