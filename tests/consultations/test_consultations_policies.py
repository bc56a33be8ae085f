"""Status transitions as a policy: what may follow what, and when."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from groepsconsult.consultations.models import Consultation
from groepsconsult.consultations.policies import (
    allowed_statuses,
    can_edit_consultation,
    check_can_set_status,
)

NOW = dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)
FUTURE = NOW + dt.timedelta(days=30)
PAST = NOW - dt.timedelta(days=1)
S = Consultation.Status


def session(status=S.DRAFT, starts_at=FUTURE, room="Zaal", location_id=1):
    return Consultation(status=status, starts_at=starts_at, room=room, location_id=location_id)


def test_a_planned_draft_may_open_registration():
    check_can_set_status(session(), S.OPEN, now=NOW)


def test_a_draft_without_a_room_cannot_open_registration():
    with pytest.raises(ValidationError, match="zaal"):
        check_can_set_status(session(room=""), S.OPEN, now=NOW)


def test_a_draft_without_a_location_cannot_open_registration():
    with pytest.raises(ValidationError):
        check_can_set_status(session(location_id=None), S.OPEN, now=NOW)


def test_a_past_session_cannot_open_registration():
    with pytest.raises(ValidationError):
        check_can_set_status(session(starts_at=PAST), S.OPEN, now=NOW)


def test_held_only_after_the_start():
    with pytest.raises(ValidationError, match="nadat het begonnen is"):
        check_can_set_status(session(status=S.OPEN), S.HELD, now=NOW)
    check_can_set_status(session(status=S.OPEN, starts_at=PAST), S.HELD, now=NOW)


def test_a_draft_cannot_jump_to_held_or_full():
    for target in (S.HELD, S.FULL):
        with pytest.raises(ValidationError):
            check_can_set_status(session(starts_at=PAST), target, now=NOW)


@pytest.mark.parametrize("final", [S.CANCELLED, S.HELD])
def test_cancelled_and_held_are_final(final):
    for target in S:
        with pytest.raises(ValidationError, match="niet meer veranderen"):
            check_can_set_status(session(status=final, starts_at=PAST), target, now=NOW)
    assert allowed_statuses(session(status=final), now=NOW) == []
    assert not can_edit_consultation(session(status=final))


def test_allowed_statuses_of_an_open_future_session():
    assert allowed_statuses(session(status=S.OPEN), now=NOW) == [S.DRAFT, S.FULL, S.CANCELLED]


def test_full_may_reopen():
    check_can_set_status(session(status=S.FULL), S.OPEN, now=NOW)
