"""The files an agreement lets leave: built here, written by the command or zipped by the view.

Pseudonymised level: `participants.csv` (the codebook's variables, after the k-anonymity check),
`codebook.csv` (variable,label,type,unit,allowed_values,source) and `data_dictionary.md` (the
project, the agreement and what the k-anonymity check did). Aggregate level: the monitoring
exports (suppressed, CSV and XLSX) with only the agreement's measures.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

from django.template.loader import render_to_string

from groepsconsult.core.spreadsheet import csv_text, formula_safe_rows
from groepsconsult.monitoring.aggregates import MEASURES as MONITORED
from groepsconsult.monitoring.exports import (
    OUTCOME_HEADER,
    REACH_HEADER,
    outcome_lines,
    reach_lines,
    xlsx_bytes,
)
from groepsconsult.research.anonymity import AnonymityReport, k_anonymise
from groepsconsult.research.dataset import pseudonymised_rows
from groepsconsult.research.models import DataSharingAgreement
from groepsconsult.research.variables import QUASI_IDENTIFIERS, variables_for

CODEBOOK_HEADER = ["variable", "label", "type", "unit", "allowed_values", "source"]


@dataclass
class ExportFiles:
    files: dict  # {file name: str or bytes}
    participant_ids: list  # public ids of the people in the export (for the access log only)
    report: AnonymityReport | None = None
    by_region: dict | None = None  # {region slug: [public ids]} (for the access log only)


def codebook_csv(variables):
    return csv_text(
        CODEBOOK_HEADER,
        [[v.name, v.label, v.type, v.unit, v.allowed, v.source] for v in variables],
    )


def participants_csv(variables, rows):
    out = io.StringIO()
    names = [v.name for v in variables]
    writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(formula_safe_rows(rows))
    return out.getvalue()


def _by_region(rows):
    found: dict = {}
    for row in rows:
        found.setdefault(row["_region"], {})[row["_participant"]] = None
    return {slug: list(ids) for slug, ids in found.items()}


def pseudonymised_export(*, agreement, regions=None) -> ExportFiles:
    """One dataset over `regions` (default the project's own): the k-anonymity check runs over
    the whole file, so a rare combination is judged against every region in it."""
    project = agreement.project
    regions = list(regions or [project.region])
    variables = variables_for(groups=agreement.variables, measures=agreement.measures)
    rows = pseudonymised_rows(project=project, agreement=agreement, regions=regions)
    rows, report = k_anonymise(rows, keys=QUASI_IDENTIFIERS, k=project.k_anonymity)
    context = {"project": project, "agreement": agreement, "variables": variables}
    context |= {"report": report, "regions": regions}
    dictionary = render_to_string("research/data_dictionary.txt", context)
    return ExportFiles(
        files={
            "participants.csv": participants_csv(variables, rows),
            "codebook.csv": codebook_csv(variables),
            "data_dictionary.md": dictionary,
        },
        participant_ids=list(dict.fromkeys(row["_participant"] for row in rows)),
        report=report,
        by_region=_by_region(rows),
    )


def aggregate_export(*, agreement) -> ExportFiles:
    region = agreement.project.region
    measures = [m for m in agreement.measures if m in MONITORED]
    outcomes = [line for line in outcome_lines(region=region) if line[1] in measures]
    reach = reach_lines(region=region)
    return ExportFiles(
        files={
            "outcomes.csv": csv_text(OUTCOME_HEADER, outcomes),
            "outcomes.xlsx": xlsx_bytes(OUTCOME_HEADER, outcomes, title="outcomes"),
            "reach.csv": csv_text(REACH_HEADER, reach),
            "reach.xlsx": xlsx_bytes(REACH_HEADER, reach, title="reach"),
        },
        participant_ids=[],
    )


def agreement_export(*, agreement, regions=None) -> ExportFiles:
    """The agreement's files; a pseudonymised dataset over `regions` (default the project's own
    region). Aggregate figures are those of the project's own region."""
    if agreement.level == DataSharingAgreement.Level.PSEUDONYMISED:
        return pseudonymised_export(agreement=agreement, regions=regions)
    return aggregate_export(agreement=agreement)


def as_zip(files: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return out.getvalue()
