"""Return-invitation factories: a first session about six months ago whose participants were
present (through the real door service), and an upcoming 6-month session."""

import datetime as dt

from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.registrations.services import attendance_mark
from groepsconsult.returns.services import invitations_generate
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.registrations import make_open_consultation, make_registration

BY = Actor.system("tests")
PHONE = "020 123 4567"


def make_first_session(region, *, people=2, days_ago=180, **participant_kw):
    """A first session `days_ago` with `people` participants ticked present at the door."""
    starts = timezone.now().replace(microsecond=0) - dt.timedelta(days=days_ago)
    first = make_consultation(region, starts_at=starts, status="held")
    for _ in range(people):
        place = make_registration(first, make_participant(region, **participant_kw))
        attendance_mark(registration=place, attendance="present", by=BY)
    return first


def make_return_session(region, **kw):
    return make_open_consultation(region, kind="return", **kw)


def make_invitation(region, **participant_kw):
    """One invitation (letter only) for a new participant of a new first session."""
    first = make_first_session(region, people=1, **participant_kw)
    back = make_return_session(region, location=first.location)
    invitations_generate(consultation=back, baselines=[first], contact_phone=PHONE, by=BY)
    return back.return_invitations.get()
