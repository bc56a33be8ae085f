"""What a set of current measurements means: one line per kind, written once for every reader.

`interpret(rows)` turns the current rows of one participant in one session into lines with the
value, unit, colour, word, symbol, advice and rule-set version. The station, the booklet, the
plenary (and later the GP letter and FHIR) read these lines instead of classifying again.

The colour is never recomputed here: it is the colour the station stored when the value was
saved (`classify`), with the rule-set version that produced it. The advice (retest, urgent,
inherited cholesterol) is looked up in that same stored rule-set version, so a row saved under
an older version keeps the colour and advice it was given. Words are lazy: they are translated
when rendered, in the reader's language (the participant's for the booklet).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import pgettext_lazy

from groepsconsult.clinical import load_ruleset
from groepsconsult.measurements.classify import classify_findrisc

# The booklet's order; labels are what participants read ("blood sugar", not "glucose").
KIND_LABELS = {
    "bp": pgettext_lazy("booklet", "Blood pressure"),
    "glucose": pgettext_lazy("booklet", "Blood sugar"),
    "hba1c": pgettext_lazy("booklet", "Long-term blood sugar (HbA1c)"),
    "total_cholesterol": pgettext_lazy("booklet", "Cholesterol"),
    "hdl": pgettext_lazy("booklet", "Good cholesterol (HDL)"),
    "ldl": pgettext_lazy("booklet", "Bad cholesterol (LDL)"),
    "weight": pgettext_lazy("booklet", "Weight"),
    "bmi": pgettext_lazy("booklet", "BMI"),
    "waist": pgettext_lazy("booklet", "Waist"),
    "fat_percent": pgettext_lazy("booklet", "Body fat"),
    "visceral_fat_level": pgettext_lazy("booklet", "Belly fat around your organs"),
    "muscle_mass": pgettext_lazy("booklet", "Muscle mass"),
    "findrisc": pgettext_lazy("booklet", "Diabetes risk test"),
}

UNITS = {
    "bp": "mmHg",
    "findrisc": pgettext_lazy("unit", "points"),
    "visceral_fat_level": pgettext_lazy("unit", "level"),
}

# Colour word and symbol: colour is never the only signal (colour-blind safe).
COLOURS = {
    "green": (pgettext_lazy("booklet", "Green"), pgettext_lazy("booklet", "good"), "✓"),
    "orange": (pgettext_lazy("booklet", "Orange"), pgettext_lazy("booklet", "pay attention"), "!"),
    "red": (pgettext_lazy("booklet", "Red"), pgettext_lazy("booklet", "too high"), "✕"),
}
NO_COLOUR = "none"

ADVICE = {
    "retest": pgettext_lazy("booklet", "Let your GP measure this again."),
    "urgent": pgettext_lazy("booklet", "Very high. Talk to the doctor today."),
    "fh_hint": pgettext_lazy(
        "booklet", "This is very high. Ask your GP about inherited high cholesterol (FH)."
    ),
    "fasting_unknown": pgettext_lazy(
        "booklet", "We do not know if you were fasting, so there is no colour."
    ),
    "sex_needed": pgettext_lazy("booklet", "No colour: the limit is different for men and women."),
}
# Advice that explains a missing colour rather than adding to one.
NOTES = ("fasting_unknown", "sex_needed")

_BP = ("systolic", "diastolic")
_NEEDS_SEX = ("waist", "hdl")


@dataclass(frozen=True)
class Line:
    """One kind of result (blood pressure is one line of two readings)."""

    kind: str
    value: Decimal
    unit: str
    colour: str = NO_COLOUR  # green / orange / red / none
    ruleset_version: str = ""
    advice: tuple[str, ...] = ()  # codes of ADVICE, in that order
    verified: bool = True  # False: the rule rests on an unverified source ("to be confirmed")
    value2: Decimal | None = None  # diastolic, for blood pressure
    fasting: bool | None = None  # for blood sugar

    @property
    def label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def colour_name(self):
        return COLOURS[self.colour][0] if self.colour in COLOURS else ""

    @property
    def word(self):
        return COLOURS[self.colour][1] if self.colour in COLOURS else ""

    @property
    def symbol(self):
        return COLOURS[self.colour][2] if self.colour in COLOURS else "–"

    @property
    def advice_texts(self):
        return [ADVICE[code] for code in self.advice if code in ADVICE]

    def has(self, code: str) -> bool:
        return code in self.advice


def kind_of(measure: str) -> str:
    """The kind (line) a stored measure belongs to: both blood-pressure halves are "bp"."""
    return "bp" if measure in _BP else measure


def _rule_code(kind, fasting):
    if kind == "glucose":
        return "glucose_fasting" if fasting else "glucose_nonfasting"
    return kind


def _ruleset(version):
    try:
        return load_ruleset(version or None)
    except ValueError:  # a version no longer shipped: no advice rather than a guess
        return None


def _advice(kind, colour, version, values, fasting):
    """(advice codes, verified) from the stored colour and the stored rule-set version."""
    ruleset = _ruleset(version) if colour != NO_COLOUR else None
    rule = ruleset.measures.get(_rule_code(kind, fasting)) if ruleset else None
    if rule is None:
        return (), True
    codes = ["retest"] if colour in ruleset.retest_advised_for else []
    for alarm in rule.alarms:
        reading = values.get(alarm.component, values["value"])
        if alarm.flag and reading is not None and alarm.fires(float(reading)):
            codes.append(alarm.flag)
    order = list(ADVICE)  # a flag a newer rule set adds but has no text yet sorts last
    codes.sort(key=lambda c: order.index(c) if c in ADVICE else len(order))
    return tuple(codes), rule.verified


def _missing_colour_note(kind, fasting):
    if kind == "glucose" and fasting is None:
        return ("fasting_unknown",)
    if kind in _NEEDS_SEX:
        return ("sex_needed",)  # the station leaves these blank only when sex is not m/f
    return ()


def _line(kind, rows):
    main = rows[0]
    colour = main.colour or NO_COLOUR
    value2 = rows[1].value if len(rows) > 1 else None
    values = {"value": main.value, "systolic": main.value, "diastolic": value2}
    advice, verified = _advice(kind, colour, main.ruleset_version, values, main.fasting)
    if colour == NO_COLOUR:
        advice = _missing_colour_note(kind, main.fasting)
    return Line(
        kind=kind,
        value=main.value,
        value2=value2,
        unit=UNITS.get(kind, main.unit),
        colour=colour,
        ruleset_version=main.ruleset_version if colour != NO_COLOUR else "",
        advice=advice,
        verified=verified,
        fasting=main.fasting if kind == "glucose" else None,
    )


def _findrisc_line(score):
    """The FINDRISC score from the questionnaire; its colour comes from `classify` too."""
    verdict = classify_findrisc(score.points)
    colour, version = verdict.colour or NO_COLOUR, verdict.ruleset_version
    values = {"value": Decimal(score.points)}
    advice, verified = _advice("findrisc", colour, version, values, None)
    return Line(
        kind="findrisc",
        value=Decimal(score.points),
        unit=UNITS["findrisc"],
        colour=colour,
        ruleset_version=version if colour != NO_COLOUR else "",
        advice=advice,
        verified=verified,
    )


def interpret(rows, *, findrisc=None) -> dict[str, Line]:
    """kind -> Line for the current rows of one participant in one session, in booklet order.

    `rows` are current measurements (a dict measure -> row, or an iterable of rows with
    measure, value, unit, fasting, colour and ruleset_version). Measures without a kind of
    their own (height, pulse) give no line. `findrisc`: an optional scored FINDRISC result.
    """
    by_measure = rows if isinstance(rows, dict) else {row.measure: row for row in rows}
    lines = {}
    for kind in KIND_LABELS:
        if kind == "bp":
            pair = [by_measure.get(m) for m in _BP]
            found = [row for row in pair if row is not None]
            if pair[0] is not None:
                lines[kind] = _line(kind, found)
        elif kind == "findrisc":
            if findrisc is not None:
                lines[kind] = _findrisc_line(findrisc)
        elif kind in by_measure:
            lines[kind] = _line(kind, [by_measure[kind]])
    return lines
