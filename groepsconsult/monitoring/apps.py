from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _refresh_facts(
    sender,
    *,
    trajectory_ids,
    participant_ids,
    neighbourhood_ids,
    consultation_ids=(),
    edited_session_ids=(),
    sessions_changed=True,
    **_kwargs,
):
    """Refresh the pre-aggregates a lower app's service says it changed (same transaction).
    Its people's sessions unless the sender says their places cannot have changed (a station
    save, the hottest write path); a merged send (core.signals.facts_changed_together) asks
    for them if any of its sends did."""
    from groepsconsult.monitoring.services import facts_refresh_for

    facts_refresh_for(
        trajectory_ids=trajectory_ids,
        participant_ids=participant_ids,
        neighbourhood_ids=neighbourhood_ids,
        consultation_ids=consultation_ids,
        edited_session_ids=edited_session_ids,
        people_sessions=sessions_changed,
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
