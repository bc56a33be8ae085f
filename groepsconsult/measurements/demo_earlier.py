"""Demo data for paired results: in two more neighbourhoods per region, people whose first
results come from before this software (through the earlier-results import, as a region would
load them) and who came back six months later, so monitoring and `export_monitoring` show a
real cell (10 people) next to suppressed ones ("<10"). Idempotent."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.measurements.earlier.services import earlier_results_import
from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.regions.models import Location
from groepsconsult.registrations.models import Registration

BY = Actor.system("demo")
# A shown cell (10 pairs) and a small one (8): with the booklet demo's 5 or 6 pairs the hidden
# cells add up to 10 or more, so suppression need not hide the shown one as well.
GROUP_SIZES = (10, 8)
HEADER = (
    "Naam;Geboortedatum;Geslacht;Sessiedatum;Wijk;Systolisch;Diastolisch;Gewicht;Lengte;Buikomvang"
)
GIVEN = ["Aysel", "Karim", "Naima", "Henk", "Esra", "Mohamed", "Gerda", "Rachid", "Shanti", "Orhan"]
FAMILY = ["Demir", "Bouzid", "de Wit", "Ramdin", "Aydın", "el Idrissi", "Visser", "Kartosen"]


def _locations(region, skip_neighbourhood_id):
    """The first location of each neighbourhood other than the booklet demo's."""
    locations = (
        Location.objects.filter(region=region)
        .exclude(neighbourhood_id=skip_neighbourhood_id)
        .select_related("neighbourhood")
        .order_by("neighbourhood__name", "name")
    )
    first: dict = {}
    for location in locations:
        first.setdefault(location.neighbourhood_id, location)
    return list(first.values())


def _file(rng, groups, day) -> bytes:
    lines = [HEADER]
    n = 0
    for hood, size in groups:
        for _person in range(size):
            given, family = GIVEN[n % len(GIVEN)], FAMILY[n % len(FAMILY)]  # unique up to 40
            n += 1
            born = dt.date(1950 + rng.randint(0, 30), rng.randint(1, 12), rng.randint(1, 28))
            weight, height = round(rng.uniform(62, 104), 1), rng.randint(155, 190)
            values = [rng.randint(125, 165), rng.randint(78, 98), weight, height]
            values.append(rng.randint(84, 116))
            cells = [f"{given} {family}", f"{born:%d-%m-%Y}", rng.choice("MV"), f"{day:%d-%m-%Y}"]
            lines.append(";".join([*cells, hood.name, *(str(v).replace(".", ",") for v in values)]))
    return "\n".join(lines).encode()


def _return_session(location, starts_at):
    consultation, _ = Consultation.objects.get_or_create(
        region=location.region,
        location=location,
        kind=Consultation.Kind.RETURN,
        starts_at=starts_at,
        defaults={
            "neighbourhood": location.neighbourhood,
            "status": Consultation.Status.HELD,
            "title": f"Terugkomsessie (6 maanden) {location.neighbourhood.name}",
        },
    )
    return consultation


def seed_earlier(*, region, rng, skip_neighbourhood_id):
    if Consultation.objects.filter(region=region, imported=True).exists():
        return
    locations = _locations(region, skip_neighbourhood_id)[: len(GROUP_SIZES)]
    groups = [(loc.neighbourhood, size) for loc, size in zip(locations, GROUP_SIZES, strict=False)]
    day = timezone.localdate() - dt.timedelta(days=190)
    data = _file(rng, groups, day)
    earlier_results_import(region=region, data=data, file_name="demo-eerdere-uitslagen.csv", by=BY)
    for first in Consultation.objects.filter(region=region, imported=True).select_related(
        "location__region", "neighbourhood"
    ):
        _return(first, rng)


def _return(first, rng):
    """Everyone of the imported session comes back six months later, a little changed."""
    back = _return_session(first.location, first.starts_at + dt.timedelta(days=183))
    places = first.registrations.select_related("participant").order_by("id")
    for number, before in enumerate(places, start=1):
        registration, _ = Registration.objects.get_or_create(
            consultation=back,
            participant=before.participant,
            defaults={"channel": "gp_selection", "day_number": number},
        )
        earlier = {m.measure: m.value for m in before.measurements.current()}
        values = {
            "systolic": earlier["systolic"] - rng.randint(-4, 14),
            "diastolic": earlier["diastolic"] - rng.randint(-3, 8),
            "weight": earlier["weight"] - Decimal(str(round(rng.uniform(-1.0, 4.5), 1))),
            "height": earlier["height"],
            "waist": earlier["waist"] - rng.randint(-1, 5),
        }
        measurements_record(registration=registration, entry=Entry(values=values), by=BY)
