"""The participant's timeline on their record: the sessions of their trajectory and what other
apps attach to it (results per session, the goal; later hand-overs, calls, GP feedback).

Extension point: an app lists providers on its AppConfig,
    timeline_entries = ["groepsconsult.<app>.selectors.<fn>"]
and each provider is called as fn(*, membership, participant, registrations) -> [TimelineEntry].
A provider decides itself whether the membership may see its entries, and must use a fixed
number of queries (one for all sessions), so the record page does not grow with the history.
Entries with `registration_id` are shown under that session; others stand on their own date.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import import_string

from groepsconsult.trajectories.selectors import trajectory_list_for_participant


@dataclass
class TimelineEntry:
    on: dt.date
    template: str  # rendered with `context` (and `entry`)
    context: dict = field(default_factory=dict)
    registration_id: int | None = None


@dataclass
class TimelineSession:
    registration: object  # registrations.Registration (a level above: read, never imported)
    role: str  # "first", "return" or "" (another session)
    entries: list = field(default_factory=list)

    @property
    def on(self) -> dt.date:
        return timezone.localdate(self.registration.consultation.starts_at)


@dataclass
class Timeline:
    trajectories: list
    steps: list  # TimelineSession and TimelineEntry, oldest first


def timeline_providers() -> list:
    return [
        import_string(path)
        for config in apps.get_app_configs()
        for path in getattr(config, "timeline_entries", ())
    ]


def _role(registration, trajectories) -> str:
    for t in trajectories:
        if registration.consultation_id == t.baseline_consultation_id:
            return "first"
        if registration.consultation_id == t.return_consultation_id:
            return "return"
    return ""


def trajectory_timeline(*, membership, participant) -> Timeline:
    """Everything for the record's timeline in a fixed number of queries (one per provider)."""
    trajectories = list(trajectory_list_for_participant(participant=participant))
    registrations = list(
        participant.registrations.exclude(status="cancelled")
        .select_related("consultation__neighbourhood")
        .order_by("consultation__starts_at", "id")
    )
    sessions = {r.pk: TimelineSession(r, _role(r, trajectories)) for r in registrations}
    loose = []
    for provider in timeline_providers():
        for entry in provider(
            membership=membership, participant=participant, registrations=registrations
        ):
            session = sessions.get(entry.registration_id)
            (session.entries if session else loose).append(entry)
    steps = sorted([*sessions.values(), *loose], key=lambda step: step.on)
    return Timeline(trajectories=trajectories, steps=steps)
