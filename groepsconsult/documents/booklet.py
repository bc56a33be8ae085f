"""Turn fetched booklet data into what the booklet shows: lines with traffic lights, heart age,
goal, next steps. No database access here (the selectors fetched everything), so a batch of 15
costs no more queries than the selectors spent.

Colours, words, symbols and advice come from `measurements.interpretation.interpret`: the
colour the station stored, never recomputed here.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from groepsconsult import clinical
from groepsconsult.documents import texts
from groepsconsult.handovers.models import ENDED_WITHOUT_RESULT
from groepsconsult.measurements import interpretation


@dataclass
class Line:
    """A booklet row: the interpreted result (measurements.interpretation) plus what only the
    booklet adds: the explanation, the decimals shown and the comparison with the first time."""

    result: interpretation.Line
    explanation: str
    decimals: int
    previous: Decimal | None = None
    previous2: Decimal | None = None
    direction: str = ""  # up / down / same, at a return session

    key = property(lambda self: self.result.kind)
    label = property(lambda self: self.result.label)
    value = property(lambda self: self.result.value)
    value2 = property(lambda self: self.result.value2)
    unit = property(lambda self: self.result.unit)
    colour = property(lambda self: self.result.colour)
    colour_name = property(lambda self: self.result.colour_name)
    colour_word = property(lambda self: self.result.word)
    symbol = property(lambda self: self.result.symbol)
    ruleset_version = property(lambda self: self.result.ruleset_version)
    verified = property(lambda self: self.result.verified)
    retest = property(lambda self: self.result.has("retest"))
    urgent = property(lambda self: self.result.has("urgent"))
    fh_hint = property(lambda self: self.result.has("fh_hint"))

    @property
    def note(self):
        notes = [interpretation.ADVICE[c] for c in self.result.advice if c in interpretation.NOTES]
        return notes[0] if notes else ""

    @property
    def fasting_word(self):
        # Kept lazy: it is translated when the booklet renders, in the participant's language.
        if self.result.fasting is None:
            return ""
        return texts.FASTING if self.result.fasting else texts.NOT_FASTING

    @property
    def arrow(self):
        return texts.DIRECTIONS[self.direction][0] if self.direction else ""

    @property
    def direction_word(self):
        return texts.DIRECTIONS[self.direction][1] if self.direction else ""


@dataclass
class HeartAge:
    age: int
    value: float | None = None
    reason: str = ""

    @property
    def explanation(self):
        return texts.HEART_AGE_EXPLAINED

    @property
    def reason_text(self):
        return texts.HEART_AGE_REASONS.get(self.reason, "")


@dataclass
class CvRisk:
    """SCORE2(-OP) 10-year risk for the care team's screens, unrounded, or why it is withheld."""

    percent: float | None = None
    category: str = ""  # ESC 2021 band: low_moderate, high, very_high
    reason: str = ""

    @property
    def category_text(self):
        return texts.CV_RISK_BANDS.get(self.category, "")

    @property
    def reason_text(self):
        return texts.CV_RISK_REASONS.get(self.reason, "")


@dataclass
class Booklet:
    registration: object
    participant: object
    consultation: object
    language: str
    rtl: bool
    lines: list[Line]
    heart_age: HeartAge
    goal: object
    pillar: str
    trajectory: object
    is_return: bool
    previous_consultation: object
    next_session: object = None
    ruleset_versions: list[str] = field(default_factory=list)
    unverified_rules: bool = False
    cv_risk: CvRisk | None = None
    handovers: list = field(default_factory=list)  # the trajectory's actual hand-overs
    # Set by the views from clinical_signoff: a rule set used here is not yet approved by the
    # region's responsible physician, so the booklet carries the "draft thresholds" line.
    draft_thresholds: bool = False

    @property
    def handovers_going(self):
        """The participant's page names only hand-overs still on (declined or stopped ones
        are for the team and the GP letter, not a promise to the participant)."""
        return [h for h in self.handovers if h.status not in ENDED_WITHOUT_RESULT]


def age_on(date_of_birth, day):
    return (
        day.year
        - date_of_birth.year
        - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
    )


def _direction(new, old, decimals):
    step = Decimal(1).scaleb(-decimals)
    new_r, old_r = new.quantize(step), old.quantize(step)
    return "same" if new_r == old_r else ("up" if new_r > old_r else "down")


def _line(result, explanation, decimals, previous):
    line = Line(result=result, explanation=explanation, decimals=decimals)
    if previous is not None:
        line.previous, line.previous2 = previous.value, previous.value2
        line.direction = _direction(line.value, line.previous, decimals)
    return line


def build_lines(measurements, previous, findrisc=None):
    """Booklet rows from the interpreted current results (stored colours, never recomputed)."""
    results = interpretation.interpret(measurements, findrisc=findrisc)
    earlier = interpretation.interpret(previous)
    return [
        _line(results[key], explanation, decimals, earlier.get(key))
        for key, explanation, decimals in texts.MEASURES
        if key in results
    ]


def _conditions(risk_inputs):
    # Only a recorded "yes" excludes here; an unanswered question is caught as "missing" below.
    return {c: bool(risk_inputs.get(c)) for c in clinical.EXCLUDING_CONDITIONS}


def cv_risk(*, age, sex, measurements, risk_inputs):
    """SCORE2 (40-69) or SCORE2-OP (70-89) risk, or the reason it is withheld (clinical.md §3.2:
    not for diabetes, known CVD, chronic kidney disease or FH)."""
    reason = clinical.score2_applicability(age=age, **_conditions(risk_inputs))
    if reason:
        return CvRisk(reason=reason)
    if sex not in clinical.SEXES:
        return CvRisk(reason="sex")
    needed = [measurements.get(m) for m in ("systolic", "total_cholesterol", "hdl")]
    answers = [risk_inputs.get(k) for k in ("smoker", *clinical.EXCLUDING_CONDITIONS)]
    # An unanswered condition question: a risk could understate the real risk, so withhold it.
    if any(v is None for v in needed + answers):
        return CvRisk(reason="missing")
    sbp, tc, hdl = (float(row.value) for row in needed)
    try:
        percent = clinical.score2(
            age=age, sex=sex, smoker=risk_inputs["smoker"], sbp=sbp, total_chol=tc, hdl=hdl
        )
    except ValueError:
        return CvRisk(reason="missing")
    return CvRisk(percent=percent, category=clinical.risk_category(age=age, risk_percent=percent))


def heart_age(*, age, sex, risk, risk_inputs):
    """SCORE2 risk age where the model applies (clinical.md §3.5), else the reason why not.

    ``risk`` is the CvRisk above: its unrounded percentage feeds the risk age, which is itself
    unrounded (the template rounds once, for display).
    """
    result = HeartAge(age=age)
    reason = clinical.heart_age_applicability(age=age, **_conditions(risk_inputs))
    result.reason = reason or risk.reason
    if not result.reason:
        result.value = clinical.risk_age(sex=sex, risk_percent=risk.percent)
    return result


def _session_day(consultation):
    # starts_at is required on a consultation; the age is the age on the day of the session.
    return timezone.localtime(consultation.starts_at).date()


def build_booklet(source, *, consultation):
    registration = source.registration
    participant = registration.participant
    age = age_on(participant.date_of_birth, _session_day(consultation))
    findrisc = source.risk_inputs.get("findrisc")
    lines = build_lines(source.measurements, source.previous, findrisc)
    versions = sorted({line.ruleset_version for line in lines if line.ruleset_version})
    goal = source.goal
    trajectory = source.trajectory
    risk = cv_risk(
        age=age,
        sex=participant.sex,
        measurements=source.measurements,
        risk_inputs=source.risk_inputs,
    )
    next_session = None
    if trajectory and trajectory.return_consultation_id not in (None, consultation.pk):
        next_session = trajectory.return_consultation
    return Booklet(
        registration=registration,
        participant=participant,
        consultation=consultation,
        language=participant.preferred_language or "nl",
        rtl=participant.preferred_language == "ar",
        lines=lines,
        heart_age=heart_age(
            age=age, sex=participant.sex, risk=risk, risk_inputs=source.risk_inputs
        ),
        cv_risk=risk,
        goal=goal,
        handovers=source.handovers,
        pillar=texts.PILLARS.get(goal.pillar, "") if goal else "",
        trajectory=trajectory,
        next_session=next_session,
        is_return=consultation.kind == "return",
        previous_consultation=source.previous_consultation,
        ruleset_versions=versions or [clinical.DEFAULT_RULESET_VERSION],
        unverified_rules=any(not line.verified for line in lines),
    )
