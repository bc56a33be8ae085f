"""python manage.py export_monitoring --region <slug> --out <dir>: outcomes.csv, reach.csv,
process.csv and equity.csv (the last two also as .xlsx).

The same suppressed aggregates as the dashboard; the export is written to the access log.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.monitoring.exports import outcomes_csv, reach_csv
from groepsconsult.monitoring.exports_process import (
    equity_csv,
    equity_xlsx,
    process_csv,
    process_xlsx,
)
from groepsconsult.regions.models import Region

TEXT_FILES = {
    "outcomes.csv": outcomes_csv,
    "reach.csv": reach_csv,
    "process.csv": process_csv,
    "equity.csv": equity_csv,
}
BINARY_FILES = {"process.xlsx": process_xlsx, "equity.xlsx": equity_xlsx}


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
        for name, build in TEXT_FILES.items():
            (folder / name).write_text(build(region=region), encoding="utf-8")
        for name, build in BINARY_FILES.items():
            (folder / name).write_bytes(build(region=region))
        names = ", ".join([*TEXT_FILES, *BINARY_FILES])
        access_log_write(
            by=Actor.system("export_monitoring"),
            action=AccessEvent.Action.EXPORT,
            subject_type="monitoring",
            subject_ids=[region.slug],
            purpose=Purpose.MONITORING_EXPORT,
            detail=names,
        )
        self.stdout.write(f"Wrote {names} to {folder}")
