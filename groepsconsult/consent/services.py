"""Writes of consent: record a decision, withdraw one. Atomic, validated, audited; never deletes.

A new decision for a purpose closes the open "given" row first (withdrawn by the same person,
reason "replaced"), so there is always at most one current consent per purpose and the history
shows exactly when each one ended.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.consent import policies
from groepsconsult.consent.models import Consent, ConsentPurpose
from groepsconsult.consent.selectors import (
    AUDIT_PURPOSE,
    consent_current_queryset,
    consent_text_current_map,
)
from groepsconsult.core.signals import send_facts_changed


def _user_id(by: Actor) -> int:
    if by.user_id is None:
        raise ValidationError(_("Consent is recorded by a person, not by the system."))
    return by.user_id


def consent_record(
    *, participant, purpose: str, given: bool, how: str, by: Actor, version: str | None = None
) -> Consent:
    """Record a decision on the text in force. `version` (what was read out) must still be it."""
    purpose = ConsentPurpose(purpose)
    text = consent_text_current_map().get(purpose)
    if text is None:
        raise ValidationError(_("There is no consent text for this purpose yet."))
    if version is not None and version != text.version:
        raise ValidationError(
            _("The consent text has changed in the meantime. Read the new version and try again.")
        )
    now = timezone.now()
    with transaction.atomic():
        previous = (
            consent_current_queryset(purpose)
            .filter(participant=participant)
            .select_for_update()
            .first()
        )
        if previous is not None:
            _close(consent=previous, reason=_("Replaced by a new decision."), by=by, at=now)
        consent = Consent(
            participant=participant,
            purpose=purpose,
            text=text,
            decision=Consent.Decision.GIVEN if given else Consent.Decision.REFUSED,
            recorded_how=how,
            recorded_by_id=_user_id(by),
            recorded_at=now,
        )
        saved = audited_save(
            instance=consent, by=by, purpose=AUDIT_PURPOSE, participant_ids=[participant.public_id]
        )
        _monitoring_changed(saved)
        return saved


def consent_withdraw(*, consent: Consent, reason: str, by: Actor) -> Consent:
    """The participant ends a consent. The row stays, with who, when and why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason for the withdrawal.")})
    with transaction.atomic():
        consent = (
            Consent.objects.select_for_update().select_related("participant").get(pk=consent.pk)
        )
        policies.check_can_withdraw_consent(consent)
        closed = _close(consent=consent, reason=reason, by=by, at=timezone.now())
        _monitoring_changed(closed)
        return closed


def _monitoring_changed(consent: Consent) -> None:
    """A yes or no to anonymous monitoring decides whether the person is counted."""
    if consent.purpose == ConsentPurpose.ANONYMOUS_MONITORING:
        send_facts_changed(Consent, participant_ids=[consent.participant_id], sessions_changed=True)


def _close(*, consent: Consent, reason: str, by: Actor, at) -> Consent:
    consent.withdrawn_at = at
    consent.withdrawn_by_id = _user_id(by)
    consent.withdrawal_reason = reason[:200]
    return audited_save(
        instance=consent,
        by=by,
        purpose=AUDIT_PURPOSE,
        participant_ids=[consent.participant.public_id],
    )
