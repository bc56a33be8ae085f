"""One synthetic participant and their path: registrations, measurements, trajectory, goals
(consent, background, questionnaires, calls and hand-overs are in `extras`)."""

import datetime as dt

from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.demo import data
from groepsconsult.demo.bulk import uuid_hex
from groepsconsult.demo.synthetic import extras
from groepsconsult.demo.synthetic.batch import Trajectory
from groepsconsult.demo.synthetic.values import (
    baseline_body,
    improved_body,
    measurement_values,
    other_bp,
    pick,
    verdict,
)
from groepsconsult.goals.models import Goal, LearningStage, Pillar
from groepsconsult.measurements.models import Measure, Measurement
from groepsconsult.measurements.stations import MEASURE_STATION, unit_for
from groepsconsult.participants.models import Participant, derived_columns
from groepsconsult.registrations.models import Registration

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
LEARNING_STAGES = LearningStage.values  # a list built on every read of the property
RETURN_IF_REACHED = 0.8  # registers for the return session after a good follow-up call
RETURN_IF_NOT_REACHED = 0.65
# Drop-out as the team writes it down: (reason, weight); "lost" when nobody reaches them.
NO_SHOW_REASONS = {"Kwam niet naar de eerste bijeenkomst": 60, "Geen tijd (werk of mantelzorg)": 20}
NO_SHOW_REASONS |= {"Ziek op de dag zelf": 10, "Ziet er toch van af": 10}
STOP_REASONS = {"Geen tijd (werk of mantelzorg)": 30, "Gezondheidsredenen": 20, "Verhuisd": 10}
STOP_REASONS |= {"Geen interesse meer": 25, "Doet al mee aan ander aanbod": 15}
LOST_REASONS = {"Niet bereikbaar na drie belpogingen": 60, "Telefoonnummer klopt niet": 15}
LOST_REASONS |= {"Kwam niet naar de terugkombijeenkomst": 25}


def _stamp(ids, model, rng, when):
    return {
        "id": ids[model].take(),
        "public_id": uuid_hex(rng),
        "created_at": when,
        "updated_at": when,
    }


def person(ctx, region, hood, gps, first, ret, number):
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
                "learning_stage": rng.choice(LEARNING_STAGES),
            },
        )
