"""The booklet and the GP letter name the trajectory's actual hand-over (offer, provider, state,
first appointment); the goal page opens the hand-over proposal filtered by the goal's pillar."""

import datetime as dt

import pytest

from groepsconsult.accounts.models import Membership
from groepsconsult.handovers.services import handover_advance
from tests.factories.backbone import make_organisation, make_participant, make_user
from tests.factories.documents import make_goal
from tests.factories.gpfeedback import make_measured_patient, make_practice, prepare
from tests.factories.handovers import actor_of, make_handover
from tests.factories.offers import make_offer
from tests.factories.questionnaires import make_registration

DAY = dt.date(2026, 12, 17)


def plan_first_appointment(handover, region):
    user = make_user("coordinator", region)
    membership = Membership.objects.get(user=user)
    by = actor_of(user, region_slug=region.slug)
    for step in ("accepted", "contacted"):
        handover_advance(handover=handover, to_status=step, membership=membership, by=by)
    handover_advance(
        handover=handover,
        to_status="appointment_planned",
        membership=membership,
        by=by,
        first_appointment_on=DAY,
    )


@pytest.fixture
def walking_group(region_a):
    organisation = make_organisation(region_a, kind="sport", name="Sportbedrijf Zuid")
    return make_offer(region_a, organisation=organisation, name="Wandelgroep voor vrouwen")


@pytest.fixture
def measured(region_a):
    return make_measured_patient(region_a, practice=make_practice(region_a))


def test_the_booklet_names_the_hand_over_and_its_first_appointment(
    client_for, region_a, measured, walking_group
):
    handover = make_handover(region_a, participant=measured.participant, offer=walking_group)
    plan_first_appointment(handover, region_a)
    html = client_for("professional").get(f"/documents/booklet/{measured.public_id}/")
    text = html.content.decode()
    assert "Wandelgroep voor vrouwen (Sportbedrijf Zuid)" in text
    assert "Eerste afspraak gepland" in text and "17 december 2026" in text
    assert "Iemand van het team neemt contact" not in text  # the generic line is replaced


def test_a_stopped_hand_over_is_not_promised_in_the_booklet(
    client_for, region_a, measured, walking_group
):
    handover = make_handover(region_a, participant=measured.participant, offer=walking_group)
    user = make_user("coordinator", region_a)
    handover_advance(
        handover=handover,
        to_status="stopped",
        reason="Wil toch niet",
        membership=Membership.objects.get(user=user),
        by=actor_of(user),
    )
    text = client_for("professional").get(f"/documents/booklet/{measured.public_id}/")
    assert "Wandelgroep voor vrouwen" not in text.content.decode()


def test_the_gp_letter_names_the_hand_over_with_state_and_appointment(
    region_a, measured, walking_group
):
    handover = make_handover(region_a, participant=measured.participant, offer=walking_group)
    plan_first_appointment(handover, region_a)
    html = prepare(measured).letter_html
    assert "Wandelgroep voor vrouwen (Sportbedrijf Zuid): Eerste afspraak gepland" in html
    assert "eerste afspraak op 17 december 2026" in html


def test_the_gp_letter_says_when_there_is_no_hand_over(measured):
    assert "Geen overdracht naar een aanbod in de wijk." in prepare(measured).letter_html


def test_the_goal_page_opens_the_proposal_for_its_pillar(client_for, region_a):
    registration = make_registration(region=region_a)
    make_goal(registration.participant, pillar="nutrition")
    page = client_for("professional").get(f"/goals/r/{registration.public_id}/").content.decode()
    link = f"/handovers/new/{registration.participant.public_id}/?pillar=nutrition"
    assert link in page and "Warm overdragen" in page


def suggestions_of(client, participant, query=""):
    html = client.get(f"/handovers/new/{participant.public_id}/{query}").content.decode()
    return html.split('id="h-form"')[0]


def test_the_pillar_filters_the_suggestions(client_for, region_a, walking_group):
    dietitian = make_offer(region_a, kind="dietitian", name="Dietist aan huis")
    participant = make_participant(region_a)
    make_goal(participant, pillar="nutrition")
    client = client_for("professional")
    by_goal = suggestions_of(client, participant)
    assert "Dietist aan huis" in by_goal and "Wandelgroep voor vrouwen" not in by_goal
    by_pillar = suggestions_of(client, participant, "?pillar=exercise")
    assert "Wandelgroep voor vrouwen" in by_pillar and dietitian.name not in by_pillar
    assert "Alleen aanbod voor het thema van het doel" in by_pillar


def test_an_unknown_pillar_is_ignored(client_for, region_a):
    participant = make_participant(region_a)
    response = client_for("professional").get(
        f"/handovers/new/{participant.public_id}/?pillar=<script>"
    )
    assert response.status_code == 200 and "&lt;script&gt;" not in response.content.decode()
