"""The groups of the equity view's dimensions as expressions over `TrajectoryFact`: shared by
the view's fact path (`equity.py`) and the pre-aggregate that stores them (`panels.py`), so
both put a person in the same group."""

from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _

from groepsconsult.participants.models import ParticipantBackground

UNKNOWN = "unknown"
B = ParticipantBackground
EDUCATION = {
    "low": ((B.Education.PRIMARY, B.Education.LOWER_SECONDARY), _("Low (up to mbo-1)")),
    "middle": (
        (B.Education.MBO_2_3, B.Education.MBO_4, B.Education.HAVO_VWO),
        _("Middle (mbo-2 to havo/vwo)"),
    ),
    "high": ((B.Education.BACHELOR, B.Education.MASTER), _("High (hbo or university)")),
}
# SILS: needing help "sometimes" or more often (answer > 2) marks limited health literacy.
LITERACY = {
    "adequate": ((B.HelpReading.NEVER, B.HelpReading.RARELY), _("Adequate")),
    "limited": (
        (B.HelpReading.SOMETIMES, B.HelpReading.OFTEN, B.HelpReading.ALWAYS),
        _("Limited"),
    ),
}


def _case(path, groups):
    return Case(
        *[When(**{f"{path}__in": values}, then=Value(key)) for key, (values, _l) in groups.items()],
        default=Value(UNKNOWN),
        output_field=CharField(),
    )


def _deprivation():
    """The quintile of where the person lives, else of the first session's neighbourhood."""
    return Coalesce(Cast("ses_quintile", CharField()), Value(UNKNOWN))


def group_expressions():
    """[(dimension key, group expression)] in the equity tables' order."""
    return [
        ("deprivation", _deprivation()),
        ("education", _case("education", EDUCATION)),
        ("literacy", _case("help_reading", LITERACY)),
        ("sex", F("sex")),
        ("age", F("age_band")),
        ("language", F("language")),
    ]
