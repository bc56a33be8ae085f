"""Approving a rule-set version: who, when, which version, once; audited; a new version needs a
new approval."""

import pytest
from django.core.exceptions import ValidationError

from groepsconsult import clinical
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.clinical_signoff.models import RulesetApproval
from groepsconsult.clinical_signoff.selectors import ruleset_is_approved
from groepsconsult.clinical_signoff.services import ruleset_approve
from tests.factories.backbone import make_user

IN_FORCE = clinical.DEFAULT_RULESET_VERSION


@pytest.fixture
def physician(region_a):
    return make_user("physician", region_a)


def _approve(region, user, version=IN_FORCE):
    by = Actor.for_user(user, role="physician", region_slug=region.slug)
    return ruleset_approve(region=region, version=version, by=by)


def test_approval_records_who_when_and_which_version_with_an_audit_event(region_a, physician):
    assert not ruleset_is_approved(region_a, IN_FORCE)
    approval = _approve(region_a, physician)
    assert ruleset_is_approved(region_a, IN_FORCE)
    assert (approval.approved_by, approval.ruleset_version) == (physician, IN_FORCE)
    assert approval.approved_at is not None and approval.approved_by_name
    event = AccessEvent.objects.get(subject_type="ruleset_approval")
    assert (event.action, event.username, event.purpose) == (
        "create",
        physician.username,
        "clinical sign-off",
    )
    assert IN_FORCE in event.detail


def test_approval_is_per_region(region_a, region_b, physician):
    _approve(region_a, physician)
    assert not ruleset_is_approved(region_b, IN_FORCE)


def test_a_new_version_needs_a_new_approval(region_a, physician):
    _approve(region_a, physician)
    assert not ruleset_is_approved(region_a, "nl-2099.1")


def test_approving_twice_is_refused(region_a, physician):
    _approve(region_a, physician)
    with pytest.raises(ValidationError, match="al goedgekeurd"):
        _approve(region_a, physician)
    assert RulesetApproval.objects.count() == 1


def test_only_the_version_in_force_can_be_approved(region_a, physician):
    with pytest.raises(ValidationError, match="die nu geldt"):
        _approve(region_a, physician, version="nl-2026.1")
    assert not RulesetApproval.objects.exists()
    assert not AccessEvent.objects.filter(subject_type="ruleset_approval").exists()
