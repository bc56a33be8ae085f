"""python manage.py export_research --region <slug> [--region <slug> ...] [--all-regions]
    --project <name> --out <dir> [--agreement <reference>]

Writes participants.csv, codebook.csv and data_dictionary.md of the project's valid
pseudonymised data-sharing agreement (--agreement <reference> when it has several): one
dataset over every --region named (each must be covered by the project), or over all the
project's regions with --all-regions. The project is looked up in the first --region. The
same files as the download on the research page; the export is written to the access log.
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
        parser.add_argument(
            "--region",
            required=True,
            action="append",
            help="a region's short name (slug); repeat it for a dataset over several regions",
        )
        parser.add_argument(
            "--all-regions",
            action="store_true",
            help="export over every region the project covers",
        )
        parser.add_argument("--project", required=True, help="the project's name or short name")
        parser.add_argument("--out", required=True, help="directory to write the files to")
        parser.add_argument("--agreement", default="", help="agreement reference, if several")

    def handle(self, *args, region, all_regions, project, out, agreement, **options):
        regions = self._regions([region] if isinstance(region, str) else region)
        project_obj = project_by_name(region=regions[0], name=project)
        if project_obj is None:
            raise CommandError(f"No research project {project!r} in region {region[0]!r}.")
        covered = project_obj.covered_regions()
        if all_regions:
            regions = covered
        outside = [r.slug for r in regions if r not in covered]
        if outside:
            raise CommandError(
                f"Project {project_obj.name!r} does not cover: {', '.join(outside)}."
            )
        chosen = self._agreement(project_obj.region, project_obj, agreement)
        try:
            export = research_export(
                agreement=chosen, by=Actor.system("export_research"), regions=regions
            )
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from None
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, body in export.files.items():
            (folder / name).write_text(body, encoding="utf-8")
        report = export.report
        self.stdout.write(
            f"Wrote {', '.join(export.files)} to {folder} "
            f"({', '.join(r.slug for r in regions)}): {report.records} records "
            f"(k={report.k}; {report.generalised} generalised, "
            f"{report.suppressed} left out)."
        )

    def _regions(self, slugs):
        found = {r.slug: r for r in Region.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise CommandError(f"No region with short name {missing[0]!r}.")
        return list({slug: found[slug] for slug in slugs}.values())

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
