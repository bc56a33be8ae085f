"""Demo GP feedback: prepared through the service for every consenting, measured participant of
the region's held sessions, so the practice portal and `export_gp_feedback` have something.
Idempotent (one feedback per participant, session and step)."""

import datetime as dt

from django.core.exceptions import ValidationError

from groepsconsult.accounts.models import Membership
from groepsconsult.audit.services import Actor
from groepsconsult.gpfeedback.models import GpFeedback, PracticeReferral
from groepsconsult.gpfeedback.selectors import referral_session_choices, registrations_with_results
from groepsconsult.gpfeedback.services import gp_feedback_prepare, gp_referral_create
from groepsconsult.participants.models import Participant

ACTOR = Actor.system("seed_demo")


def seed(*, region, rng):
    _seed_referral(region)
    if GpFeedback.objects.in_region(region).exists():
        return
    registrations = registrations_with_results().filter(
        consultation__region=region, participant__gp_practice__isnull=False
    )
    for registration in registrations[:60]:
        try:
            gp_feedback_prepare(registration=registration, by=ACTOR)
        except ValidationError:
            continue  # no consent to share with the GP: nothing is prepared


def _seed_referral(region):
    """One referral from the portal by the region's demo practice user, into the first open
    upcoming session, so *Onze verwijzingen* is not empty. Skipped when there is none."""
    membership = (
        Membership.objects.filter(
            region=region, role="gp_practice", organisation__kind="gp_practice"
        )
        .select_related("user", "organisation")
        .first()
    )
    session = referral_session_choices(region=region).first()
    if membership is None or session is None or PracticeReferral.objects.in_region(region).exists():
        return
    by = Actor.for_user(membership.user, role=membership.role, region_slug=region.slug)
    person = Participant(
        given_name="Samira",
        family_name="Verwezen",
        date_of_birth=dt.date(1966, 9, 3),
        sex="female",
        phone="0611223344",
    )
    try:
        gp_referral_create(
            practice=membership.organisation,
            person=person,
            consultation=session,
            reason="Verhoogde bloeddruk, wil meer bewegen",
            by=by,
        )
    except ValidationError:
        return  # the session is full or closed for this person: the demo goes on
