"""Generating return invitations (who, which channel, at most once), registering an invitee into
the 6-month session, and "not coming" moving the trajectory."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from groepsconsult.notifications.models import ContactPreference
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.services import attendance_mark
from groepsconsult.returns.models import ReturnInvitation
from groepsconsult.returns.services import (
    invitation_record_not_coming,
    invitation_register,
    invitations_generate,
)
from groepsconsult.trajectories.models import Trajectory
from groepsconsult.trajectories.services import trajectory_stop
from tests.factories.backbone import make_participant, make_user
from tests.factories.consent import give
from tests.factories.registrations import make_registration
from tests.factories.returns import BY, PHONE, make_first_session, make_return_session

S = Trajectory.Status


@pytest.fixture(autouse=True)
def sms_outbox(settings, tmp_path):
    settings.GC_SMS_TRANSPORT = "log"
    settings.GC_SMS_OUTBOX = str(tmp_path / "sms.txt")
    return tmp_path / "sms.txt"


def _generate(back, *firsts):
    return invitations_generate(
        consultation=back, baselines=list(firsts), contact_phone=PHONE, by=BY
    )


def _code(refused):
    """The code of the (first) error, wherever the service put it."""
    error = refused.value
    errors = (
        [e for es in error.error_dict.values() for e in es]
        if hasattr(error, "error_dict")
        else error.error_list
    )
    return errors[0].code


def _consent(participant):
    give(participant, "contact_by_health_champion", make_user("coordinator", participant.region))


def test_channels_follow_consent_contact_details_and_opt_outs(region_a, sms_outbox):
    first = make_first_session(region_a, people=0)
    people = {}
    for key, kw in {
        "sms": {},
        "email": {"phone": "", "email": "mail@example.org"},
        "no_consent": {},
        "opted_out": {},
    }.items():
        people[key] = make_participant(region_a, **kw)
        place = make_registration(first, people[key])
        attendance_mark(registration=place, attendance="present", by=BY)
        if key != "no_consent":
            _consent(people[key])
    ContactPreference.objects.create(
        participant=people["opted_out"], sms_opt_out=True, changed_by="t"
    )
    back = make_return_session(region_a)

    counts = _generate(back, first)

    assert counts == {"sms": 1, "email": 1, "letter": 2}
    channel = dict(back.return_invitations.values_list("participant", "channel"))
    assert channel[people["sms"].pk] == "sms"
    assert channel[people["email"].pk] == "email"
    assert channel[people["no_consent"].pk] == channel[people["opted_out"].pk] == "letter"
    assert "+31612345678" in sms_outbox.read_text()
    assert people["sms"].family_name not in sms_outbox.read_text()  # no names in an SMS
    assert [m.to for m in mail.outbox] == [["mail@example.org"]]
    assert PHONE in mail.outbox[0].body


def test_generating_twice_invites_and_sends_only_once(region_a, sms_outbox):
    first = make_first_session(region_a, people=2)
    for registration in first.registrations.all():
        _consent(registration.participant)
    back = make_return_session(region_a)
    assert _generate(back, first) == {"sms": 2}
    assert _generate(back, first) == {"already": 2}
    assert back.return_invitations.count() == 2
    assert sms_outbox.read_text().count("--- ") == 2


def test_only_present_participants_with_an_open_trajectory_are_invited(region_a):
    first = make_first_session(region_a, people=1)
    absent = make_registration(first, make_participant(region_a))
    attendance_mark(registration=absent, attendance="absent", by=BY)
    stopped = make_registration(first, make_participant(region_a))
    attendance_mark(registration=stopped, attendance="present", by=BY)
    trajectory_stop(trajectory=stopped.participant.trajectories.get(), reason="wil niet", by=BY)
    back = make_return_session(region_a)
    assert _generate(back, first) == {"letter": 1}
    invited = back.return_invitations.get().participant
    assert invited not in (absent.participant, stopped.participant)


def test_a_failing_transport_is_recorded_and_not_retried(region_a, settings):
    settings.GC_SMS_TRANSPORT = "messagebird"
    settings.GC_MESSAGEBIRD_ACCESS_KEY = ""
    first = make_first_session(region_a, people=1)
    _consent(first.registrations.get().participant)
    back = make_return_session(region_a)
    assert _generate(back, first) == {"failed": 1}
    invitation = back.return_invitations.get()
    assert (invitation.channel, invitation.send_status) == ("sms", "failed")
    assert "GC_MESSAGEBIRD_ACCESS_KEY" in invitation.send_error
    assert _generate(back, first) == {"already": 1}


def test_held_sessions_and_later_first_sessions_are_refused(region_a):
    first = make_first_session(region_a, people=1)
    back = make_return_session(region_a, status="held")
    with pytest.raises(ValidationError) as refused:
        _generate(back, first)
    assert _code(refused) == "closed"
    later = make_first_session(region_a, people=1, days_ago=-60)
    with pytest.raises(ValidationError) as refused:
        _generate(make_return_session(region_a), later)
    assert _code(refused) == "baseline"


def test_register_links_the_place_as_the_trajectorys_return(region_a):
    first = make_first_session(region_a, people=1)
    back = make_return_session(region_a)
    _generate(back, first)
    invitation = back.return_invitations.get()
    registration = invitation_register(invitation=invitation, by=BY)
    assert registration.status == Registration.Status.REGISTERED
    trajectory = invitation.participant.trajectories.get()
    assert (trajectory.baseline_consultation, trajectory.return_consultation) == (first, back)
    with pytest.raises(ValidationError) as refused:
        invitation_register(invitation=invitation, by=BY)
    assert _code(refused) == "duplicate"


@pytest.mark.parametrize(
    ("reason", "status"),
    [("no_interest", S.STOPPED), ("too_ill", S.STOPPED), ("moved_away", S.LOST)],
)
def test_not_coming_moves_the_trajectory_with_the_reason(region_a, reason, status):
    first = make_first_session(region_a, people=1)
    back = make_return_session(region_a)
    _generate(back, first)
    invitation = back.return_invitations.get()
    invitation_record_not_coming(invitation=invitation, reason=reason, note="", by=BY)
    trajectory = invitation.participant.trajectories.get()
    assert trajectory.status == status
    assert trajectory.stop_reason.startswith("Vervolg-groepsconsult")
    with pytest.raises(ValidationError) as refused:
        invitation_record_not_coming(invitation=invitation, reason=reason, note="", by=BY)
    assert _code(refused) == "done"
    with pytest.raises(ValidationError) as refused:
        invitation_register(invitation=invitation, by=BY)
    assert _code(refused) == "not_coming"


def test_not_coming_is_refused_for_someone_with_a_place(region_a):
    first = make_first_session(region_a, people=1)
    back = make_return_session(region_a)
    _generate(back, first)
    invitation = back.return_invitations.get()
    invitation_register(invitation=invitation, by=BY)
    with pytest.raises(ValidationError) as refused:
        invitation_record_not_coming(invitation=invitation, reason="other", note="x", by=BY)
    assert _code(refused) == "registered"
    assert ReturnInvitation.objects.get().not_coming_reason == ""
