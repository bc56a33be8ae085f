"""The variables a pseudonymised export can hold: its codebook, and what an agreement picks from.

An agreement allows variable groups (`GROUPS`) and measures (`MEASURES`); `pseudo_id` is always
there. Names, birth dates, BSN, phone, e-mail, address and postcode are not in this catalogue,
so no agreement can ask for them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from groepsconsult.clinical.rules import PLAUSIBLE_RANGES
from groepsconsult.goals.models import Pillar
from groepsconsult.handovers.models import Handover
from groepsconsult.measurements.models import Measure
from groepsconsult.participants.models import (
    SILS_SOURCE_WORDING,
    Participant,
    ParticipantBackground,
)

ALL = "ALL"  # a generalised neighbourhood
COLOURS = "green | orange | red | none"
# Measures with a baseline and a 6-month value worth sharing (not height: it does not change).
MEASURES = [m for m in Measure if m != Measure.HEIGHT]
QUASI_IDENTIFIERS = ("age_band", "sex", "neighbourhood", "language", "education")
NOT_ASKED = "not asked"


@dataclass(frozen=True)
class Variable:
    name: str
    label: str
    type: str
    unit: str
    allowed: str
    source: str


GROUPS = {
    "demographics": _("Age band, sex and language"),
    "neighbourhood": _("Neighbourhood (CBS code)"),
    "session_dates": _("Session dates (month of the first session, days to the return)"),
    "goal": _("Personal goal: lifestyle pillar"),
    "handovers": _("Hand-over states"),
    "follow_up": _("Follow-up call reached"),
    "background": _("Background answers: education, health literacy (SILS), self-rated health"),
}


def _choices(choices):
    return " | ".join(str(value) for value, _label in choices)


def _fixed_variables():
    return {
        "demographics": [
            Variable(
                "age_band",
                str(_("Age band at the first session")),
                "text",
                str(_("years")),
                "e.g. 40-49, 80+",
                "participants: date of birth",
            ),
            Variable(
                "sex",
                str(_("Sex")),
                "category",
                "",
                _choices(Participant.Sex.choices),
                "participants",
            ),
            Variable(
                "language",
                str(_("Preferred language")),
                "category",
                "",
                _choices(settings.PARTICIPANT_LANGUAGES),
                "participants",
            ),
        ],
        "neighbourhood": [
            Variable(
                "neighbourhood",
                str(_("Neighbourhood of residence (first session's if unknown)")),
                "category",
                "",
                f"CBS code (BU…) | {ALL} (generalised)",
                "participants, regions",
            ),
        ],
        "session_dates": [
            Variable(
                "baseline_month",
                str(_("Month of the first session")),
                "text",
                "",
                "YYYY-MM",
                "trajectories",
            ),
            Variable(
                "return_days",
                str(_("Days from the first session to the 6-month session")),
                "integer",
                str(_("days")),
                ">= 0, empty without a return",
                "trajectories",
            ),
        ],
        "goal": [
            Variable(
                "goal_pillar",
                str(_("Lifestyle pillar of the latest personal goal")),
                "category",
                "",
                _choices(Pillar.choices),
                "goals",
            ),
        ],
        "handovers": [
            Variable(
                "handover_states",
                str(_("States of the person's hand-overs, separated by ;")),
                "text",
                "",
                _choices(Handover.Status.choices),
                "handovers",
            ),
        ],
        "follow_up": [
            Variable(
                "follow_up_reached",
                str(_("Reached by the follow-up call after the first session")),
                "category",
                "",
                "yes | no",
                "followups",
            ),
        ],
        "background": _background_variables(),
    }


def _background_variables():
    answers = ParticipantBackground
    return [
        Variable(
            "education",
            str(_("Highest completed education (optional question at the first session)")),
            "category",
            "",
            _choices(answers.Education.choices) + f" | {NOT_ASKED}",
            "participants: background (CBS SOI 2021 codes)",
        ),
        Variable(
            "health_literacy",
            str(_("Needs help reading written material from the doctor or pharmacy (SILS)")),
            "category",
            "",
            _choices(answers.HelpReading.choices)
            + f" | {NOT_ASKED} (1 never ... 5 always; limited if > 2)",
            f'SILS, English source wording: "{SILS_SOURCE_WORDING}" '
            + str(_("The Dutch wording asked is our translation, still to be confirmed.")),
        ),
        Variable(
            "self_rated_health",
            str(_("Self-rated health (GGD health monitor wording)")),
            "category",
            "",
            _choices(answers.SelfRatedHealth.choices)
            + f" | {NOT_ASKED} (1 very good ... 5 very poor)",
            "participants: background",
        ),
    ]


def _measure_variables(measure):
    low, high, unit = PLAUSIBLE_RANGES.get(measure, ("", "", ""))
    label, light = Measure(measure).label, _("traffic light")
    return [
        Variable(
            f"{measure}_{when}",
            f"{label}: {title}",
            "decimal",
            unit,
            f"{low}-{high}",
            "measurements (current value)",
        )
        for when, title in (("baseline", _("first session")), ("return", _("6-month session")))
    ] + [
        Variable(
            f"{measure}_colour_{when}",
            f"{label}: {light} ({title})",
            "category",
            "",
            COLOURS,
            "measurements (colour stored when measured)",
        )
        for when, title in (("baseline", _("first session")), ("return", _("6-month session")))
    ]


def variables_for(*, groups, measures) -> list[Variable]:
    """The codebook of an agreement: pseudo_id, then its groups and measures, in a fixed order."""
    fixed = _fixed_variables()
    result = [
        Variable(
            "pseudo_id",
            str(_("Keyed-hash id of the person, stable within this project only")),
            "text",
            "",
            "16 hexadecimal characters",
            "HMAC-SHA256 with the project's secret key",
        )
    ]
    for group in GROUPS:
        if group in groups:
            result += fixed[group]
    for measure in MEASURES:
        if measure in measures:
            result += _measure_variables(measure)
    return result
