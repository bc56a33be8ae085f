"""Synthetic participants at city and country scale (`generate_synthetic`), deterministic per seed.

Each participant has a trajectory, a registration for a first session in their neighbourhood and,
when that session was held, attendance, baseline measurements and goals; about six months later
most come back to a return session (the rest drop out), with values that moved a little towards
health. Values are correlated through BMI and age. Colours come from measurements.classify, the one
place that turns values into traffic lights. Rows go in through `bulk.bulk_insert` (COPY on
PostgreSQL), session by session, so memory stays flat however many participants are made.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from groepsconsult.consent.models import Consent, ConsentPurpose
from groepsconsult.consultations.models import Consultation
from groepsconsult.demo import data
from groepsconsult.demo.bulk import (
    IdBlock,
    Writer,
    refresh_statistics,
    reset_sequences,
    uuid_from,
    uuid_hex,
)
from groepsconsult.demo.synthetic import extras, setup
from groepsconsult.demo.synthetic.values import (
    baseline_body,
    improved_body,
    measurement_values,
    other_bp,
    pick,
    verdict,
)
from groepsconsult.followups.models import FollowUpAttempt
from groepsconsult.goals.models import Goal, LearningStage, Pillar
from groepsconsult.handovers.models import Handover, HandoverEvent
from groepsconsult.measurements.models import Measure, Measurement
from groepsconsult.measurements.stations import MEASURE_STATION, unit_for
from groepsconsult.participants.models import Participant, ParticipantBackground, derived_columns
from groepsconsult.questionnaires.models import Answer, Response
from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Region
from groepsconsult.registrations.models import Registration

# The goal's FK names the owner of Trajectory, wherever that model lives (participants or trajectories).
Trajectory = Goal._meta.get_field("trajectory").related_model

NEIGHBOURHOODS_PER_REGION = 10
FLUSH_EVERY = 500  # sessions per write batch
CHANNELS = {"gp_selection": 40, "professional": 20, "self": 15, "community": 20, "walk_in": 5}
SEXES = {"female": 58, "male": 41, "other": 1}
GOALS_PER_PERSON = {0: 10, 1: 70, 2: 20}
PRESENT_AT_BASELINE = 0.85
REGISTERS_FOR_RETURN = 0.75
PRESENT_AT_RETURN = 0.85
GOAL_TEXTS = {
    Pillar.NUTRITION: ("Minder suiker in de thee", "Vanaf morgen één schepje minder"),
    Pillar.EXERCISE: ("Elke dag een half uur wandelen", "Met de buurvrouw naar de markt lopen"),
    Pillar.SLEEP: ("Voor elf uur naar bed", "Telefoon om tien uur weg"),
    Pillar.RELAXATION: ("Minder zorgen over geld", "Afspraak bij de geldhulp maken"),
    Pillar.SOCIAL: ("Vaker naar het buurthuis", "Dinsdag naar de koffieochtend"),
    Pillar.SUBSTANCES: ("Stoppen met roken", "Aanmelden bij de stoppen-met-rokengroep"),
}
RETURN_IF_REACHED = 0.8  # registers for the return session after a good follow-up call
RETURN_IF_NOT_REACHED = 0.65
# Drop-out as the team writes it down: (reason, weight); "lost" when nobody reaches them.
NO_SHOW_REASONS = {"Kwam niet naar de eerste bijeenkomst": 60, "Geen tijd (werk of mantelzorg)": 20}
NO_SHOW_REASONS |= {"Ziek op de dag zelf": 10, "Ziet er toch van af": 10}
STOP_REASONS = {"Geen tijd (werk of mantelzorg)": 30, "Gezondheidsredenen": 20, "Verhuisd": 10}
STOP_REASONS |= {"Geen interesse meer": 25, "Doet al mee aan ander aanbod": 15}
LOST_REASONS = {"Niet bereikbaar na drie belpogingen": 60, "Telefoonnummer klopt niet": 15}
LOST_REASONS |= {"Kwam niet naar de terugkombijeenkomst": 25}


@dataclass
class Counts:
    regions: int = 0
    consultations: int = 0
    participants: int = 0
    trajectories: int = 0
    registrations: int = 0
    measurements: int = 0
    goals: int = 0
    consents: int = 0
    backgrounds: int = 0
    follow_up_attempts: int = 0
    handovers: int = 0
    handover_events: int = 0
    responses: int = 0
    answers: int = 0
    budget_lines: int = 0


@dataclass
class Batch:
    """Rows waiting for the next bulk write, per model."""

    rows: dict = field(default_factory=lambda: {m: [] for m in WRITE_ORDER})
    writer: Writer = field(default_factory=Writer)

    def add(self, model, row):
        self.rows[model].append(row)

    def flush(self, counts: Counts):
        """Hand the rows to the writer (on PostgreSQL it copies them while we go on)."""
        jobs = [(model, self.rows[model]) for model in WRITE_ORDER]
        for model, rows in jobs:
            name = _COUNT_NAMES[model]
            setattr(counts, name, getattr(counts, name) + len(rows))
        self.rows = {m: [] for m in WRITE_ORDER}
        self.writer.write(jobs)


_COUNT_NAMES = {
    Participant: "participants",
    Trajectory: "trajectories",
    Registration: "registrations",
    Measurement: "measurements",
    Goal: "goals",
    Consent: "consents",
    ParticipantBackground: "backgrounds",
    FollowUpAttempt: "follow_up_attempts",
    Handover: "handovers",
    HandoverEvent: "handover_events",
    Response: "responses",
    Answer: "answers",
}
WRITE_ORDER = list(_COUNT_NAMES)


def generate(
    *, participants: int, seed: int = 1, regions: int = 1, region=None, today=None, progress=None
):
    """Create `participants` synthetic participants (split over `regions` new regions, or all in
    the existing `region`), all in one transaction. Returns the Counts. `progress(counts)` is
    called after each batch (about 3,700 participants)."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    counts = Counts()
    with transaction.atomic():
        _roomy_sqlite_cache()
        targets = [region] if region else [_new_region(seed, i, rng) for i in range(regions)]
        if region and not Location.objects.filter(region=region).exists():
            _backbone(region, 0, rng)
        counts.regions = len(targets)
        ids = {model: IdBlock(model) for model in [*WRITE_ORDER, Consultation]}
        user = setup.synthetic_user()
        receiver = setup.synthetic_user(setup.RECEIVER_USERNAME)
        texts, forms = setup.consent_texts(), setup.questionnaire_forms()
        for i, target in enumerate(targets):
            share = participants // len(targets) + (1 if i < participants % len(targets) else 0)
            ctx = extras.Ctx(
                rng=rng,
                ids=ids,
                batch=Batch(),
                today=today,
                user_id=user.pk,
                username=user.username,
                receiver=(receiver.pk, receiver.username),
                texts=texts,
                forms=forms,
                offers=setup.region_offers(target, rng, today),
                call_weeks=target.follow_up_call_weeks,
                progress=progress or (lambda counts: None),
            )
            held = _fill_region(target, share, ctx, counts)
            counts.budget_lines += setup.region_costs(target, held, rng)
        reset_sequences(Consultation, *WRITE_ORDER)
    refresh_statistics()
    return counts


def _roomy_sqlite_cache():
    """Random UUID keys touch every page of their index; a 256 MB page cache (this connection
    only) keeps SQLite from re-reading them for each row."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")


def _new_region(seed, index, rng) -> Region:
    slug = f"synthetic-{seed}-{index + 1}"
    region = Region.objects.create(name=f"Synthetic {seed}-{index + 1}", slug=slug)
    _backbone(region, index, rng)
    return region


def _backbone(region, index, rng):
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


def _fill_region(region, share, ctx, counts) -> list:
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
            _person(ctx, region, hood, gps, first, ret, number)
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


def _stamp(ids, model, rng, when):
    return {
        "id": ids[model].take(),
        "public_id": uuid_hex(rng),
        "created_at": when,
        "updated_at": when,
    }


def _person(ctx, region, hood, gps, first, ret, number):
    rng, ids, today, batch = ctx.rng, ctx.ids, ctx.today, ctx.batch
    sex = pick(rng, SEXES)
    age = rng.randint(30, 80)
    signed_up = first.starts_at - dt.timedelta(days=rng.randint(7, 45))
    person = {
        **_stamp(ids, Participant, rng, signed_up),
        "region_id": region.pk,
        "given_name": rng.choice(data.GIVEN_MALE if sex == "male" else data.GIVEN_FEMALE),
        "family_name": rng.choice(data.FAMILY),
        "date_of_birth": today - dt.timedelta(days=age * 365 + rng.randint(0, 364)),
        "sex": sex,
        "phone": f"06{rng.randint(10000000, 99999999)}",
        "postcode": f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEHKLMNPRST')}",
        "preferred_language": rng.choice(data.LANGUAGES),
        "neighbourhood_id": hood.pk,
        "gp_practice_id": rng.choice(gps),
    }
    # What Participant.save() would fill in: the folded name and the duplicate keys.
    person |= derived_columns(person["given_name"], person["family_name"], person["phone"])
    batch.add(Participant, person)
    body = baseline_body(rng, sex, age)
    visit_first = _register(person, first, number, PRESENT_AT_BASELINE, rng, ids, batch)
    came = visit_first == "present"
    reached, health = None, None
    if came:
        visit = _last_registration(batch)
        _measure(visit, first, body, sex, rng, ids, batch, baseline=True)
        given = extras.consents(ctx, person, visit["checked_in_at"])
        health = extras.background(ctx, person, visit["checked_in_at"], body, age)
        extras.questionnaires(ctx, person, visit, health)
        if given.get(ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION):
            reached = extras.follow_up_calls(ctx, person, visit, first)
        extras.handover(ctx, person, first)
    visit_ret = None
    comes_back = RETURN_IF_NOT_REACHED if reached is False else RETURN_IF_REACHED
    if came and ret is not None and rng.random() < comes_back:
        visit_ret = _register(person, ret, number, PRESENT_AT_RETURN, rng, ids, batch)
        if visit_ret == "present":
            visit = _last_registration(batch)
            _measure(visit, ret, improved_body(body, rng), sex, rng, ids, batch)
            extras.questionnaires(ctx, person, visit, health, later=True)
    trajectory = _trajectory(ctx, person, first, ret, visit_first, visit_ret, reached)
    batch.add(Trajectory, trajectory)
    if came:
        _goals(trajectory, first, rng, ids, batch)


def _last_registration(batch):
    """The registration row added last (the visit being measured)."""
    return batch.rows[Registration][-1]


def _register(person, session, number, present_share, rng, ids, batch) -> str:
    """Add the registration; returns its attendance ("present", "absent", "unknown", "cancelled")."""
    row = {
        **_stamp(ids, Registration, rng, session.starts_at - dt.timedelta(days=rng.randint(3, 40))),
        "consultation_id": session.pk,
        "participant_id": person["id"],
        "channel": pick(rng, CHANNELS),
        "status": "registered",
        "attendance": "unknown",
        "day_number": number,
    }
    if rng.random() < 0.03:
        row.update(status="cancelled", day_number=None)
    elif session.status == "held":
        present = rng.random() < present_share
        row["attendance"] = "present" if present else "absent"
        if present:
            row["checked_in_at"] = session.starts_at + dt.timedelta(minutes=rng.randint(-10, 20))
    batch.add(Registration, row)
    return "cancelled" if row["status"] == "cancelled" else row["attendance"]


# Where real residents' values lie; tighter than the plausibility ranges that catch typing errors.
def _measure(registration, session, body, sex, rng, ids, batch, baseline=False):
    values = measurement_values(body, baseline)
    at = registration["checked_in_at"] + dt.timedelta(minutes=rng.randint(5, 60))
    for measure, value in values.items():
        partner = (
            values.get(other_bp(measure))
            if measure in (Measure.SYSTOLIC, Measure.DIASTOLIC)
            else None
        )
        fasting = body["fasting"] if measure == Measure.GLUCOSE else None
        rated = verdict(measure, value, partner, sex, fasting)
        batch.add(
            Measurement,
            {
                **_stamp(ids, Measurement, rng, at),
                "registration_id": registration["id"],
                "measure": measure,
                "value": value,
                "unit": unit_for(measure),
                "station": MEASURE_STATION.get(measure, ""),
                "fasting": fasting,
                "measured_at": at,
                "colour": rated.colour,
                "ruleset_version": rated.ruleset_version,
            },
        )


def _trajectory(ctx, person, first, ret, visit_first, visit_ret, reached) -> dict:
    """Status consistent with the registrations and calls, as the trajectory services would have
    moved it by today: drop-out is "stopped" (their choice) or "lost" (nobody reaches them)."""
    rng = ctx.rng
    started = person["created_at"].date()
    first_day = first.starts_at.date()
    row = {
        **_stamp(ctx.ids, Trajectory, rng, person["created_at"]),
        "participant_id": person["id"],
        "started_on": started,
        "status": Trajectory.Status.REGISTERED,
    }
    if visit_first in ("present", "absent"):
        row["baseline_consultation_id"] = first.pk
    if visit_first == "absent" or visit_first == "cancelled" and first.status == "held":
        reason = pick(rng, NO_SHOW_REASONS)
        return {**row, "status": "stopped", "stop_reason": reason, "ended_on": first_day}
    if visit_first != "present":
        return row
    row["follow_up_call_due"] = first_day + dt.timedelta(weeks=ctx.call_weeks)
    waiting = row["follow_up_call_due"] > ctx.today
    row["status"] = Trajectory.Status.BASELINE_DONE if waiting else Trajectory.Status.FOLLOW_UP
    if visit_ret is not None:
        row["return_consultation_id"] = ret.pk
    if visit_ret == "present":
        return {**row, "status": Trajectory.Status.COMPLETED, "ended_on": ret.starts_at.date()}
    if ret is not None and ret.status == "held":
        if reached is not True and rng.random() < 0.6:
            return {**row, "status": "lost", "stop_reason": pick(rng, LOST_REASONS)}
        end = ret.starts_at.date()
        reason = pick(rng, STOP_REASONS)
        return {**row, "status": "stopped", "stop_reason": reason, "ended_on": end}
    return row


def _goals(trajectory, session, rng, ids, batch):
    how_many = pick(rng, GOALS_PER_PERSON)
    for pillar in rng.sample(list(GOAL_TEXTS), how_many):
        text, step = GOAL_TEXTS[pillar]
        batch.add(
            Goal,
            {
                **_stamp(ids, Goal, rng, session.starts_at + dt.timedelta(minutes=80)),
                "trajectory_id": trajectory["id"],
                "consultation_id": session.pk,
                "pillar": pillar,
                "goal_text": text,
                "first_step": step,
                "learning_stage": rng.choice(LearningStage.values),
            },
        )
