"""Turn fetched booklet data into what the booklet shows: lines with traffic lights, heart age,
goal, next steps. No database access here (the selectors fetched everything), so a batch of 15
costs no more queries than the selectors spent.

Colours are recomputed with the rule-set version stored on each measurement, which reproduces
the colour shown at the station and also colours blood pressure from both readings together.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from groepsconsult import clinical
from groepsconsult.documents import texts


@dataclass
class Line:
    key: str
    label: str
    explanation: str
    value: Decimal
    decimals: int
    unit: str
    value2: Decimal | None = None  # diastolic, for blood pressure
    colour: str = "none"
    note: str = ""
    retest: bool = False
    urgent: bool = False
    fh_hint: bool = False
    previous: Decimal | None = None
    previous2: Decimal | None = None
    direction: str = ""  # up / down / same, at a return session
    fasting_word: object = ""  # lazy "fasting" / "not fasting", for blood sugar
    ruleset_version: str = ""
    verified: bool = True  # False: the rule rests on an unverified source ("to be confirmed")

    @property
    def colour_name(self):
        return texts.COLOURS[self.colour][0] if self.colour in texts.COLOURS else ""

    @property
    def colour_word(self):
        return texts.COLOURS[self.colour][1] if self.colour in texts.COLOURS else ""

    @property
    def symbol(self):
        return texts.COLOURS[self.colour][2] if self.colour in texts.COLOURS else "–"

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
    risk_percent: float | None = None  # SCORE2(-OP) 10-year risk, for the GP letter
    risk_band: str = ""  # ESC 2021 category: low_moderate / high / very_high

    @property
    def explanation(self):
        return texts.HEART_AGE_EXPLAINED

    @property
    def reason_text(self):
        return texts.HEART_AGE_REASONS.get(self.reason, "")


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


def age_on(date_of_birth, day):
    return (
        day.year
        - date_of_birth.year
        - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
    )


def _light(key, rows, sex):
    """A clinical Light for this measure, or (None, note) when no colour can be given."""
    main = rows[0]
    kwargs = {"ruleset": main.ruleset_version or None}
    if key == "bp":
        if len(rows) < 2:
            return None, ""
        kwargs["diastolic"] = float(rows[1].value)
    elif key == "glucose":
        if main.fasting is None:
            return None, texts.FASTING_UNKNOWN
        kwargs["fasting"] = main.fasting
    elif key in ("waist", "hdl"):
        if sex not in clinical.SEXES:
            return None, texts.SEX_NEEDED
        kwargs["sex"] = sex
    try:
        return clinical.traffic_light(key, float(main.value), **kwargs), ""
    except ValueError:
        try:  # an unknown stored rule-set version: fall back to the current one
            kwargs["ruleset"] = None
            return clinical.traffic_light(key, float(main.value), **kwargs), ""
        except ValueError:  # no rule for this measure (weight): shown without a colour
            return None, ""


def _rows(key, measurements):
    if key == "bp":
        # Systolic first: it is the value the rule classifies and the one compared over time.
        pair = [measurements.get("systolic"), measurements.get("diastolic")]
        return pair if all(pair) else pair[:1] if pair[0] else []
    row = measurements.get(key)
    return [row] if row else []


def _direction(new, old, decimals):
    step = Decimal(1).scaleb(-decimals)
    new_r, old_r = new.quantize(step), old.quantize(step)
    return "same" if new_r == old_r else ("up" if new_r > old_r else "down")


def _line(key, label, explanation, decimals, rows, previous_rows, sex):
    main = rows[0]
    line = Line(
        key=key,
        label=label,
        explanation=explanation,
        value=main.value,
        value2=rows[1].value if len(rows) > 1 else None,
        decimals=decimals,
        unit=texts.UNITS.get(key, main.unit),
    )
    light, note = _light(key, rows, sex)
    line.note = note
    if light is not None:
        line.colour = light.colour
        line.retest = light.retest_advised
        line.urgent = light.urgent
        line.fh_hint = light.fh_hint
        line.ruleset_version = light.ruleset_version
        line.verified = light.verified
    if key == "glucose" and main.fasting is not None:
        # Kept lazy: it is translated when the booklet renders, in the participant's language.
        line.fasting_word = texts.FASTING if main.fasting else texts.NOT_FASTING
    if previous_rows:
        line.previous = previous_rows[0].value
        line.previous2 = previous_rows[1].value if len(previous_rows) > 1 else None
        line.direction = _direction(line.value, line.previous, decimals)
    return line


class _Score:
    """A FINDRISC score dressed as a measurement row, so it flows through the same code."""

    def __init__(self, points):
        self.value = Decimal(points)
        self.unit = "points"
        self.fasting = None
        self.ruleset_version = ""


def build_lines(measurements, previous, sex, findrisc=None):
    measurements = dict(measurements)
    if findrisc is not None:
        measurements["findrisc"] = _Score(findrisc.points)
    lines = []
    for key, label, explanation, decimals in texts.MEASURES:
        rows = _rows(key, measurements)
        if rows:
            lines.append(_line(key, label, explanation, decimals, rows, _rows(key, previous), sex))
    return lines


def heart_age(*, age, sex, measurements, risk_inputs):
    """SCORE2 risk age where the model applies (clinical.md §3.5), else the reason why not."""
    result = HeartAge(age=age)
    reason = clinical.heart_age_applicability(
        age=age,
        diabetes=bool(risk_inputs.get("diabetes")),
        known_cvd=bool(risk_inputs.get("known_cvd")),
    )
    if reason:
        result.reason = reason
        return result
    if sex not in clinical.SEXES:
        result.reason = "sex"
        return result
    needed = [measurements.get(m) for m in ("systolic", "total_cholesterol", "hdl")]
    answers = [risk_inputs.get(k) for k in ("smoker", "diabetes", "known_cvd")]
    # Unanswered diabetes or heart disease questions: a heart age could understate the risk.
    if any(v is None for v in needed + answers):
        result.reason = "missing"
        return result
    sbp, tc, hdl = (float(row.value) for row in needed)
    try:
        risk = clinical.score2(
            age=age, sex=sex, smoker=risk_inputs["smoker"], sbp=sbp, total_chol=tc, hdl=hdl
        )
        result.value = clinical.risk_age(sex=sex, risk_percent=risk)
        result.risk_percent = risk
        result.risk_band = clinical.risk_category(age=age, risk_percent=risk)
    except ValueError:
        result.reason = "missing"
    return result


def _session_day(consultation):
    # starts_at is required on a consultation; the age is the age on the day of the session.
    return timezone.localtime(consultation.starts_at).date()


def build_booklet(source, *, consultation):
    registration = source.registration
    participant = registration.participant
    age = age_on(participant.date_of_birth, _session_day(consultation))
    findrisc = source.risk_inputs.get("findrisc")
    lines = build_lines(source.measurements, source.previous, participant.sex, findrisc)
    versions = sorted({line.ruleset_version for line in lines if line.ruleset_version})
    goal = source.goal
    trajectory = source.trajectory
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
            age=age,
            sex=participant.sex,
            measurements=source.measurements,
            risk_inputs=source.risk_inputs,
        ),
        goal=goal,
        pillar=texts.PILLARS.get(goal.pillar, "") if goal else "",
        trajectory=trajectory,
        next_session=next_session,
        is_return=consultation.kind == "return",
        previous_consultation=source.previous_consultation,
        ruleset_versions=versions or [clinical.DEFAULT_RULESET_VERSION],
        unverified_rules=any(not line.verified for line in lines),
    )
