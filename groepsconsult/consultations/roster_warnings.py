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


def roster_warnings(*, assignments, on: date) -> list[RosterWarning]:
    """One warning per problem per professional, whatever their number of bookings."""
    warnings, seen = [], set()
    oldest_valid = _years_before(on, VOG_VALID_YEARS)
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
        if prof.vog_date is None:
            warnings.append(RosterWarning(prof, _("%(name)s has no VOG.") % {"name": prof.name}))
        elif prof.vog_date < oldest_valid:
            warnings.append(
                RosterWarning(
                    prof,
                    _("%(name)s has a VOG older than 3 years (%(date)s).")
                    % {"name": prof.name, "date": prof.vog_date.strftime("%d-%m-%Y")},
                )
            )
    return warnings
