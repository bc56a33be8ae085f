"""Rebuild the monitoring pre-aggregates from the source tables (nightly safety net)."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q

from groepsconsult.handovers.services import offer_figures_rebuild
from groepsconsult.monitoring.models import TrajectoryFact
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.regions.models import Region


class Command(BaseCommand):
    # The system checks import every URL module (seconds on a loaded machine) and check
    # nothing this command uses; `migrate` and the server run them.
    requires_system_checks = []
    help = "Recompute the monitoring facts of one region (--region SLUG) or of all regions."

    def add_arguments(self, parser):
        parser.add_argument("--region", help="slug of the region; all regions when left out")

    def handle(self, *args, region=None, **options):
        if region:
            one = Region.objects.filter(slug=region).first()
            if one is None:
                raise CommandError(f"No region with slug {region!r}.")
            written = facts_rebuild(region=one)
        else:
            written = facts_rebuild()
        offers = offer_figures_rebuild(region=one if region else None)  # the social map's figures
        per_region = (
            TrajectoryFact.objects.filter(region__slug=region) if region else TrajectoryFact.objects
        )
        for row in (
            per_region.values("region__slug")
            .annotate(n=Count("pk"), counted=Count("pk", filter=Q(counted=True)))
            .order_by("region__slug")
        ):
            self.stdout.write(
                f"{row['region__slug']}: {row['n']} trajectories, {row['counted']} counted"
            )
        self.stdout.write(f"{offers} offers' hand-over figures rebuilt")
        self.stdout.write(self.style.SUCCESS(f"{written} facts rebuilt"))
