"""generate_synthetic covers every feature: consent, background, questionnaires, follow-up calls,
hand-overs, drop-out and costs, each row valid as its service would write it, and the pages that
show them render on the generated data."""

import datetime as dt
from collections import Counter

import pytest
from django.db.models import Count

from groepsconsult.consent.models import Consent
from groepsconsult.demo.synthetic import WRITE_ORDER, Trajectory, generate
from groepsconsult.demo.synthetic.setup import SYNTHETIC_MARK
from groepsconsult.finance.models import BudgetLine
from groepsconsult.followups.models import FINAL_OUTCOMES, FollowUpAttempt
from groepsconsult.handovers.models import Handover, HandoverEvent
from groepsconsult.monitoring.facts import MEDICAL_KINDS
from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.participants.models import Participant
from groepsconsult.questionnaires.models import Answer, Response
from groepsconsult.questionnaires.services.responses import answer_value_clean

pytestmark = pytest.mark.django_db
N = 400
TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def generated():
    return generate(participants=N, seed=5, regions=1, today=TODAY)


@pytest.mark.parametrize(
    "model", [*WRITE_ORDER, BudgetLine, NeighbourhoodOffer], ids=lambda m: m.__name__
)
def test_a_sample_of_every_model_passes_full_clean(generated, model):
    rows = list(model.objects.order_by("?")[:25])
    assert rows, f"no {model.__name__} rows generated"
    for row in rows:
        row.full_clean()


def test_consent_shares_are_plausible(generated):
    decisions = Counter(Consent.objects.values_list("purpose", "decision"))

    def given(purpose):
        yes, no = decisions[(purpose, "given")], decisions[(purpose, "refused")]
        return yes / (yes + no)

    assert 0.9 < given("anonymous_monitoring") < 1  # about 3% refuse
    assert 0.25 < given("pseudonymised_research") < 0.55
    assert given("share_with_gp") > 0.75


def test_follow_up_calls_only_with_contact_consent_and_end_at_a_final_outcome(generated):
    without = FollowUpAttempt.objects.exclude(
        participant__consents__purpose="contact_by_health_champion",
        participant__consents__decision="given",
    )
    assert FollowUpAttempt.objects.exists() and not without.exists()
    per_person = FollowUpAttempt.objects.values("participant").annotate(n=Count("id"))
    assert max(row["n"] for row in per_person) <= 3
    for attempt in FollowUpAttempt.objects.exclude(outcome="no_answer")[:50]:
        later = FollowUpAttempt.objects.filter(
            participant=attempt.participant, called_at__gt=attempt.called_at
        )
        assert attempt.outcome in FINAL_OUTCOMES and not later.exists()
    outcomes = set(FollowUpAttempt.objects.values_list("outcome", flat=True))
    assert {"reached", "no_answer"} <= outcomes


def test_handovers_follow_their_trail_in_both_domains(generated):
    assert len(set(Handover.objects.values_list("status", flat=True))) >= 4
    kinds = set(Handover.objects.values_list("offer__kind", flat=True))
    assert kinds & set(MEDICAL_KINDS) and kinds - set(MEDICAL_KINDS)
    for handover in Handover.objects.all()[:60]:
        trail = list(HandoverEvent.objects.filter(handover=handover).order_by("at", "id"))
        assert trail[0].from_status == "" and trail[0].to_status == "proposed"
        for before, after in zip(trail, trail[1:], strict=False):
            assert after.from_status == before.to_status and after.at >= before.at
        assert trail[-1].to_status == handover.status
        assert handover.status_changed_at == trail[-1].at
        assert handover.offer.region_id == handover.region_id == handover.participant.region_id


def test_drop_out_is_stopped_or_lost_with_several_reasons(generated):
    dropped = Trajectory.objects.filter(status__in=("stopped", "lost"))
    assert set(dropped.values_list("status", flat=True)) == {"stopped", "lost"}
    assert not dropped.filter(stop_reason="").exists()
    assert dropped.values("stop_reason").distinct().count() >= 4


def test_questionnaire_answers_are_valid_and_complete_when_finished(generated):
    assert Response.objects.filter(completed_at__isnull=False).exists()
    for answer in Answer.objects.select_related("question")[:300]:
        assert answer_value_clean(answer.question, answer.value) == answer.value
    for response in Response.objects.filter(completed_at__isnull=False)[:40]:
        required = response.questionnaire.questions.filter(required=True).count()
        assert response.answers.filter(question__required=True).count() == required


def test_background_and_costs(generated):
    answered = Participant.objects.filter(background__isnull=False).count()
    assert answered / Participant.objects.filter(consents__isnull=False).distinct().count() > 0.5
    lines = BudgetLine.objects.all()
    assert lines and all(SYNTHETIC_MARK in line.description for line in lines)
    assert {2025, 2026} <= {line.year for line in lines} <= {2024, 2025, 2026}


def test_the_pages_render_on_the_generated_data(client_for, region_a):
    generate(participants=60, seed=9, region=region_a, today=TODAY)
    person = Participant.objects.filter(region=region_a, handovers__isnull=False).first()
    handover = Handover.objects.filter(participant=person).first()
    pages = {
        "coordinator": [
            f"/participants/{person.public_id}/",
            "/handovers/",
            f"/handovers/{handover.public_id}/",
            "/handovers/signals/",
            "/followups/calls/",
            "/monitoring/",
            "/monitoring/equity/",
            "/finance/",
            "/finance/budget/",
            "/offers/",
        ],
    }
    for role, urls in pages.items():
        client = client_for(role)
        for url in urls:
            assert client.get(url).status_code == 200, url
