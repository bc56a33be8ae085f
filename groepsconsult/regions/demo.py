"""Demo: a socio-economic status quintile per demo neighbourhood, for the equity view.

Illustrative values (like the demo's CBS codes), set once through the service; a value the
coordinator changed is left alone.
"""

from groepsconsult.audit.services import Actor
from groepsconsult.regions import services
from groepsconsult.regions.models import Neighbourhood

QUINTILES = {
    "BU05182800": 1,  # Schilderswijk
    "BU05183800": 1,  # Moerwijk
    "BU05182900": 1,  # Transvaal
    "BU03440900": 1,  # Overvecht
    "BU03440700": 1,  # Kanaleneiland
    "BU03440300": 3,  # Zuilen
}
SES_YEAR = 2022


def seed(*, region, rng):
    by = Actor.system("seed_demo")
    for hood in Neighbourhood.objects.in_region(region).filter(
        ses_quintile__isnull=True, cbs_code__in=list(QUINTILES)
    ):
        hood.ses_quintile = QUINTILES[hood.cbs_code]
        hood.ses_year = SES_YEAR
        services.neighbourhood_save(neighbourhood=hood, region=region, by=by)
