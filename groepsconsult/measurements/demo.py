"""Demo data: one held session per region with 12 numbered participants who went round the
circuit (some stations still missing, one alarm value open), written through the services so the
colours, rule-set versions, alerts and access log are real. Idempotent."""

from decimal import Decimal

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.measurements.demo_earlier import seed_earlier
from groepsconsult.measurements.models import Measurement
from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration

DEMO_SIZE = 12
BY = Actor.system("demo")


def _session(region):
    return (
        Consultation.objects.filter(region=region, status=Consultation.Status.HELD, imported=False)
        .order_by("starts_at")
        .first()
    )


def _registrations(consultation):
    """Twelve registrations with day numbers, reusing any the door tally already made."""
    numbered = list(consultation.registrations.filter(day_number__isnull=False))
    taken = {r.day_number for r in numbered}
    # Saving results ticks a place present, and is refused for a place marked absent.
    unnumbered = list(
        consultation.registrations.filter(day_number__isnull=True).exclude(attendance="absent")
    )
    registered = consultation.registrations.values("participant_id")
    fresh = Participant.objects.filter(
        region=consultation.region, neighbourhood=consultation.neighbourhood
    ).exclude(pk__in=registered)
    fresh = list(fresh[: max(0, DEMO_SIZE - len(numbered) - len(unnumbered))])
    number = 1
    for item in [*unnumbered, *fresh]:
        if len(numbered) >= DEMO_SIZE:
            break
        while number in taken:
            number += 1
        taken.add(number)
        if isinstance(item, Registration):
            item.day_number = number
            item.save(update_fields=["day_number"])
            numbered.append(item)
        else:
            numbered.append(
                Registration.objects.create(
                    consultation=consultation,
                    participant=item,
                    channel="gp_selection",
                    day_number=number,
                )
            )
    return sorted(numbered, key=lambda r: r.day_number)


def _values(rng, index):
    d = Decimal
    care = {"systolic": d(rng.randint(112, 165)), "diastolic": d(rng.randint(68, 96))}
    if index == 2:
        care = {"systolic": d(186), "diastolic": d(98)}  # the open "physician now" alert
    lab = {
        "glucose": d(str(round(rng.uniform(4.6, 8.5), 1))),
        "total_cholesterol": d(str(round(rng.uniform(4.0, 7.2), 1))),
        "hdl": d(str(round(rng.uniform(0.8, 1.9), 2))),
    }
    weight, height = d(str(round(rng.uniform(58, 110), 1))), d(rng.randint(152, 192))
    movement = {
        "weight": weight,
        "height": height,
        "waist": d(rng.randint(72, 118)),
        "fat_percent": d(str(round(rng.uniform(18, 42), 1))),
        "visceral_fat_level": d(rng.randint(4, 16)),
        "muscle_mass": d(str(round(rng.uniform(20, 38), 1))),
    }
    return care, lab, movement


def seed(*, region, rng):
    consultation = _session(region)
    if consultation is None:
        return
    if not Measurement.objects.filter(registration__consultation=consultation).exists():
        _seed_session(consultation, rng)
    seed_earlier(region=region, rng=rng, skip_neighbourhood_id=consultation.neighbourhood_id)


def _seed_session(consultation, rng):
    for index, registration in enumerate(_registrations(consultation)):
        care, lab, movement = _values(rng, index)
        # The last participants are still on their way round: their later stations are missing.
        stations = [(care, None, "self")]
        if index < DEMO_SIZE - 2:
            stations.append((lab, rng.random() < 0.5, "professional"))
        if index < DEMO_SIZE - 4:
            stations.append((movement, None, "professional"))
        for values, fasting, method in stations:
            measurements_record(
                registration=registration,
                entry=Entry(values=values, fasting=fasting, method=method, device="demo"),
                by=BY,
            )
