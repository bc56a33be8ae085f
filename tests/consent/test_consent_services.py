"""Consent model and services: constraints, history, versions, audit rows."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.consent.models import Consent, ConsentText
from groepsconsult.consent.selectors import (
    consent_current_for_participant,
    consent_overview_for_participant,
    consent_text_current_map,
)
from groepsconsult.consent.services import consent_record, consent_withdraw
from tests.factories.backbone import make_participant, make_user
from tests.factories.consent import actor, ensure_consent_texts, give, make_consent_text, withdraw

GP = "share_with_gp"


@pytest.fixture
def person(region_a):
    return make_participant(region_a)


@pytest.fixture
def user(region_a):
    return make_user("coordinator", region_a)


def _raw(consent, **changes):
    """Write past the service, straight into the table, to prove the database refuses it."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.filter(pk=consent.pk).update(**changes)


def test_withdrawn_at_and_by_must_be_set_together(person, user):
    consent = give(person, GP, user)
    _raw(consent, withdrawn_at=timezone.now(), withdrawal_reason="x")
    _raw(consent, withdrawn_by=user, withdrawal_reason="x")


def test_withdrawal_needs_a_reason_and_a_given_consent(person, user):
    consent = give(person, GP, user)
    _raw(consent, withdrawn_at=timezone.now(), withdrawn_by=user, withdrawal_reason="")
    refused = give(person, "photos", user, given=False)
    _raw(refused, withdrawn_at=timezone.now(), withdrawn_by=user, withdrawal_reason="x")


def test_withdrawal_cannot_predate_the_record(person, user):
    consent = give(person, GP, user)
    _raw(
        consent,
        withdrawn_at=consent.recorded_at - dt.timedelta(days=1),
        withdrawn_by=user,
        withdrawal_reason="x",
    )


def test_at_most_one_current_consent_per_purpose(person, user):
    consent = give(person, GP, user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.create(
            participant=person,
            purpose=GP,
            text=consent.text,
            decision="given",
            recorded_how="paper",
            recorded_by=user,
        )


def test_a_new_decision_closes_the_previous_one_and_keeps_it(person, user):
    first = give(person, GP, user)
    second = give(person, GP, user, given=False, how="digital")
    first.refresh_from_db()
    assert first.withdrawn_at == second.recorded_at and first.withdrawn_by == user
    assert first.withdrawal_reason == "Vervangen door een nieuwe beslissing."
    assert Consent.objects.filter(participant=person).count() == 2
    assert consent_current_for_participant(person)[GP] is None


def test_withdraw_keeps_the_row_with_who_when_why(person, user):
    consent = withdraw(give(person, GP, user), user, reason="Verhuisd")
    assert Consent.objects.filter(pk=consent.pk).exists()
    assert (consent.withdrawn_by, consent.withdrawal_reason) == (user, "Verhuisd")
    assert consent.withdrawn_at >= consent.recorded_at


def test_withdraw_needs_a_reason(person, user):
    consent = give(person, GP, user)
    with pytest.raises(ValidationError):
        consent_withdraw(consent=consent, reason="   ", by=actor(user))


@pytest.mark.parametrize("given", [True, False])
def test_only_a_current_consent_can_be_withdrawn(person, user, given):
    consent = give(person, GP, user, given=given)
    if given:
        withdraw(consent, user)
    with pytest.raises(ValidationError):
        withdraw(consent, user)


def test_the_system_cannot_record_consent(person):
    ensure_consent_texts()
    with pytest.raises(ValidationError):
        consent_record(participant=person, purpose=GP, given=True, how="paper", by=Actor.system())
    assert not Consent.objects.exists()


def test_invalid_how_is_refused_and_nothing_saved(person, user):
    with pytest.raises(ValidationError):
        give(person, GP, user, how="fax")
    assert not Consent.objects.exists()
    assert not AccessEvent.objects.filter(subject_type="consent").exists()


def test_failed_new_decision_leaves_the_previous_consent_open(person, user):
    consent = give(person, GP, user)
    with pytest.raises(ValidationError):
        give(person, GP, user, how="fax")
    consent.refresh_from_db()
    assert consent.is_current


def test_every_change_writes_an_access_log_row(person, user):
    consent = give(person, GP, user)
    withdraw(consent, user)
    events = AccessEvent.objects.filter(subject_type="consent", participant_id=person.public_id)
    assert sorted(events.values_list("action", flat=True)) == ["change", "create"]
    assert set(events.values_list("username", "purpose")) == {
        (user.username, "consent registration")
    }


def test_the_newest_text_in_force_is_used(person, user):
    ensure_consent_texts()
    make_consent_text(GP, "2026.2", valid_from=dt.date(2026, 6, 1))
    make_consent_text(GP, "2099.1", valid_from=dt.date(2099, 1, 1))  # not in force yet
    assert consent_text_current_map(on=dt.date(2026, 7, 1))[GP].version == "2026.2"
    assert consent_text_current_map(on=dt.date(2026, 3, 1))[GP].version == "2026.1"


def test_a_used_text_cannot_be_changed(person, user):
    text = give(person, GP, user).text
    text.text_nl = "Iets anders"
    with pytest.raises(ValidationError):
        text.full_clean()
    unused = make_consent_text("photos", "2026.9")
    unused.text_nl = "Nog te wijzigen"
    unused.full_clean()


def test_a_text_of_another_purpose_is_refused(person, user):
    texts = ensure_consent_texts()
    consent = Consent(
        participant=person,
        purpose=GP,
        text=texts["photos"],
        decision="given",
        recorded_how="paper",
        recorded_by=user,
    )
    with pytest.raises(ValidationError):
        consent.full_clean()


def test_missing_text_is_a_clear_error(person, user):
    ConsentText.objects.filter(purpose=GP).delete()
    with pytest.raises(ValidationError):
        consent_record(participant=person, purpose=GP, given=True, how="paper", by=actor(user))


def test_initial_texts_exist_for_every_purpose_in_dutch_and_english(db):
    texts = ensure_consent_texts()
    assert set(texts) == {
        "share_with_gp",
        "contact_by_health_champion",
        "anonymous_monitoring",
        "pseudonymised_research",
        "photos",
    }
    assert all(
        t.text_nl and t.text_en and t.text_for("ar") != t.text_nl for t in ConsentText.objects.all()
    )


def test_overview_lists_latest_and_history_per_purpose(person, user, django_assert_num_queries):
    give(person, GP, user)
    give(person, GP, user, given=False)
    with django_assert_num_queries(2):
        overview = {
            item.purpose: item for item in consent_overview_for_participant(participant=person)
        }
    assert overview[GP].latest.decision == "refused" and overview[GP].current is None
    assert len(overview[GP].history) == 2 and overview["photos"].latest is None
