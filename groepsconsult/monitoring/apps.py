from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Changes that never alter a session's places, attendance or who counts in it: their people's
# session facts need no refresh (a station save is the hottest write path).
SESSION_NEUTRAL = frozenset({"Measurement", "Handover", "FollowUpAttempt", "ParticipantBackground"})


def _refresh_facts(
    sender,
    *,
    trajectory_ids,
    participant_ids,
    neighbourhood_ids,
    consultation_ids=(),
    senders=(),
    **_kwargs,
):
    """Refresh the pre-aggregates a lower app's service says it changed (same transaction);
    `senders`: every model of a merged send (core.signals.facts_changed_together)."""
    from groepsconsult.monitoring.services import facts_refresh_for

    facts_refresh_for(
        trajectory_ids=trajectory_ids,
        participant_ids=participant_ids,
        neighbourhood_ids=neighbourhood_ids,
        consultation_ids=consultation_ids,
        people_sessions=any(s.__name__ not in SESSION_NEUTRAL for s in senders or [sender]),
    )


class MonitoringConfig(AppConfig):
    name = "groepsconsult.monitoring"
    label = "monitoring"
    nav_items = [
        (_("Plenary"), "monitoring:plenary-list", "plenary_view"),
        (_("Monitoring"), "monitoring:dashboard", "aggregate_view"),
    ]

    def ready(self):
        from groepsconsult.core.signals import facts_changed

        facts_changed.connect(_refresh_facts, dispatch_uid="monitoring-facts")
