"""The one write: a physician approves the rule-set version in force for their region."""

from django.db import transaction
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.clinical_signoff.models import RulesetApproval
from groepsconsult.clinical_signoff.policies import check_can_approve_ruleset
from groepsconsult.clinical_signoff.selectors import ruleset_is_approved

PURPOSE = Purpose.CLINICAL_SIGNOFF


def ruleset_approve(*, region, version, by: Actor) -> RulesetApproval:
    """Record who approved which version, when; the audit event commits with it (atomic).

    Raises ValidationError for a version not in force or one already approved here.
    """
    user = by.user
    with transaction.atomic():
        check_can_approve_ruleset(
            version=version, already_approved=ruleset_is_approved(region, version)
        )
        approval = RulesetApproval(
            region=region,
            ruleset_version=version,
            approved_by=user,
            approved_by_name=user.get_full_name() or user.get_username(),
            approved_at=timezone.now(),
        )
        approval.full_clean()
        approval.save()
        access_log_write(
            by=by,
            action=AccessEvent.Action.CREATE,
            subject_type="ruleset_approval",
            subject_ids=[approval.public_id],
            purpose=PURPOSE,
            detail=f"rule set {version} approved for region {region.slug}",
        )
    return approval
