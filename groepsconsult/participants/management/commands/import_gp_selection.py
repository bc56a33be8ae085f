"""python manage.py import_gp_selection <file> --region <slug> --practice <AGB code or name>
[--consultation <uuid>] [--dry-run]

The same check and all-or-nothing import as the web page. Prints the counts, every bad row and
every duplicate; exits 1 (listing every bad row) when the file is refused, 0 otherwise.
"""

import getpass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import import selectors, services
from groepsconsult.participants.gp_import.reading import FileRejected, read_local_file
from groepsconsult.regions.models import Region


class Command(BaseCommand):
    help = "Check (--dry-run) or import a GP practice's selection file (CSV or XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--region", required=True, help="Region short name (slug).")
        parser.add_argument("--practice", required=True, help="AGB code or name of the practice.")
        parser.add_argument("--consultation", help="public id of the intended session (optional)")
        parser.add_argument("--dry-run", action="store_true", help="Check only; save nothing.")

    def handle(self, *args, file, region, practice, consultation, dry_run, **options):
        region_obj = Region.objects.filter(slug=region).first()
        if region_obj is None:
            raise CommandError(_("Region '%(slug)s' does not exist.") % {"slug": region})
        practice_obj = selectors.practice_find(region=region_obj, practice=practice)
        if practice_obj is None:
            raise CommandError(
                _("No GP practice with AGB code or name '%(p)s' in this region.") % {"p": practice}
            )
        session = self._consultation(region_obj, consultation)
        data = read_local_file(file)
        by = Actor(user_id=None, username=f"command:{_os_user()}", region_slug=region_obj.slug)
        try:
            report = services.import_file_check(
                region=region_obj, file_name=file.name, data=data, by=by
            )
        except FileRejected as exc:
            for message in exc.messages:
                self.stderr.write(message)
            raise CommandError(_("The file was refused; nothing was saved.")) from None
        self._print(report)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(error)
            raise CommandError(
                _("The file was refused: %(n)s bad rows; nothing was saved.")
                % {"n": report.bad_rows}
            )
        if dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
            return
        try:
            batch = services.gp_selection_import(
                region=region_obj,
                gp_practice=practice_obj,
                consultation=session,
                file_name=file.name,
                data=data,
                by=by,
                report=report,
            )
        except ValidationError as exc:  # e.g. nobody new in this file: a refusal, not a crash
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Imported %(n)s participants (import %(id)s).")
                % {"n": batch.new_count, "id": batch.public_id}
            )
        )

    def _consultation(self, region, public_id):
        if not public_id:
            return None
        match = next(
            (
                c
                for c in selectors.consultation_choices(region=region)
                if str(c.public_id) == public_id
            ),
            None,
        )
        if match is None:
            raise CommandError(_("No upcoming session with that id in this region."))
        return match

    def _print(self, report):
        self.stdout.write(
            _("Rows: %(rows)s · new: %(new)s · duplicates: %(dup)s · bad rows: %(bad)s")
            % {
                "rows": report.row_count,
                "new": len(report.new_rows),
                "dup": len(report.duplicates),
                "bad": report.bad_rows,
            }
        )
        for dup in report.duplicates:
            self.stdout.write(
                _("Row %(row)s: skipped, %(reason)s") % {"row": dup["row"], "reason": dup["reason"]}
            )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"
