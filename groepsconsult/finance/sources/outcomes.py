"""The outcomes the SROI values and the break-even outcome (docs/finance.md, "Method")."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Outcome:
    """One outcome valued in the SROI (docs/finance.md, "Method").

    value_keys: their product is the value per participant per year (qty x financial proxy);
    adjustments: the stage-4 keys (deadweight, displacement, attribution, drop-off);
    shares: {party: key} the share of the outcome's value each party gets.
    """

    key: str
    label: str
    value_keys: tuple
    adjustments: dict
    shares: dict


def _stage4(suffix):
    return {
        name: f"{name}_{suffix}"
        for name in ("deadweight", "displacement", "attribution", "dropoff")
    }


OUTCOMES = [
    Outcome(
        "t2d",
        _("Type 2 diabetes avoided or delayed"),
        ("conv_rate", "rrr_realworld", "t2d_cost_pp"),
        _stage4("t2d"),
        {"insurer": "insurer_share_t2d"},
    ),
    Outcome(
        "gp",
        _("GP and practice-nurse time freed"),
        ("gp_consults_saved_pp", "gp_consult_ref"),
        _stage4("gp"),
        {"gp_organisation": "share_gp_gp_organisation"},
    ),
    Outcome(
        "municipal",
        _("Money, loneliness and participation outcomes"),
        ("municipal_value_pp",),
        _stage4("municipal"),
        {"municipality": "share_municipal_municipality"},
    ),
]

# Break-even: (outcome key, the keys whose product is conversions avoided per participant/year).
BREAK_EVEN = ("t2d", ("conv_rate", "rrr_realworld"))
