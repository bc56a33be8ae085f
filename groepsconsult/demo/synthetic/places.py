"""A new synthetic region with its neighbourhoods, community centres and GP practices."""

from groepsconsult.demo.bulk import uuid_from
from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Region

NEIGHBOURHOODS_PER_REGION = 10


def new_region(seed, index, rng) -> Region:
    slug = f"synthetic-{seed}-{index + 1}"
    region = Region.objects.create(name=f"Synthetic {seed}-{index + 1}", slug=slug)
    backbone(region, index, rng)
    return region


def backbone(region, index, rng):
    """Neighbourhoods, a community centre and two GP practices each, for a region without them."""
    hoods = Neighbourhood.objects.bulk_create(
        Neighbourhood(region=region, name=f"Wijk {n + 1}", public_id=uuid_from(rng))
        for n in range(NEIGHBOURHOODS_PER_REGION)
    )
    Location.objects.bulk_create(
        Location(
            region=region,
            neighbourhood=hood,
            name=f"Buurthuis {hood.name}",
            address=f"Buurthuisplein {n + 1}",
            postcode=f"{1000 + 10 * index + n} AB",
            city=region.name,
            rooms="Grote zaal (40 p.)",
            public_id=uuid_from(rng),
        )
        for n, hood in enumerate(hoods)
    )
    Organisation.objects.bulk_create(
        Organisation(
            region=region,
            neighbourhood=hood,
            name=f"Huisartsenpraktijk {hood.name} {k + 1}",
            kind="gp_practice",
            agb_code=f"01{rng.randint(100000, 999999)}",
            public_id=uuid_from(rng),
        )
        for hood in hoods
        for k in range(2)
    )
