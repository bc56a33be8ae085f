"""Days on which few people come: Dutch public holidays and the two Eids.

The dates come from the `holidays` library (kept up to date by its maintainers): the Dutch
calendar with its "optional" category (Liberation Day every year, not only each fifth), and
Eid al-Fitr and Eid al-Adha from the Turkish and the Moroccan calendars, the two largest
Muslim communities of the neighbourhoods (their dates can differ by a day; both are kept).
"""

from datetime import date
from functools import lru_cache

import holidays
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

EIDS = {
    "Eid al-Fitr": _("Eid al-Fitr (Sugar Feast)"),
    "Eid al-Adha": _("Eid al-Adha (Feast of Sacrifice)"),
}
EID_CALENDARS = ("TR", "MA")


@lru_cache(maxsize=64)
def _dutch(year: int, language: str):
    return holidays.country_holidays(
        "NL", years=year, categories=("public", "optional"), language=language
    )


@lru_cache(maxsize=64)
def _eids(year: int) -> dict:
    days = {}
    for country in EID_CALENDARS:
        for day, names in holidays.country_holidays(country, years=year, language="en_US").items():
            for english, label in EIDS.items():
                if english in names:
                    days[day] = label
    return days


def holiday_name(day: date) -> str | None:
    """The holiday on `day` in the active language, or None on an ordinary day."""
    language = "nl" if (get_language() or "").startswith("nl") else "en_US"
    names = [name for name in [_dutch(day.year, language).get(day)] if name]
    if day in _eids(day.year):
        names.append(str(_eids(day.year)[day]))
    return "; ".join(names) or None
