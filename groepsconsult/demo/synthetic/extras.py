"""What a first session leaves besides measurements and goals: consent per purpose, background
answers, questionnaires, the follow-up call attempts and a warm hand-over, each as the service
that records it would write it (same required fields, same paired fields, same trails).

Every function adds rows to `ctx.batch` and draws only from `ctx.rng`, in a fixed order, so a
seed gives the same data every time.
"""

import datetime as dt
import functools
from dataclasses import dataclass

from django.utils import timezone

from groepsconsult.consent.models import Consent, ConsentPurpose
from groepsconsult.demo.bulk import uuid_hex
from groepsconsult.demo.synthetic.values import pick
from groepsconsult.followups.models import FollowUpAttempt
from groepsconsult.handovers.models import Handover, HandoverEvent
from groepsconsult.participants.models import ParticipantBackground
from groepsconsult.questionnaires.models import LANGUAGES, Answer, Response
from groepsconsult.questionnaires.models import Question as Q

P = ConsentPurpose
# Share that gives consent when asked at the first session; the rest refuse.
CONSENT_GIVEN = {
    P.ANONYMOUS_MONITORING: 0.97,
    P.SHARE_WITH_GP: 0.88,
    P.CONTACT_BY_HEALTH_CHAMPION: 0.8,
    P.PSEUDONYMISED_RESEARCH: 0.4,
}
RESEARCH_WITHDRAWN = 0.02
WITHDRAW_REASONS = ["Wil er toch niet aan meedoen", "Geen reden opgegeven"]
BACKGROUND_ASKED = 0.8
B = ParticipantBackground
# The people a group consultation reaches: more often lower-educated (CBS SOI 2021 codes).
EDUCATION = {"11": 12, "12": 22, "211": 20, "212": 12, "213": 5, "31": 9, "32": 4}
EDUCATION |= {"foreign": 11, B.DECLINED: 5}
LOW_EDUCATION = {"11", "12", "foreign"}
HELP_READING = ({"1": 50, "2": 20, "3": 15, "4": 7, "5": 3, B.DECLINED: 5},)
HELP_READING += ({"1": 30, "2": 20, "3": 25, "4": 12, "5": 8, B.DECLINED: 5},)
HEALTH = ({"1": 9, "2": 45, "3": 33, "4": 9, "5": 2, B.DECLINED: 2},)  # fit and younger
HEALTH += ({"1": 4, "2": 30, "3": 42, "4": 18, "5": 4, B.DECLINED: 2},)  # BMI >= 32 or 70+
F = FollowUpAttempt.Outcome
CALL_OUTCOMES = {F.REACHED: 55, F.NO_ANSWER: 33, F.WRONG_NUMBER: 4, F.DECLINED: 4}
CALL_OUTCOMES |= {F.MOVED_AWAY: 4}
HOW_WAS_IT = ["Fijn, veel geleerd", "Goed, gezellig", "Spannend, maar goed", "Wat lang"]
STEPS = ["Meer gewandeld", "Minder suiker", "Afspraak bij de huisarts", "Nog niets", "Gestopt"]
PROGRESS = {"not_started": 25, "some": 55, "achieved": 20}
HANDOVER_SHARE = 0.3
MEDICAL = {"lifestyle_coach", "mental_health", "dietitian", "quit_smoking"}
HANDED_BY = ["Buurtcoach", "Ervaringsdeskundige", "Praktijkondersteuner", "Wijkverpleegkundige"]
S = Handover.Status
# From each status: {(next status, at most days it takes): weight}; None: stays (still going).
STEPS_FROM = {
    S.PROPOSED: {(S.REQUESTED, 3): 95, (S.STOPPED, 5): 3, (None, 0): 2},
    S.REQUESTED: {(S.ACCEPTED, 5): 85, (S.DECLINED, 5): 10, (S.STOPPED, 10): 5},
    S.ACCEPTED: {(S.CONTACTED, 7): 85, (S.NO_CONTACT, 14): 10, (S.STOPPED, 14): 5},
    S.CONTACTED: {(S.APPOINTMENT_PLANNED, 10): 85, (S.STOPPED, 14): 15},
    S.APPOINTMENT_PLANNED: {(S.STARTED, 21): 80, (S.NO_CONTACT, 21): 10, (S.STOPPED, 21): 10},
    S.STARTED: {(S.COMPLETED, 120): 60, (S.STOPPED, 90): 25, (None, 0): 15},
}
RECEIVER = {S.ACCEPTED, S.DECLINED, S.CONTACTED, S.APPOINTMENT_PLANNED, S.STARTED, S.COMPLETED}
ENDED_REASONS = ["Geen tijd", "Past toch niet", "Wachtlijst te lang", "Niet bereikbaar"]
FILLS = {"positive_health": 0.5, "social_risks": 0.35, "experience": 0.4}
# Experience ratings (1-5) lean positive; synthetic weights, not a measured distribution.
LIKERT = {"5": 40, "4": 35, "3": 15, "2": 6, "1": 4}
SOCIAL_YES = {"money_worries": 0.3, "housing_problems": 0.12, "lonely": 0.25}
SOCIAL_YES |= {"sleeps_badly": 0.3, "smoking": 0.22, "cardiovascular_disease": 0.08}
SOCIAL_YES |= {"kidney_disease": 0.04, "familial_hypercholesterolaemia": 0.03, "wants_help": 0.25}


@dataclass
class Ctx:
    """Everything the per-person generators share for one region."""

    rng: object
    ids: dict
    batch: object
    today: dt.date
    user_id: int
    username: str
    receiver: tuple  # (user id, username) of whoever takes the offers' steps
    texts: dict
    forms: dict
    offers: dict
    call_weeks: int
    progress: object  # called with the Counts after each batch


def stamp(ctx, model, when, public=True) -> dict:
    row = {"id": ctx.ids[model].take(), "created_at": when, "updated_at": when}
    if public:
        row["public_id"] = uuid_hex(ctx.rng)
    return row


def consents(ctx, person, at) -> dict:
    """One decision per purpose, recorded at the first session. Returns {purpose: given}."""
    rng, given = ctx.rng, {}
    how = Consent.How.PAPER if rng.random() < 0.7 else Consent.How.DIGITAL
    for purpose, share in CONSENT_GIVEN.items():
        if purpose not in ctx.texts:
            continue
        given[purpose] = yes = rng.random() < share
        row = {
            **stamp(ctx, Consent, at),
            "participant_id": person["id"],
            "purpose": purpose,
            "text_id": ctx.texts[purpose],
            "decision": Consent.Decision.GIVEN if yes else Consent.Decision.REFUSED,
            "recorded_how": how,
            "recorded_by_id": ctx.user_id,
            "recorded_at": at,
        }
        if yes and purpose == P.PSEUDONYMISED_RESEARCH and rng.random() < RESEARCH_WITHDRAWN:
            later = min(at + dt.timedelta(days=rng.randint(1, 90)), _end_of(ctx.today))
            row |= {"withdrawn_at": max(later, at), "withdrawn_by_id": ctx.user_id}
            row["withdrawal_reason"] = rng.choice(WITHDRAW_REASONS)
            given[purpose] = False
        ctx.batch.add(Consent, row)
    return given


@functools.lru_cache(maxsize=4096)
def _end_of(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 0)))


def background(ctx, person, at, body, age) -> str | None:
    """The equity questions for most who came; returns the self-rated health code (or None)."""
    rng = ctx.rng
    if rng.random() >= BACKGROUND_ASKED:
        return None
    education = pick(rng, EDUCATION)
    bmi = body["weight"] / (body["height"] / 100) ** 2
    health = pick(rng, HEALTH[bmi >= 32 or age >= 70])
    row = {
        **stamp(ctx, B, at),
        "participant_id": person["id"],
        "education": education,
        "help_reading": pick(rng, HELP_READING[education in LOW_EDUCATION]),
        "self_rated_health": health,
        "recorded_by": ctx.username,
    }
    ctx.batch.add(B, row)
    return health


def follow_up_calls(ctx, person, registration, session) -> bool | None:
    """Attempts from the due date on (only with contact consent): up to three, stopping at a
    final outcome or when the next try lies after today. Returns reached (None: no call yet)."""
    rng = ctx.rng
    due = session.starts_at.date() + dt.timedelta(weeks=ctx.call_weeks)
    day = due + dt.timedelta(days=rng.randint(0, 14))
    reached = None
    for _ in range(3):
        if day > ctx.today:
            break
        at = _end_of(day).replace(hour=rng.randint(9, 17), minute=rng.randint(0, 59))
        outcome = pick(rng, CALL_OUTCOMES)
        row = {
            **stamp(ctx, FollowUpAttempt, at),
            "region_id": person["region_id"],
            "participant_id": person["id"],
            "consultation_id": session.pk,
            "outcome": outcome,
            "called_at": at,
            "called_by_id": ctx.user_id,
        }
        retry = day + dt.timedelta(days=rng.randint(2, 5))
        if outcome == F.NO_ANSWER:
            row["retry_on"] = retry
        elif outcome == F.REACHED:
            row |= {
                "how_was_it": rng.choice(HOW_WAS_IT),
                "steps_taken": rng.choice(STEPS),
                "goal_progress": pick(rng, PROGRESS),
            }
        ctx.batch.add(FollowUpAttempt, row)
        reached = outcome == F.REACHED
        if outcome != F.NO_ANSWER:
            break
        day = retry
    return reached


def handover(ctx, person, session):
    """A warm hand-over for some who came, to an offer of their neighbourhood, walked along
    the hand-over's steps as far as the days since the session allow."""
    rng = ctx.rng
    offers = ctx.offers.get(person["neighbourhood_id"]) or []
    if not offers or rng.random() >= HANDOVER_SHARE:
        return
    medical = rng.random() < 0.45
    fitting = [o for o in offers if (o[1] in MEDICAL) == medical] or offers
    offer_id, _kind = fitting[rng.randrange(len(fitting))]
    at = session.starts_at + dt.timedelta(minutes=rng.randint(60, 100))
    row = {
        **stamp(ctx, Handover, at),
        "region_id": person["region_id"],
        "participant_id": person["id"],
        "offer_id": offer_id,
        "handed_over_by": rng.choice(HANDED_BY),
        "referrer_id": ctx.user_id,
        "status": S.PROPOSED,
    }
    events = [(at, "", S.PROPOSED)]
    status, now = S.PROPOSED, _end_of(ctx.today)
    while status in STEPS_FROM:
        target, days = pick(rng, STEPS_FROM[status])
        at = at + dt.timedelta(days=rng.randint(0 if status == S.PROPOSED else 1, max(days, 1)))
        if target is None or at > now:
            break
        _step(rng, row, target, at)
        events.append((at, status, target))
        status = target
    row["status_changed_at"] = events[-1][0]
    ctx.batch.add(Handover, row)
    for when, before, after in events:
        by_receiver = after in RECEIVER | {S.NO_CONTACT} or (
            after == S.STOPPED and before != S.PROPOSED
        )
        ctx.batch.add(
            HandoverEvent,
            {
                "id": ctx.ids[HandoverEvent].take(),
                "handover_id": row["id"],
                "at": when,
                "by_id": ctx.receiver[0] if by_receiver else ctx.user_id,
                "by_name": ctx.receiver[1] if by_receiver else ctx.username,
                "from_status": before,
                "to_status": after,
            },
        )


def _step(rng, row, target, at):
    row["status"] = target
    if target == S.REQUESTED:
        row["requested_at"] = at
    elif target == S.CONTACTED:
        row["first_contact_at"] = at
    elif target == S.APPOINTMENT_PLANNED:
        row["first_appointment_on"] = (at + dt.timedelta(days=rng.randint(3, 14))).date()
    elif target in (S.DECLINED, S.STOPPED, S.NO_CONTACT):
        row["reason"] = rng.choice(ENDED_REASONS)


def questionnaires(ctx, person, registration, health, later=False):
    """Positive health (and, at the first session, social risks and the experience
    questionnaire) for some who came."""
    rng = ctx.rng
    for code, share in FILLS.items():
        if code not in ctx.forms or (later and code != "positive_health"):
            continue
        if rng.random() >= share:
            continue
        form_id, questions = ctx.forms[code]
        started = registration["checked_in_at"] + dt.timedelta(minutes=rng.randint(5, 40))
        complete = rng.random() < 0.9
        language = person["preferred_language"]
        row = {
            **stamp(ctx, Response, started),
            "questionnaire_id": form_id,
            "consultation_id": registration["consultation_id"],
            "registration_id": registration["id"],
            "language": language if language in LANGUAGES else "nl",
            "filled_by_id": ctx.user_id,
            "filled_by_participant": rng.random() < 0.3,
            "started_at": started,
        }
        if complete:
            row["completed_at"] = started + dt.timedelta(minutes=rng.randint(4, 15))
        row["updated_at"] = row.get("completed_at", started)
        ctx.batch.add(Response, row)
        answered = questions if complete else questions[: rng.randint(1, len(questions))]
        level = 7.0 - (int(health) - 2 if health and health.isdigit() else 0) + (0.5 * later)
        for question_id, qcode, kind, options, required in answered:
            value = _answer(rng, qcode, kind, options, required, level)
            if value:
                ctx.batch.add(
                    Answer,
                    {
                        **stamp(ctx, Answer, row["updated_at"], public=False),
                        "response_id": row["id"],
                        "question_id": question_id,
                        "value": value,
                    },
                )


def _answer(rng, code, kind, options, required, level) -> str:
    if not required and rng.random() < 0.1:
        return ""  # an optional question left open
    if kind == Q.Kind.SCALE_0_10:
        centre = 5.0 if code == "stress" else level
        return str(min(10, max(0, round(rng.gauss(centre, 1.6)))))
    if kind == Q.Kind.YES_NO:
        return "yes" if rng.random() < SOCIAL_YES.get(code, 0.12) else "no"
    if kind == Q.Kind.SINGLE_CHOICE and set(options or ()) == set(LIKERT):
        return pick(rng, LIKERT)
    if kind == Q.Kind.SINGLE_CHOICE and options:
        return rng.choice(options)
    return ""
