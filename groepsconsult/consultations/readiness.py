"""Is a session ready? The minimum requirements of the field (domain notes, section 6) as data.

Pure: `readiness_check` takes plain facts and returns the checklist, so the same rules serve the
consultation page (one session) and the coordinator's overview (many sessions, facts annotated by
one query each) and are tested without a database.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

MIN_PARTICIPANTS = 8
DOMAINS = ("care", "welfare", "sport")


@dataclass(frozen=True)
class ReadinessFacts:
    starts_at: datetime | None
    capacity: int
    has_location: bool
    room: str
    registered: int
    domains: frozenset  # which of care / welfare / sport are on the team
    has_big_lead: bool
    has_experience_expert: bool
    has_coordinator: bool


@dataclass(frozen=True)
class ReadinessItem:
    key: str
    label: str
    ok: bool
    hint: str = ""


@dataclass(frozen=True)
class Readiness:
    items: tuple

    @property
    def ready(self) -> bool:
        return all(item.ok for item in self.items)

    @property
    def missing(self) -> list:
        return [item for item in self.items if not item.ok]


def readiness_check(facts: ReadinessFacts) -> Readiness:
    domain_labels = {
        "care": (_("Care on the team"), _("Book a GP, nurse, pharmacist or dietitian.")),
        "welfare": (_("Welfare on the team"), _("Book a social worker or money helpdesk.")),
        "sport": (_("Sport on the team"), _("Book a sport coach or lifestyle coach.")),
    }
    items = [
        ReadinessItem("date", _("Date and time set"), facts.starts_at is not None),
        ReadinessItem(
            "capacity",
            _("Room for at least 8 participants"),
            facts.capacity >= MIN_PARTICIPANTS,
            _("Raise the capacity to 8 or more."),
        ),
        ReadinessItem(
            "room",
            _("A room in the neighbourhood"),
            facts.has_location and bool(facts.room),
            _("Choose the room at the location."),
        ),
    ]
    items += [
        ReadinessItem(domain, label, domain in facts.domains, hint)
        for domain, (label, hint) in domain_labels.items()
    ]
    items += [
        ReadinessItem(
            "lead",
            _("BIG-registered lead"),
            facts.has_big_lead,
            _("Book a lead physician with a BIG number."),
        ),
        ReadinessItem(
            "experience_expert",
            _("Experience expert or key person"),
            facts.has_experience_expert,
            _("Book an experience expert."),
        ),
        ReadinessItem(
            "coordinator", _("Coordinator"), facts.has_coordinator, _("Book a coordinator.")
        ),
        ReadinessItem(
            "registered",
            _("At least 8 registered"),
            facts.registered >= MIN_PARTICIPANTS,
            _("%(n)s registered so far.") % {"n": facts.registered},
        ),
    ]
    return Readiness(tuple(items))


def facts_from_annotations(consultation) -> ReadinessFacts:
    """Facts from a consultation annotated by `selectors.with_readiness_facts` (no queries)."""
    return ReadinessFacts(
        starts_at=consultation.starts_at,
        capacity=consultation.capacity,
        has_location=consultation.location_id is not None,
        room=consultation.room,
        registered=consultation.registered_count,
        domains=frozenset(d for d in DOMAINS if getattr(consultation, f"{d}_count")),
        has_big_lead=bool(consultation.big_lead_count),
        has_experience_expert=bool(consultation.expert_count),
        has_coordinator=bool(consultation.coordinator_count),
    )
