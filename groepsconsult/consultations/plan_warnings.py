"""All warnings about a session's plan: its team (roster_warnings), its day and its languages.

Pure on what it is given: the consultation (saved, or unsaved while the coordinator is still
filling in the form) and its assignments (with professionals), so the same warnings show live
while planning (the preview views) and on the saved session's pages. Warnings never block.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from groepsconsult.consultations.public_holidays import holiday_name
from groepsconsult.consultations.readiness import MIN_PARTICIPANTS
from groepsconsult.consultations.roster_warnings import RosterWarning, roster_warnings
from groepsconsult.core.languages import SPOKEN_LANGUAGES

DUTCH = "nl"


def _day_warnings(consultation) -> list[RosterWarning]:
    if consultation.starts_at is None:
        return []
    day = timezone.localtime(consultation.starts_at).date()
    holiday = holiday_name(day)
    if not holiday:
        return []
    message = _(
        "%(date)s is a holiday (%(holiday)s): many residents are away or celebrating. "
        "Choose another day if you can."
    ) % {"date": date_format(day, "l j F Y"), "holiday": holiday}
    return [RosterWarning(None, message)]


def _capacity_warnings(consultation) -> list[RosterWarning]:
    if consultation.capacity is None or consultation.capacity >= MIN_PARTICIPANTS:
        return []
    message = _("Room for %(n)s people: a group consultation needs at least %(min)s.") % {
        "n": consultation.capacity,
        "min": MIN_PARTICIPANTS,
    }
    return [RosterWarning(None, message)]


def _language_warnings(consultation, professionals) -> list[RosterWarning]:
    """A session language nobody on the team speaks (Dutch and the interpreter's excepted)."""
    if not professionals:
        return []
    spoken = {code for prof in professionals for code in prof.languages}
    spoken |= {DUTCH, consultation.interpreter_language}
    names = dict(SPOKEN_LANGUAGES)
    return [
        RosterWarning(
            None,
            _("Nobody on the team speaks %(language)s: book someone who does, or an interpreter.")
            % {"language": names.get(code, code)},
        )
        for code in consultation.languages or []
        if code not in spoken
    ]


def session_warnings(*, consultation, assignments) -> list[RosterWarning]:
    professionals = list({a.professional.pk: a.professional for a in assignments}.values())
    team = []
    if consultation.starts_at is not None:
        day = timezone.localtime(consultation.starts_at).date()
        team = roster_warnings(assignments=assignments, on=day)
    return (
        _day_warnings(consultation)
        + _capacity_warnings(consultation)
        + team
        + _language_warnings(consultation, professionals)
    )
