"""Reads of consent, and THE filter every purpose-bound reader of participants must use.

`participants_with_consent(queryset, purpose)` narrows a Participant queryset to those with a
current consent for `purpose`, inside the same SQL query (EXISTS on the partial unique index),
so a list cannot "forget" consent and the query count does not grow with consent rows.

consent sits below participants in the app graph (participants.selectors imports this module),
so nothing here imports participants: the model is reached through the Consent foreign key.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from groepsconsult.accounts.permissions import Role
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_view, access_log_write
from groepsconsult.consent.models import Consent, ConsentPurpose, ConsentText

AUDIT_PURPOSE = Purpose.CONSENT  # the purpose written to the access log
# Roles whose view of participants is narrowed by consent; consent pages are not for them.
CONSENT_NARROWED_ROLES = frozenset({Role.GP_PRACTICE, Role.HEALTH_CHAMPION})


def consent_current_queryset(purpose):
    """Rows that count as consent now: given and not withdrawn (at most one per participant)."""
    return Consent.objects.filter(
        purpose=ConsentPurpose(purpose), decision=Consent.Decision.GIVEN, withdrawn_at__isnull=True
    )


def consent_current_exists(purpose, *, participant_ref="pk"):
    """EXISTS(current consent to `purpose`) for the participant at `participant_ref` of the
    outer query ("pk" on participants, "participant" on rows that point at one)."""
    return Exists(consent_current_queryset(purpose).filter(participant=OuterRef(participant_ref)))


def consent_refused_exists(purpose, *, participant_ref="pk"):
    """True for a participant who said no to `purpose` (refused, or withdrew) and has not
    given it again since: for opt-out uses such as the plenary count (ADR 0010)."""
    said_no = Consent.objects.filter(
        Q(decision=Consent.Decision.REFUSED) | Q(withdrawn_at__isnull=False),
        purpose=ConsentPurpose(purpose),
        participant=OuterRef(participant_ref),
    )
    return Exists(said_no) & ~consent_current_exists(purpose, participant_ref=participant_ref)


def participants_with_consent(queryset, purpose):
    """Narrow a Participant queryset to those who currently consent to `purpose` (one query)."""
    return queryset.filter(consent_current_exists(purpose))


def consent_current_for_participant(participant) -> dict[str, Consent | None]:
    """{purpose: the current given consent or None} for every purpose, in one query."""
    current = dict.fromkeys(ConsentPurpose.values)
    rows = Consent.objects.filter(
        participant=participant, decision=Consent.Decision.GIVEN, withdrawn_at__isnull=True
    ).select_related("text")
    for consent in rows:
        current[consent.purpose] = consent
    return current


def consent_status_map(*, participant_ids, purpose=ConsentPurpose.SHARE_WITH_GP) -> dict:
    """{participant pk: "given" | "refused" | "withdrawn"} of the latest decision (one query).

    Participants never asked are absent from the map. For the door, the stations and the
    booklets, which show each person's status next to their name (the caller logs that list).
    """
    status = {}
    rows = (
        Consent.objects.filter(participant_id__in=participant_ids, purpose=purpose)
        .order_by("participant_id", "-recorded_at", "-id")
        .values_list("participant_id", "decision", "withdrawn_at")
    )
    for participant_id, decision, withdrawn_at in rows:
        if participant_id not in status:
            status[participant_id] = "withdrawn" if withdrawn_at else decision
    return status


def with_gp_consent_status(rows):
    """Set `gp_consent` ("given", "refused", "withdrawn" or "") on each row with a
    `participant_id` (registrations at the door, the booklets), in one query."""
    status = consent_status_map(participant_ids=[r.participant_id for r in rows])
    for row in rows:
        row.gp_consent = status.get(row.participant_id, "")
    return rows


def consent_text_current_map(*, on=None) -> dict[str, ConsentText]:
    """{purpose: the text version in force on `on` (today)}: the latest valid_from not after it."""
    on = on or timezone.localdate()
    texts = {}
    for text in ConsentText.objects.filter(valid_from__lte=on).order_by("purpose", "-valid_from"):
        texts.setdefault(text.purpose, text)
    return texts


def consent_participant_get_for_user(
    *, membership, by, public_id, purpose, action=AccessEvent.Action.VIEW
):
    """The participant whose consent is managed, or 404 outside the region; the read is logged.

    Region scoping as in participants.selectors; the consent-narrowed roles never get here
    (they lack CONSENT_RECORD) and are refused again in case the role table changes.
    """
    if membership.role in CONSENT_NARROWED_ROLES:
        raise Http404
    participant_model = Consent._meta.get_field("participant").related_model
    try:
        participant = participant_model.objects.in_region(membership.region).get(
            public_id=public_id
        )
    except participant_model.DoesNotExist:
        raise Http404 from None
    access_log_write(
        by=by,
        action=action,
        subject_type="consent",
        subject_ids=[participant.public_id],
        participant_ids=[participant.public_id],
        purpose=purpose,
    )
    return participant


def consent_get_for_user(*, membership, by, public_id):
    """One consent row in the membership's region, or 404; the read is logged."""
    if membership.role in CONSENT_NARROWED_ROLES:
        raise Http404
    try:
        consent = Consent.objects.select_related(
            "participant", "text", "recorded_by", "withdrawn_by"
        ).get(public_id=public_id, participant__region=membership.region)
    except Consent.DoesNotExist:
        raise Http404 from None
    access_log_view(by=by, record=consent, purpose=AUDIT_PURPOSE)
    return consent


@dataclass
class PurposeOverview:
    purpose: str
    label: str
    text: ConsentText | None  # the version in force, to read out when recording
    latest: Consent | None = None  # the last decision, given or refused
    history: list = field(default_factory=list)

    @property
    def current(self):
        return self.latest if self.latest and self.latest.is_current else None


def consent_overview_for_participant(*, participant) -> list[PurposeOverview]:
    """Per purpose: the text in force, the latest decision and the full history (two queries)."""
    texts = consent_text_current_map()
    overview = {
        value: PurposeOverview(purpose=value, label=label, text=texts.get(value))
        for value, label in ConsentPurpose.choices
    }
    rows = (
        Consent.objects.filter(participant=participant)
        .select_related("text", "recorded_by", "withdrawn_by")
        .order_by("-recorded_at", "-id")
    )
    for consent in rows:
        item = overview[consent.purpose]
        item.history.append(consent)
        item.latest = item.latest or consent
    return list(overview.values())
