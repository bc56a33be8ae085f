"""Demo data for the booklet: a 6-month return session per region, so the booklet's
"first time / now / change" columns can be seen. Runs after measurements' demo (which fills the
first held session); writes measurements through the measurements service. Idempotent.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.measurements.models import Measurement
from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.registrations.models import Registration

BY = Actor.system("demo")
RETURNING = 6
TITLE = "Terugkomsessie (6 maanden) {name}"


def _first_session(region):
    return (
        Consultation.objects.filter(
            region=region, status=Consultation.Status.HELD, kind="first", imported=False
        )
        .order_by("starts_at")
        .first()
    )


def _return_session(first):
    starts = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    consultation, _ = Consultation.objects.get_or_create(
        region=first.region,
        neighbourhood=first.neighbourhood,
        kind=Consultation.Kind.RETURN,
        title=TITLE.format(name=first.neighbourhood.name),
        defaults={
            "location": first.location,
            "starts_at": starts - dt.timedelta(days=7),
            "status": Consultation.Status.HELD,
        },
    )
    return consultation


def _shifted(rows, rng):
    """New values a little better (or worse) than the first time, as after six months."""
    current = {r.measure: r for r in rows}
    values = {}
    for measure, delta in (
        ("systolic", rng.randint(-14, 6)),
        ("diastolic", rng.randint(-8, 4)),
        ("total_cholesterol", Decimal(str(round(rng.uniform(-0.8, 0.3), 1)))),
        ("hdl", Decimal(str(round(rng.uniform(-0.1, 0.2), 2)))),
        ("weight", Decimal(str(round(rng.uniform(-4.5, 1.0), 1)))),
        ("waist", rng.randint(-5, 1)),
    ):
        if measure in current:
            values[measure] = current[measure].value + Decimal(delta)
    if "weight" in values and "height" in current:
        values["height"] = current["height"].value
    return values


def seed(*, region, rng):
    first = _first_session(region)
    if first is None:
        return
    back = _return_session(first)
    if Measurement.objects.filter(registration__consultation=back).exists():
        return
    earlier = (
        Registration.objects.filter(consultation=first, measurements__isnull=False)
        .select_related("participant")
        .distinct()
        .order_by("day_number")[:RETURNING]
    )
    for number, before in enumerate(earlier, start=1):
        registration, _ = Registration.objects.get_or_create(
            consultation=back,
            participant=before.participant,
            defaults={"channel": "gp_selection", "day_number": number},
        )
        rows = Measurement.objects.filter(registration=before).current()
        values = _shifted(list(rows), rng)
        if values:
            measurements_record(
                registration=registration,
                entry=Entry(values=values, method="professional", device="demo"),
                by=BY,
            )
