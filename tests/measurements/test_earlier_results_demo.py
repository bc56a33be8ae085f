"""The demo's paired results: imported first sessions in two neighbourhoods and a return session
six months later, through the real import and measurement services; idempotent."""

import random

from groepsconsult.consultations.models import Consultation
from groepsconsult.measurements.demo_earlier import GROUP_SIZES, seed_earlier
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_location, make_neighbourhood


def test_demo_gives_paired_baseline_and_return_per_neighbourhood(region_a):
    hoods = [make_neighbourhood(region_a, name=name) for name in ("Aa", "Bb", "Cc")]
    for hood in hoods:
        make_location(region_a, neighbourhood=hood)
    seed_earlier(region=region_a, rng=random.Random(0), skip_neighbourhood_id=hoods[0].pk)
    returned = Trajectory.objects.filter(
        status="returned", baseline_consultation__imported=True, return_consultation__kind="return"
    )
    per_hood = [returned.filter(baseline_consultation__neighbourhood=h).count() for h in hoods]
    assert per_hood == [0, *GROUP_SIZES]
    for trajectory in returned.select_related("baseline_consultation", "return_consultation"):
        gap = trajectory.return_consultation.starts_at - trajectory.baseline_consultation.starts_at
        assert gap.days == 183
    counts = (Consultation.objects.count(), Trajectory.objects.count())
    seed_earlier(region=region_a, rng=random.Random(0), skip_neighbourhood_id=hoods[0].pk)
    assert (Consultation.objects.count(), Trajectory.objects.count()) == counts
