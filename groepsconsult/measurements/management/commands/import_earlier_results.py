"""python manage.py import_earlier_results <file> --region <slug> [--neighbourhood <name>]
[--dry-run]

Imports the results of sessions held before this software (docs/earlier-results.md), all or
nothing. Prints the counts; exits 1 listing every bad row (to stderr) when the file is refused.
"""

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from groepsconsult.audit.services import Actor
from groepsconsult.core.text import fold_name
from groepsconsult.measurements.earlier.checking import places
from groepsconsult.measurements.earlier.services import (
    EarlierImportRefused,
    earlier_results_import,
)
from groepsconsult.participants.gp_import.reading import FileRejected, read_local_file
from groepsconsult.regions.models import Region


class Command(BaseCommand):
    help = "Import earlier session results (CSV or XLSX): people, past sessions, values."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--region", required=True, help="Region short name (slug).")
        parser.add_argument(
            "--neighbourhood",
            default="",
            help="Name or CBS code of the neighbourhood for rows without one.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check only; save nothing.")

    def handle(self, *args, file, region, neighbourhood, dry_run, **options):
        region_obj = Region.objects.filter(slug=region).first()
        if region_obj is None:
            raise CommandError(_("Region '%(slug)s' does not exist.") % {"slug": region})
        if neighbourhood and fold_name(neighbourhood) not in places(region_obj):
            raise CommandError(
                _("No neighbourhood with a location called '%(name)s' in this region.")
                % {"name": neighbourhood}
            )
        by = Actor(user_id=None, username=f"command:{_os_user()}", region_slug=region_obj.slug)
        try:
            outcome = earlier_results_import(
                region=region_obj,
                data=read_local_file(file),
                file_name=file.name,
                by=by,
                neighbourhood=neighbourhood,
                dry_run=dry_run,
            )
        except (FileRejected, EarlierImportRefused) as exc:
            for message in exc.messages:
                self.stderr.write(str(message))
            raise CommandError(_("The file was refused; nothing was saved.")) from None
        self._print(outcome)

    def _print(self, outcome):
        self.stdout.write(
            _(
                "Rows: %(rows)s · participants matched: %(matched)s, created: %(created)s · "
                "sessions created: %(sessions)s, reused: %(reused)s · measurements stored: "
                "%(stored)s, already there: %(same)s"
            )
            % {
                "rows": outcome.rows,
                "matched": len(outcome.participants_matched),
                "created": outcome.participants_created,
                "sessions": outcome.sessions_created,
                "reused": outcome.sessions_reused,
                "stored": outcome.measurements_created,
                "same": outcome.measurements_unchanged,
            }
        )
        if outcome.ignored_columns:
            self.stdout.write(
                _("Ignored columns: %(columns)s") % {"columns": ", ".join(outcome.ignored_columns)}
            )
        if outcome.dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
        else:
            self.stdout.write(self.style.SUCCESS(_("Imported.")))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"
