"""Which offers fit a participant: from the goal's pillar and the social-risk "wants help"
answers, near home (the participant's neighbourhood), in their language first, women-only where
asked. A suggestion, never a decision: the team chooses with the participant.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from groepsconsult.goals.models import Pillar
from groepsconsult.goals.selectors import goal_current_for_trajectory
from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.offers.selectors import offer_list_for_region
from groepsconsult.questionnaires.selectors import answers_latest_for_participant
from groepsconsult.trajectories.selectors import trajectory_current

K = NeighbourhoodOffer.Kind
KINDS_BY_PILLAR = {
    "exercise": [K.SPORT, K.LIFESTYLE_COACH],
    "nutrition": [K.DIETITIAN, K.LIFESTYLE_COACH],
    "substances": [K.QUIT_SMOKING],
    "social": [K.WELFARE],
    "meaning": [K.WELFARE],
    "relaxation": [K.MENTAL_HEALTH, K.SPORT],
    "sleep": [K.MENTAL_HEALTH],
}
SOCIAL_RISKS = "social_risks"
# (question code, kind, why): asked only when the participant said they want help.
KINDS_BY_ANSWER = [
    ("money_worries", K.MONEY_HELP, _("money worries")),
    ("housing_problems", K.WELFARE, _("housing problems")),
    ("lonely", K.WELFARE, _("feels lonely")),
    ("smoking", K.QUIT_SMOKING, _("smokes")),
    ("sleeps_badly", K.MENTAL_HEALTH, _("sleeps badly")),
]
HIGH_STRESS = 7


@dataclass
class Suggestion:
    offer: NeighbourhoodOffer
    reasons: list = field(default_factory=list)
    in_language: bool = False


def pillar_kinds(pillar) -> dict[str, list]:
    """{offer kind: [why]} for one lifestyle pillar (the goal page's "hand over" button)."""
    label = Pillar(pillar).label
    return {kind: [_("goal: %s") % label] for kind in KINDS_BY_PILLAR.get(pillar, [])}


def wanted_kinds(*, participant) -> dict[str, list]:
    """{offer kind: [why]} from the current goal and the latest social-risk answers."""
    kinds: dict[str, list] = {}
    trajectory = trajectory_current(participant_id=participant.pk)
    goal = goal_current_for_trajectory(trajectory=trajectory) if trajectory else None
    if goal:
        for kind in KINDS_BY_PILLAR.get(goal.pillar, []):
            kinds.setdefault(kind, []).append(_("goal: %s") % goal.get_pillar_display())
    answers = answers_latest_for_participant(participant=participant, code=SOCIAL_RISKS)
    if answers.get("wants_help") == "yes":
        for code, kind, why in KINDS_BY_ANSWER:
            if answers.get(code) == "yes":
                kinds.setdefault(kind, []).append(why)
        if _as_int(answers.get("stress")) >= HIGH_STRESS:
            kinds.setdefault(K.MENTAL_HEALTH, []).append(_("much stress"))
    return kinds


def _as_int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def handover_suggestions(*, participant, women_only=False, pillar="", limit=8) -> list[Suggestion]:
    """Active offers near home of the wanted kinds; the participant's language first.

    With a `pillar` (a Pillar value) only the offers for that pillar are suggested.
    """
    kinds = pillar_kinds(pillar) if pillar else wanted_kinds(participant=participant)
    if not kinds:
        return []
    offers = offer_list_for_region(
        region=participant.region, neighbourhood=participant.neighbourhood
    ).filter(kind__in=list(kinds))
    if women_only:
        offers = offers.filter(women_only=True)
    elif participant.sex != "female":
        offers = offers.filter(women_only=False)
    language = participant.preferred_language
    found = [
        Suggestion(offer=o, reasons=kinds[o.kind], in_language=language in o.language_codes)
        for o in offers
    ]
    found.sort(key=lambda s: (not s.in_language, s.offer.name))
    return found[:limit]
