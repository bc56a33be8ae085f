"""Rows waiting for the next bulk write and the counts of what was written."""

from dataclasses import dataclass, field

from groepsconsult.consent.models import Consent
from groepsconsult.demo.bulk import Writer
from groepsconsult.followups.models import FollowUpAttempt
from groepsconsult.goals.models import Goal
from groepsconsult.handovers.models import Handover, HandoverEvent
from groepsconsult.measurements.models import Measurement
from groepsconsult.participants.models import Participant, ParticipantBackground
from groepsconsult.questionnaires.models import Answer, Response
from groepsconsult.registrations.models import Registration

# The goal's FK names the owner of Trajectory, wherever that model lives (participants or trajectories).
Trajectory = Goal._meta.get_field("trajectory").related_model


@dataclass
class Counts:
    regions: int = 0
    consultations: int = 0
    participants: int = 0
    trajectories: int = 0
    registrations: int = 0
    measurements: int = 0
    goals: int = 0
    consents: int = 0
    backgrounds: int = 0
    follow_up_attempts: int = 0
    handovers: int = 0
    handover_events: int = 0
    responses: int = 0
    answers: int = 0
    budget_lines: int = 0


@dataclass
class Batch:
    """Rows waiting for the next bulk write, per model."""

    rows: dict = field(default_factory=lambda: {m: [] for m in WRITE_ORDER})
    writer: Writer = field(default_factory=Writer)

    def add(self, model, row):
        self.rows[model].append(row)

    def flush(self, counts: Counts):
        """Hand the rows to the writer (on PostgreSQL it copies them while we go on)."""
        jobs = [(model, self.rows[model]) for model in WRITE_ORDER]
        for model, rows in jobs:
            name = COUNT_NAMES[model]
            setattr(counts, name, getattr(counts, name) + len(rows))
        self.rows = {m: [] for m in WRITE_ORDER}
        self.writer.write(jobs)


COUNT_NAMES = {
    Participant: "participants",
    Trajectory: "trajectories",
    Registration: "registrations",
    Measurement: "measurements",
    Goal: "goals",
    Consent: "consents",
    ParticipantBackground: "backgrounds",
    FollowUpAttempt: "follow_up_attempts",
    Handover: "handovers",
    HandoverEvent: "handover_events",
    Response: "responses",
    Answer: "answers",
}
WRITE_ORDER = list(COUNT_NAMES)
