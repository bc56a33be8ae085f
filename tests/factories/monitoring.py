"""A planted monitoring dataset: people measured at a first session and six months later."""

import datetime as dt
import random

from groepsconsult.monitoring.models import Target
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import (
    make_consultation,
    make_location,
    make_neighbourhood,
    make_participant,
)
from tests.factories.documents import make_measurement, make_registration

BASELINE = dt.datetime(2025, 3, 10, 10, 0, tzinfo=dt.UTC)
RETURN = dt.datetime(2025, 9, 10, 10, 0, tzinfo=dt.UTC)


def plant(region, code, people, *, seed=1, returned=True, **person):
    """`people` participants measured at baseline and (if `returned`) six months later."""
    rng = random.Random(seed)
    location = make_location(region, make_neighbourhood(region, cbs_code=code, name=code))
    first = make_consultation(region, location=location, starts_at=BASELINE)
    back = make_consultation(region, location=location, starts_at=RETURN, kind="return")
    pairs = []
    for _ in range(people):
        participant = make_participant(region, **person)
        sbp0, sbp1 = rng.randint(120, 170), rng.randint(115, 165)
        reg0 = make_registration(
            first, participant, attendance="present", checked_in_at=BASELINE, channel="gp_selection"
        )
        make_measurement(reg0, "systolic", sbp0)
        Trajectory.objects.create(
            participant=participant,
            status="returned" if returned else "follow_up",
            baseline_consultation=first,
            return_consultation=back if returned else None,
            started_on=BASELINE.date(),
        )
        if returned:
            make_measurement(make_registration(back, participant), "systolic", sbp1)
            pairs.append((sbp0, sbp1))
    facts_rebuild(region=region)  # the factory writes rows directly, without the services' signal
    return pairs


def make_region_objects(region):
    """A target of `region`, for the URL walk."""
    return Target.objects.create(region=region, year=2026, indicator="sessions", value=40)
