"""Demo return invitations: an upcoming 6-month session per region, with invitations generated
through the services for the earlier first sessions that have people waiting, two of them
registered from the list and two recorded as not coming. Messages go to a demo transport that
sends nothing. Idempotent: a region that has the demo return session is left alone.
"""

import datetime as dt

from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.notifications.transports import Transport
from groepsconsult.returns.models import ReturnInvitation
from groepsconsult.returns.services import (
    invitation_record_not_coming,
    invitation_register,
    invitations_generate,
)
from groepsconsult.trajectories.selectors import baseline_sessions_awaiting_return

BY = Actor.system("demo")
TITLE = "Vervolg-groepsconsult (uitnodigingen) {name}"
PHONE = "070 123 4567"
NOT_COMING = [("moved_away", "Verhuisd naar Rotterdam"), ("no_interest", "")]


class _DemoTransport(Transport):
    """Accepts every message and sends nothing (the demo must not mail or text anyone)."""

    def send(self, message):
        return "demo"


def _return_session(first):
    starts = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    consultation, _ = Consultation.objects.get_or_create(
        region=first.region,
        kind=Consultation.Kind.RETURN,
        title=TITLE.format(name=first.neighbourhood.name),
        defaults={
            "neighbourhood": first.neighbourhood,
            "location": first.location,
            "starts_at": starts + dt.timedelta(days=28),
            "status": Consultation.Status.OPEN,
            "capacity": 30,
        },
    )
    return consultation


def seed(*, region, rng):
    prefix = TITLE.split("{", 1)[0]
    if Consultation.objects.filter(region=region, title__startswith=prefix).exists():
        return  # seeded before (the sessions waiting may differ now: do not plan another)
    soon = timezone.now() + dt.timedelta(days=28)
    firsts = baseline_sessions_awaiting_return(region=region, before=soon, limit=2)
    if not firsts:
        return
    back = _return_session(firsts[0])
    transport = _DemoTransport()
    invitations_generate(
        consultation=back,
        baselines=firsts,
        contact_phone=PHONE,
        by=BY,
        transports={"sms": transport, "email": transport},
    )
    invitations = list(ReturnInvitation.objects.filter(consultation=back).order_by("id"))
    rng.shuffle(invitations)
    for invitation in invitations[:2]:
        invitation_register(invitation=invitation, by=BY)
    for invitation, (reason, note) in zip(invitations[2:], NOT_COMING, strict=False):
        invitation_record_not_coming(invitation=invitation, reason=reason, note=note, by=BY)
