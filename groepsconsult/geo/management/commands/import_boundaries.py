"""python manage.py import_boundaries <file> --region <slug> [--create] [--dry-run]

Reads a GeoJSON FeatureCollection (e.g. the CBS Wijk- en Buurtkaart), matches its features to
the region's neighbourhoods by CBS code and stores their boundaries. Every bad feature is
listed and nothing is saved then; --dry-run checks and reports without saving.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from groepsconsult.audit.services import Actor
from groepsconsult.core.uploads import UploadRejected
from groepsconsult.geo.geojson import read_boundaries
from groepsconsult.geo.services import boundaries_import
from groepsconsult.regions.models import Region


class Command(BaseCommand):
    help = "Import neighbourhood boundaries (GeoJSON) into a region."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a GeoJSON FeatureCollection")
        parser.add_argument("--region", required=True, help="the region's short name (slug)")
        parser.add_argument("--create", action="store_true", help="add missing neighbourhoods")
        parser.add_argument("--dry-run", action="store_true", help="check only, save nothing")

    def handle(self, *args, file, region, create, dry_run, **options):
        try:
            region = Region.objects.get(slug=region)
        except Region.DoesNotExist:
            raise CommandError(f"No region with short name {region!r}.") from None
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            report = boundaries_import(
                region=region,
                features=read_boundaries(data),
                by=Actor.system("import_boundaries"),
                create=create,
                dry_run=dry_run,
            )
        except (UploadRejected, ValidationError) as error:
            raise CommandError("\n".join(error.messages)) from None
        verb = "Saved" if report.saved else "Checked (nothing saved)"
        self.stdout.write(
            f"{verb}: {len(report.updated)} updated, {len(report.created)} added, "
            f"{len(report.skipped)} not in the region."
        )
        if report.without_boundary:
            self.stdout.write("Still without a boundary: " + ", ".join(report.without_boundary))
