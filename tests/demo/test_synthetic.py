"""generate_synthetic: deterministic for a seed, plausible, consistent with the registrations."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count

from groepsconsult.demo.synthetic import Trajectory, generate
from groepsconsult.goals.models import Goal
from groepsconsult.measurements.classify import classify
from groepsconsult.measurements.models import Measurement
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration

pytestmark = pytest.mark.django_db
N = 300


class Rollback(Exception):
    pass


def snapshot(seed, today):
    """Generate inside a transaction, read it back by public id, roll it back."""
    try:
        with transaction.atomic():
            generate(participants=N, seed=seed, regions=2, today=today)
            people = list(
                Participant.objects.order_by("public_id").values_list(
                    "public_id", "given_name", "date_of_birth", "neighbourhood__public_id"
                )
            )
            values = list(
                Measurement.objects.order_by("public_id").values_list(
                    "public_id",
                    "registration__participant__public_id",
                    "measure",
                    "value",
                    "colour",
                )
            )
            raise Rollback((people, values))
    except Rollback as done:
        return done.args[0]


def test_same_seed_gives_the_same_data_and_another_seed_does_not():
    import datetime as dt

    today = dt.date(2026, 6, 1)
    first = snapshot(1, today)
    assert len(first[0]) == N and first[1]
    assert snapshot(1, today) == first
    assert snapshot(2, today)[0] != first[0]


@pytest.fixture
def generated():
    counts = generate(participants=N, seed=7, regions=1)
    return counts


def test_counts_and_shares_are_plausible(generated):
    assert generated.participants == N == Participant.objects.count()
    assert Trajectory.objects.count() == N
    baseline = Registration.objects.filter(consultation__kind="first", attendance="present")
    returned = Registration.objects.filter(consultation__kind="return", attendance="present")
    held = Registration.objects.filter(consultation__kind="first", consultation__status="held")
    # About 85% of those invited to a held first session come; of those six months on, most return.
    assert 0.75 < baseline.count() / held.count() < 0.95
    assert 0.3 < returned.count() / baseline.count() < 0.8
    # Everyone measured has the circuit's core values, and only present visits are measured.
    per_visit = Measurement.objects.values("registration").annotate(n=Count("id"))
    assert {row["n"] for row in per_visit} <= {9, 10}
    assert not Measurement.objects.exclude(registration__attendance="present").exists()
    assert Goal.objects.filter(trajectory__participant__registrations__in=baseline).exists()


@pytest.mark.parametrize(
    "measure, low, high",
    [("systolic", 90, 220), ("diastolic", 50, 130), ("glucose", 3.5, 25), ("bmi", 12, 60)],
)
def test_values_lie_in_realistic_ranges(generated, measure, low, high):
    values = list(Measurement.objects.filter(measure=measure).values_list("value", flat=True))
    assert values and all(Decimal(low) <= v <= Decimal(high) for v in values)


def test_colours_are_those_classify_gives(generated):
    rows = Measurement.objects.filter(measure="total_cholesterol").select_related(
        "registration__participant"
    )[:50]
    for row in rows:
        sex = row.registration.participant.sex
        assert row.colour == classify({row.measure: row.value}, sex=sex)[row.measure].colour


def test_trajectories_follow_the_registrations(generated):
    for t in Trajectory.objects.filter(status="completed")[:30]:
        assert t.return_consultation.registrations.get(participant=t.participant).attendance == (
            "present"
        )
    for t in Trajectory.objects.filter(status="stopped")[:30]:
        assert t.stop_reason and t.ended_on
    no_show = Trajectory.objects.filter(
        participant__registrations__consultation__kind="first",
        participant__registrations__attendance="absent",
    )
    assert no_show.exists() and not no_show.exclude(status="stopped").exists()


def test_the_command_refuses_an_unknown_region():
    with pytest.raises(CommandError):
        call_command("generate_synthetic", participants=5, region="nowhere")


def test_the_command_fills_an_existing_region(region_a):
    call_command("generate_synthetic", participants=20, region=region_a.slug, seed=3)
    assert Participant.objects.filter(region=region_a).count() == 20
    assert Registration.objects.filter(consultation__region=region_a).count() >= 20


def test_names_are_folded_for_search_as_save_would(generated):
    for p in Participant.objects.all()[:20]:
        stored = p.search_name
        p.save()
        assert p.search_name == stored != ""
