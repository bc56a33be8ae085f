"""Warnings about the team of one session: screening (VOG) and the lead's BIG registration.

Pure: takes the assignments (with their professional) and the session date. A warning does not
block the booking (a VOG may be on its way) but is shown on the roster and the detail page.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

VOG_VALID_YEARS = 3


@dataclass(frozen=True)
class RosterWarning:
    professional: object
    message: str


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def vog_status(vog_date: date | None, *, on: date) -> str:
    """ "missing", "expired" (older than 3 years on the session day) or "valid": one rule for the
    warnings and the team picker's badges."""
    if vog_date is None:
        return "missing"
    return "expired" if vog_date < _years_before(on, VOG_VALID_YEARS) else "valid"


def roster_warnings(*, assignments, on: date) -> list[RosterWarning]:
    """One warning per problem per professional, whatever their number of bookings."""
    warnings, seen = [], set()
    for assignment in assignments:
        prof = assignment.professional
        if assignment.role == "lead" and not prof.big_number:
            warnings.append(
                RosterWarning(
                    prof, _("%(name)s is the lead but has no BIG number.") % {"name": prof.name}
                )
            )
        if prof.pk in seen:
            continue
        seen.add(prof.pk)
        vog = vog_status(prof.vog_date, on=on)
        if vog == "missing":
            warnings.append(RosterWarning(prof, _("%(name)s has no VOG.") % {"name": prof.name}))
        elif vog == "expired":
            warnings.append(
                RosterWarning(
                    prof,
                    _("%(name)s has a VOG older than 3 years (%(date)s).")
                    % {"name": prof.name, "date": prof.vog_date.strftime("%d-%m-%Y")},
                )
            )
    return warnings
