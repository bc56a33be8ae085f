"""python manage.py export_monitoring --region <slug> --out <dir>: outcomes.csv and reach.csv.

The same suppressed aggregates as the dashboard; the export is written to the access log.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.monitoring.exports import outcomes_csv, reach_csv
from groepsconsult.regions.models import Region


class Command(BaseCommand):
    help = "Write the suppressed monitoring aggregates of a region as CSV files."

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="the region's short name (slug)")
        parser.add_argument("--out", required=True, help="directory to write the CSV files to")

    def handle(self, *args, region, out, **options):
        try:
            region = Region.objects.get(slug=region)
        except Region.DoesNotExist:
            raise CommandError(f"No region with short name {region!r}.") from None
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "outcomes.csv").write_text(outcomes_csv(region=region), encoding="utf-8")
        (folder / "reach.csv").write_text(reach_csv(region=region), encoding="utf-8")
        access_log_write(
            by=Actor.system("export_monitoring"),
            action=AccessEvent.Action.EXPORT,
            subject_type="monitoring",
            subject_ids=[region.slug],
            purpose="monitoring export",
            detail="outcomes.csv, reach.csv",
        )
        self.stdout.write(f"Wrote outcomes.csv and reach.csv to {folder}")
