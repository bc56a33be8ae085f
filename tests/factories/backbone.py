"""Plain factory functions for the backbone. Each saves a valid record; override any field."""

import datetime as dt
import itertools

from django_otp.plugins.otp_totp.models import TOTPDevice

from groepsconsult.accounts.models import Membership, User
from groepsconsult.consultations.models import Consultation
from groepsconsult.participants.models import Participant
from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Professional, Region
from groepsconsult.trajectories.models import Trajectory

_seq = itertools.count(1)


def make_region(**kw):
    n = next(_seq)
    return Region.objects.create(**{"name": f"Region {n}", "slug": f"region-{n}", **kw})


def make_neighbourhood(region, **kw):
    return Neighbourhood.objects.create(**{"region": region, "name": f"Wijk {next(_seq)}", **kw})


def make_location(region, neighbourhood=None, **kw):
    neighbourhood = neighbourhood or make_neighbourhood(region)
    defaults = {
        "name": f"Buurthuis {next(_seq)}",
        "address": "Hoofdstraat 1",
        "postcode": "2525 AB",
        "city": "Den Haag",
    }
    return Location.objects.create(
        **{"region": region, "neighbourhood": neighbourhood, **defaults, **kw}
    )


def make_organisation(region, kind="welfare", **kw):
    agb = f"{next(_seq):08d}" if kind == "gp_practice" else ""
    return Organisation.objects.create(
        **{"region": region, "name": f"Org {next(_seq)}", "kind": kind, "agb_code": agb, **kw}
    )


def make_professional(region, discipline="social_worker", **kw):
    defaults = {"name": f"Prof {next(_seq)}", "vog_date": dt.date(2026, 1, 1)}
    return Professional.objects.create(
        **{"region": region, "discipline": discipline, **defaults, **kw}
    )


def make_participant(region, **kw):
    defaults = {
        "given_name": "Fatima",
        "family_name": f"Testpersoon{next(_seq)}",
        "date_of_birth": dt.date(1970, 5, 1),
        "sex": "female",
        "phone": "0612345678",
    }
    participant = Participant.objects.create(**{"region": region, **defaults, **kw})
    Trajectory.objects.create(participant=participant, started_on=dt.date(2026, 1, 1))
    return participant


def make_consultation(region, **kw):
    location = kw.pop("location", None) or make_location(region)
    defaults = {
        "neighbourhood": location.neighbourhood,
        "location": location,
        "starts_at": dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC),
    }
    return Consultation.objects.create(**{"region": region, **defaults, **kw})


def make_user(role, region, *, organisation=None, username=None, verified_device=True):
    user = User.objects.create_user(
        username=username or f"{role}-{next(_seq)}", password="pw-Unused-12345"
    )
    if role == "gp_practice" and organisation is None:
        organisation = make_organisation(region, kind="gp_practice")
    Membership.objects.create(user=user, region=region, role=role, organisation=organisation)
    if verified_device:
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user
