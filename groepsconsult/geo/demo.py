"""Demo maps: simplified, hand-drawn boundaries for the demo neighbourhoods and one small
reference dataset per region (invented figures, said so in its source), through the services.
Idempotent: boundaries are only written to neighbourhoods without one, the dataset once.
"""

import datetime as dt
from pathlib import Path

from groepsconsult.audit.services import Actor
from groepsconsult.geo.geojson import read_boundaries
from groepsconsult.geo.models import ReferenceDataset
from groepsconsult.geo.reference_csv import read_reference_csv
from groepsconsult.geo.services import boundaries_import, reference_dataset_import
from groepsconsult.regions.models import Neighbourhood

DATA = Path(__file__).parent / "demo_data"
BY = Actor.system("seed_demo")
DATASET = "Gezondheidsmonitor 2022 (demo)"


def seed(*, region, rng):
    boundaries = DATA / f"{region.slug}.geojson"
    if not boundaries.exists():
        return
    if Neighbourhood.objects.in_region(region).filter(geometry__isnull=True).exists():
        features = read_boundaries(boundaries.read_bytes())
        boundaries_import(region=region, features=features, by=BY)
    if not ReferenceDataset.objects.in_region(region).filter(name=DATASET).exists():
        reference_dataset_import(
            dataset=ReferenceDataset(
                name=DATASET,
                source="GGD/CBS/RIVM Gezondheidsmonitor Volwassenen en Ouderen 2022: "
                "invented demo figures in its format, not the real ones",
                published_on=dt.date(2023, 5, 1),
                permitted_purpose="Demo only: comparison on maps and in reports",
            ),
            region=region,
            rows=read_reference_csv((DATA / f"{region.slug}-reference.csv").read_bytes()),
            by=BY,
        )
