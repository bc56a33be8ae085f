"""Reads behind the results booklet. Region-scoped; every read of personal data is logged.

The booklet needs, per registration: the participant, the current measurements, the previous
values (at a 6-month return), the trajectory with its goal, and the risk inputs from the
questionnaires. Measurements, trajectories and earlier values are fetched in one query each for
the whole set, so a booklet's query count does not grow with the number of measurements.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_write
from groepsconsult.clinical_signoff.selectors import ruleset_is_approved
from groepsconsult.consultations.models import Consultation
from groepsconsult.goals.selectors import goal_current_for_trajectory
from groepsconsult.handovers.selectors import handovers_by_trajectory
from groepsconsult.measurements.models import Measurement
from groepsconsult.measurements.selectors import measurement_current_by_registration
from groepsconsult.questionnaires.selectors import risk_inputs_for_registration
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.selectors import registration_queryset_for_user
from groepsconsult.trajectories.models import Trajectory
from groepsconsult.trajectories.selectors import (
    baseline_registrations_for_return,
    trajectories_for_session,
)

PURPOSE = Purpose.RESULTS_BOOKLET


@dataclass
class BookletSource:
    """Everything one booklet shows, fetched; `booklet.build_booklet` turns it into text."""

    registration: Registration
    measurements: dict = field(default_factory=dict)  # measure -> current Measurement
    previous: dict = field(default_factory=dict)  # measure -> Measurement of the first session
    previous_consultation: Consultation | None = None
    trajectory: Trajectory | None = None
    goal: object = None
    handovers: list = field(default_factory=list)  # this trajectory's hand-overs, oldest first
    risk_inputs: dict = field(default_factory=dict)


def _registrations_visible(*, membership, consultation):
    return (
        registration_queryset_for_user(membership=membership, consultation=consultation)
        .select_related("consultation__location")
        .order_by("day_number", "created_at")
    )


def _measured(qs):
    current = Measurement.objects.filter(registration=OuterRef("pk"), superseded_by__isnull=True)
    return qs.annotate(has_measurements=Exists(current))


def session_registration_list_for_user(*, membership, by, consultation):
    """Who is in the session (names: logged as LIST), with whether they have results yet."""
    # Only the participant is joined: every row is of `consultation`, which the caller holds,
    # so the session and its place are not read and built again for each row.
    visible = _registrations_visible(membership=membership, consultation=consultation)
    rows = list(
        _measured(visible.select_related(None).select_related("participant")).exclude(
            status=Registration.Status.CANCELLED
        )
    )
    for row in rows:
        row.consultation = consultation
    if rows:
        access_log_write(
            by=by,
            action=AccessEvent.Action.LIST,
            subject_type="registration",
            subject_ids=[r.public_id for r in rows],
            participant_ids=[r.participant.public_id for r in rows],
            purpose=PURPOSE,
            detail=f"session {consultation.public_id}",
        )
    return rows


def booklet_sources(*, registrations, consultation):
    """Fetch everything for these registrations (of one session) in a fixed number of queries
    per kind of data; goal and risk inputs come from their apps' selectors per registration."""
    participant_ids = [r.participant_id for r in registrations]
    current = measurement_current_by_registration([r.pk for r in registrations])
    trajectories = trajectories_for_session(
        participant_ids=participant_ids, consultation=consultation
    )
    # The trajectory says which session was the first one; compare only at its 6-month session.
    first = baseline_registrations_for_return(
        trajectories=trajectories.values(), consultation=consultation
    )
    previous = measurement_current_by_registration([r.pk for r in first.values()]) if first else {}
    handovers = handovers_by_trajectory(trajectories=trajectories.values())
    sources = []
    for r in registrations:
        trajectory = trajectories.get(r.participant_id)
        earlier = first.get(r.participant_id)
        sources.append(
            BookletSource(
                registration=r,
                measurements=current[r.pk],
                previous=previous.get(earlier.pk, {}) if earlier else {},
                previous_consultation=earlier.consultation if earlier else None,
                trajectory=trajectory,
                goal=goal_current_for_trajectory(trajectory=trajectory) if trajectory else None,
                handovers=handovers.get(trajectory.pk, []) if trajectory else [],
                risk_inputs=risk_inputs_for_registration(registration=r),
            )
        )
    return sources


def _log_print(*, by, registrations, detail):
    access_log_write(
        by=by,
        action=AccessEvent.Action.PRINT,
        subject_type="booklet",
        subject_ids=[r.public_id for r in registrations],
        participant_ids=[r.participant.public_id for r in registrations],
        purpose=PURPOSE,
        detail=detail,
    )


def booklet_source_for_user(
    *, membership, by, registration_public_id, action=AccessEvent.Action.VIEW
):
    """One participant's booklet data, 404 outside the region or the membership's view.

    `action` is VIEW for the screen and PRINT for the PDF: the log says which one happened.
    """
    registration = get_object_or_404(
        registration_queryset_for_user(membership=membership).select_related(
            "consultation__location"
        ),
        public_id=registration_public_id,
    )
    consultation = registration.consultation
    (source,) = booklet_sources(registrations=[registration], consultation=consultation)
    access_log_write(
        by=by,
        action=action,
        subject_type="booklet",
        subject_ids=[registration.public_id],
        participant_ids=[registration.participant.public_id],
        purpose=PURPOSE,
        detail=f"session {consultation.public_id}",
    )
    return source


def booklet_batch_for_user(*, membership, by, consultation):
    """All booklets of a session for printing: everyone not cancelled who has results.

    Results count, not the attendance flag: someone measured was there, even if the door list
    was not ticked. One PRINT row per participant in the access log.
    """
    registrations = [
        r
        for r in _measured(
            _registrations_visible(membership=membership, consultation=consultation)
        ).exclude(status=Registration.Status.CANCELLED)
        if r.has_measurements
    ]
    if registrations:
        _log_print(
            by=by, registrations=registrations, detail=f"batch session {consultation.public_id}"
        )
    return booklet_sources(registrations=registrations, consultation=consultation)


def booklets_mark_draft_thresholds(booklets, *, region):
    """Flag every booklet whose rule-set version the region's physician has not approved yet.

    One query per distinct version (usually one), whatever the number of booklets.
    """
    versions = {v for booklet in booklets for v in booklet.ruleset_versions}
    drafts = {v for v in versions if not ruleset_is_approved(region, v)}
    for booklet in booklets:
        booklet.draft_thresholds = bool(drafts.intersection(booklet.ruleset_versions))
    return booklets
