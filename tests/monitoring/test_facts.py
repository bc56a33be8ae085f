"""Pre-aggregates: every trigger updates the facts exactly as a full rebuild would.

Each test changes something through the real view (or the service a view calls), then compares
the fact rows with what `rebuild_monitoring` computes from the source tables, and checks the
figure that changed, so it fails when the service does not send `facts_changed`.
"""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.services import consultation_update
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.measurements.models import Measurement
from groepsconsult.monitoring.models import (
    DropoutRollup,
    EquityRollup,
    FactRollup,
    HandoverFact,
    HandoverRollup,
    SessionFact,
    TrajectoryFact,
)
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.participants.services import participant_merge, participant_update
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories import services as trajectory_services
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_consultation, make_participant, make_user
from tests.factories.consent import ensure_consent_texts, give
from tests.factories.measurements import make_measurement, make_station_registration
from tests.factories.offers import make_offer
from tests.factories.registrations import make_open_consultation


def snapshot():
    facts = {
        f["trajectory_id"]: f
        for f in TrajectoryFact.objects.values().order_by("trajectory_id")
        if f.pop("refreshed_at")
    }
    handovers = set(HandoverFact.objects.values_list("fact_id", "status", "domain"))
    # The rollups and the session facts follow every trigger too.
    rollups = [without_ids(m) for m in (EquityRollup, HandoverRollup, DropoutRollup)]
    return facts, handovers, without_ids(FactRollup), without_ids(SessionFact), rollups


def without_ids(model):
    return sorted(
        str(sorted((k, v) for k, v in r.items() if k != "id")) for r in model.objects.values()
    )


def assert_same_as_rebuild():
    incremental = snapshot()
    facts_rebuild()
    assert snapshot() == incremental
    return incremental[0]


def person_in(consultation, **kw):
    """A registered person with a trajectory whose first session is `consultation`."""
    registration = make_station_registration(consultation, **kw)
    trajectory = Trajectory.objects.create(
        participant=registration.participant,
        baseline_consultation=consultation,
        started_on=timezone.localdate(consultation.starts_at),
    )
    facts_rebuild(region=consultation.region)
    return registration, trajectory


def fact_of(trajectory):
    return TrajectoryFact.objects.get(pk=trajectory.pk)


@pytest.fixture
def held(region_a):
    starts = timezone.now() - dt.timedelta(weeks=8)
    return make_consultation(region_a, starts_at=starts, status="held")


def by_coordinator(region):
    user = make_user("coordinator", region)
    return Actor.for_user(user, role="coordinator", region_slug=region.slug)


def test_station_save_updates_the_baseline_value(client_for, region_a):
    registration, trajectory = person_in(make_consultation(region_a))
    response = client_for("professional").post(
        f"/measurements/entries/{registration.public_id}/?station=care",
        {"systolic": "141", "diastolic": "88", "method": "self"},
    )
    assert response.status_code in (200, 302)
    assert fact_of(trajectory).systolic_base == 141.0
    assert_same_as_rebuild()


def test_correction_replaces_the_value(client_for, region_a):
    registration, trajectory = person_in(make_consultation(region_a))
    old = make_measurement(registration, "weight", "800")
    facts_rebuild()
    assert fact_of(trajectory).weight_base == 800.0
    client_for("professional").post(
        f"/measurements/values/{old.public_id}/correct/", {"weight": "80", "reason": "typefout"}
    )
    assert fact_of(trajectory).weight_base == 80.0
    assert_same_as_rebuild()


def test_attendance_at_the_door_counts_the_person_as_attended(client_for, region_a):
    registration, trajectory = person_in(make_open_consultation(region_a), day_number=None)
    assert fact_of(trajectory).status == "registered"
    client_for("host").post(
        f"/aanmelden/registrations/{registration.public_id}/attendance/",
        {"attendance": "present"},
    )
    fact = fact_of(trajectory)
    assert fact.status == "baseline_done" and fact.follow_up_call_due is not None
    assert_same_as_rebuild()


def test_stopping_records_status_and_reason(region_a, held):
    _registration, trajectory = person_in(held)
    trajectory_services.trajectory_stop(
        trajectory=trajectory, reason="  Verhuisd ", by=by_coordinator(region_a)
    )
    fact = fact_of(trajectory)
    assert (fact.status, fact.stop_reason) == ("stopped", "verhuisd")
    assert_same_as_rebuild()


def test_refusing_and_then_giving_anonymous_monitoring_consent(client_for, region_a, held):
    ensure_consent_texts()
    registration, trajectory = person_in(held)
    page = f"/consent/participant/{registration.participant.public_id}/"
    purpose = "anonymous_monitoring"
    data = {f"{purpose}-how": "paper", f"{purpose}-version": "2026.1", "purpose": purpose}
    client = client_for("coordinator")
    client.post(page, {**data, f"{purpose}-decision": "refused"})
    assert fact_of(trajectory).counted is False  # the row stays, never counted
    assert_same_as_rebuild()
    client.post(page, {**data, f"{purpose}-decision": "given"})
    assert fact_of(trajectory).counted is True
    assert_same_as_rebuild()


def test_hand_over_proposed_and_taken_up(client_for, region_a, held):
    registration, trajectory = person_in(held)
    offer = make_offer(region_a)
    client_for("professional").post(
        f"/handovers/new/{registration.participant.public_id}/",
        {"offer": offer.pk, "handed_over_by": "Saida"},
    )
    facts = assert_same_as_rebuild()
    assert facts[trajectory.pk]["handover_taken_up"] is False
    assert HandoverFact.objects.filter(fact_id=trajectory.pk, status="proposed").exists()


def test_follow_up_call_reached(client_for, region_a, held):
    registration, trajectory = person_in(held)
    give(registration.participant, "contact_by_health_champion", make_user("coordinator", region_a))
    response = client_for("health_champion").post(
        f"/followups/calls/{registration.public_id}/", {"outcome": "reached"}
    )
    assert response.status_code == 302
    assert fact_of(trajectory).call_reached is True
    assert_same_as_rebuild()


def test_background_answers(client_for, region_a, held):
    registration, trajectory = person_in(held)
    client_for("professional").post(
        f"/participants/{registration.participant.public_id}/background/",
        {"education": "212", "help_reading": "4", "self_rated_health": "2"},
    )
    fact = fact_of(trajectory)
    assert (fact.education, fact.help_reading, fact.self_rated_health) == ("212", "4", "2")
    assert_same_as_rebuild()


def test_neighbourhood_status_score_edit(client_for, region_a, held):
    _registration, trajectory = person_in(held)
    hood = held.neighbourhood
    response = client_for("coordinator").post(
        f"/region/neighbourhoods/{hood.public_id}/edit/",
        {"name": hood.name, "cbs_code": hood.cbs_code, "ses_quintile": "2", "ses_year": "2024"},
    )
    assert response.status_code == 302
    assert fact_of(trajectory).ses_quintile == 2
    assert_same_as_rebuild()


def test_participant_edit_changes_a_dimension(region_a, held):
    registration, trajectory = person_in(held)
    participant = registration.participant
    participant.preferred_language = "tr"
    participant_update(participant=participant, by=by_coordinator(region_a), purpose=Purpose.CARE)
    assert fact_of(trajectory).language == "tr"
    assert_same_as_rebuild()


def test_rebuild_command_prints_counts_and_drops_facts_without_a_first_session(region_a, held):
    _registration, trajectory = person_in(held)
    make_participant(region_a)
    Trajectory.objects.filter(pk=trajectory.pk).update(baseline_consultation=None)
    out = io.StringIO()
    call_command("rebuild_monitoring", region=region_a.slug, stdout=out)
    assert not TrajectoryFact.objects.exists()
    assert "0 facts rebuilt" in out.getvalue()


def test_generate_synthetic_ends_with_the_facts_of_what_it_filled(region_a):
    out = io.StringIO()
    call_command("generate_synthetic", participants=20, region=region_a.slug, seed=3, stdout=out)
    with_first_session = Trajectory.objects.filter(baseline_consultation__region=region_a).count()
    assert with_first_session and TrajectoryFact.objects.count() == with_first_session
    assert "Monitoring facts rebuilt" in out.getvalue()
    assert_same_as_rebuild()


def test_merging_a_duplicate_who_refused_recounts_the_sessions_of_both(region_a, held):
    registration, _trajectory = person_in(held)
    other = make_consultation(region_a, starts_at=held.starts_at + dt.timedelta(days=7))
    duplicate = make_station_registration(other).participant
    give(duplicate, "anonymous_monitoring", make_user("coordinator", region_a), given=False)
    assert SessionFact.objects.get(consultation=held).registered == 1
    participant_merge(
        keep=registration.participant, duplicate=duplicate, by=by_coordinator(region_a)
    )
    assert not SessionFact.objects.filter(consultation=held).exists()  # the refusal now counts
    assert_same_as_rebuild()


def test_the_senders_flag_not_its_name_decides_whether_peoples_sessions_are_recounted(
    region_a, held
):
    registration, _trajectory = person_in(held)
    present = {"attendance": "present", "checked_in_at": timezone.now()}
    Registration.objects.filter(pk=registration.pk).update(**present)  # no signal
    with transaction.atomic():
        send_facts_changed(
            Registration, participant_ids=[registration.participant_id], sessions_changed=False
        )
    assert SessionFact.objects.get(consultation=held).present == 0  # said neutral: not recounted
    with transaction.atomic():  # the default is safe: recounted, whoever sends
        send_facts_changed(Measurement, participant_ids=[registration.participant_id])
    assert SessionFact.objects.get(consultation=held).present == 1
    assert_same_as_rebuild()


def test_moving_a_first_session_refreshes_the_trajectories_that_begin_there(region_a):
    consultation = make_open_consultation(region_a)
    _registration, trajectory = person_in(consultation, day_number=None)
    later = consultation.starts_at + dt.timedelta(days=7)
    consultation_update(
        consultation=consultation, by=by_coordinator(region_a), starts_at=later, audience="women"
    )
    fact = fact_of(trajectory)
    assert (fact.baseline_at, fact.audience) == (later, "women")
    assert_same_as_rebuild()
