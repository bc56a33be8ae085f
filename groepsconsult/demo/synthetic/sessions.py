"""First and return sessions per neighbourhood; their participants are made by `people`."""

import datetime as dt

from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.demo.bulk import uuid_from
from groepsconsult.demo.synthetic.people import person
from groepsconsult.regions.models import Location, Neighbourhood, Organisation

FLUSH_EVERY = 500  # sessions per write batch


def fill_region(region, share, ctx, counts) -> list:
    """Sessions of 10-15 people per neighbourhood over the last 18 months and the next two.
    Returns the days of the sessions held (for the region's costs)."""
    hoods = list(Neighbourhood.objects.filter(region=region).order_by("pk"))
    places = {loc.neighbourhood_id: loc for loc in Location.objects.filter(region=region)}
    practices = {}
    for org in Organisation.objects.filter(region=region, kind="gp_practice").order_by("pk"):
        practices.setdefault(org.neighbourhood_id, []).append(org.pk)
    try:
        return _sessions(region, share, ctx, counts, hoods, places, practices)
    finally:
        ctx.batch.writer.wait()  # never leave a COPY running when the transaction ends


def _sessions(region, share, ctx, counts, hoods, places, practices) -> list:
    rng, ids, today, batch = ctx.rng, ctx.ids, ctx.today, ctx.batch
    fallback_practices = [pk for pks in practices.values() for pk in pks] or [None]
    sessions, made, held = [], 0, []
    while made < share:
        size = min(rng.randint(10, 15), share - made)
        hood = hoods[rng.randrange(len(hoods))]
        location = places.get(hood.pk) or next(iter(places.values()))
        day = today + dt.timedelta(days=rng.randint(-540, 60))
        first = _session(region, hood, location, day, Consultation.Kind.FIRST, rng, ids, today)
        ret = None
        if day + dt.timedelta(days=182) <= today + dt.timedelta(days=60):
            back = day + dt.timedelta(days=182 + rng.randint(-7, 7))
            ret = _session(region, hood, location, back, Consultation.Kind.RETURN, rng, ids, today)
        sessions += [s for s in (first, ret) if s]
        held += [s.starts_at.date() for s in (first, ret) if s and s.status == "held"]
        gps = practices.get(hood.pk, fallback_practices)
        for number in range(1, size + 1):
            person(ctx, region, hood, gps, first, ret, number)
        made += size
        if len(sessions) >= FLUSH_EVERY:
            _flush(sessions, batch, counts)
            ctx.progress(counts)
            sessions = []
    _flush(sessions, batch, counts)
    return held


def _flush(sessions, batch, counts):
    batch.writer.wait()  # the previous batch is in; the connection is ours again
    Consultation.objects.bulk_create(sessions)
    counts.consultations += len(sessions)
    batch.flush(counts)


def _session(region, hood, location, day, kind, rng, ids, today) -> Consultation:
    starts = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.choice((10, 13, 18)))))
    return Consultation(
        pk=ids[Consultation].take(),
        public_id=uuid_from(rng),
        region=region,
        neighbourhood=hood,
        location=location,
        title=f"Groepsconsult {hood.name}",
        starts_at=starts,
        kind=kind,
        status="held" if day < today else "open",
        languages=["nl"],
    )
