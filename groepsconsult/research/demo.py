"""Demo research project with its data-sharing agreements, through the services. Idempotent
(skips a region that already has the project). The names and references are made up."""

import datetime as dt

from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.research.models import DataSharingAgreement, ResearchProject
from groepsconsult.research.services import research_record_save
from groepsconsult.research.variables import GROUPS

BY = Actor.system("seed_demo")
NAME = "Evaluatie groepsconsult"
L, R = DataSharingAgreement.Level, DataSharingAgreement.Recipient
# (recipient kind, name, level, measures, reference)
AGREEMENTS = [
    (
        R.RESEARCH_INSTITUTE,
        "Kennisinstituut (demo)",
        L.PSEUDONYMISED,
        ["systolic", "diastolic", "weight", "waist", "bmi", "total_cholesterol", "glucose"],
        "DSA-2026-01",
    ),
    (R.MUNICIPALITY, "Gemeente (demo)", L.AGGREGATE, ["weight", "waist"], "DSA-2026-02"),
    (
        R.HEART_FOUNDATION,
        "Hartstichting (demo)",
        L.AGGREGATE,
        ["systolic", "diastolic"],
        "DSA-2026-03",
    ),
    (R.INSURER, "Zorgverzekeraar (demo)", L.AGGREGATE, ["systolic", "weight"], "DSA-2026-04"),
]


def seed(*, region, rng):
    if ResearchProject.objects.in_region(region).filter(name=NAME).exists():
        return
    today = timezone.localdate()
    start, end = today - dt.timedelta(days=400), today + dt.timedelta(days=700)
    project = research_record_save(
        instance=ResearchProject(
            name=NAME,
            slug="evaluatie",
            recipient_organisation="Kennisinstituut (demo)",
            agreement_reference="ONDERZOEK-2026-01",
            starts_on=start,
            ends_on=end,
        ),
        region=region,
        by=BY,
    )
    for kind, name, level, measures, reference in AGREEMENTS:
        research_record_save(
            instance=DataSharingAgreement(
                project=project,
                recipient_kind=kind,
                recipient_name=name,
                level=level,
                purpose=DataSharingAgreement.PURPOSE_OF_LEVEL[level],
                variables=list(GROUPS) if level == L.PSEUDONYMISED else [],
                measures=measures,
                reference=reference,
                valid_from=start,
                valid_until=end,
            ),
            region=region,
            by=BY,
        )
