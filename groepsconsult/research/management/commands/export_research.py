"""python manage.py export_research --region <slug> --project <name> --out <dir>

Writes participants.csv, codebook.csv and data_dictionary.md of the project's valid
pseudonymised data-sharing agreement (--agreement <reference> when it has several). The same
files as the download on the research page; the export is written to the access log.
"""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from groepsconsult.audit.services import Actor
from groepsconsult.regions.models import Region
from groepsconsult.research.models import DataSharingAgreement
from groepsconsult.research.selectors import agreement_active_list, project_by_name
from groepsconsult.research.services import research_export


class Command(BaseCommand):
    help = "Write the pseudonymised research dataset of a project with its codebook."

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="the region's short name (slug)")
        parser.add_argument("--project", required=True, help="the project's name or short name")
        parser.add_argument("--out", required=True, help="directory to write the files to")
        parser.add_argument("--agreement", default="", help="agreement reference, if several")

    def handle(self, *args, region, project, out, agreement, **options):
        region_obj = Region.objects.filter(slug=region).first()
        if region_obj is None:
            raise CommandError(f"No region with short name {region!r}.")
        project_obj = project_by_name(region=region_obj, name=project)
        if project_obj is None:
            raise CommandError(f"No research project {project!r} in region {region!r}.")
        chosen = self._agreement(region_obj, project_obj, agreement)
        try:
            export = research_export(agreement=chosen, by=Actor.system("export_research"))
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from None
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, body in export.files.items():
            (folder / name).write_text(body, encoding="utf-8")
        report = export.report
        self.stdout.write(
            f"Wrote {', '.join(export.files)} to {folder}: {report.records} records "
            f"(k={report.k}; {report.generalised} generalised, "
            f"{report.suppressed} left out)."
        )

    def _agreement(self, region, project, reference):
        rows = agreement_active_list(region=region).filter(
            project=project, level=DataSharingAgreement.Level.PSEUDONYMISED
        )
        if reference:
            rows = rows.filter(reference=reference)
        rows = list(rows)
        if not rows:
            raise CommandError(
                f"Project {project.name!r} has no valid pseudonymised data-sharing agreement"
                + (f" with reference {reference!r}." if reference else " today.")
            )
        if len(rows) > 1:
            references = ", ".join(a.reference for a in rows)
            raise CommandError(f"Several valid agreements ({references}): choose --agreement.")
        return rows[0]
