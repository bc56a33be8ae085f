"""The `.ics` invite for one session, and the session's public facts: when, where, what, and
whom to call; never a name, and never the room's size (residents must not read "15 places")."""

import datetime as dt
import re

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

# When the calendar reminds the resident: the day before, so there is time to arrange the day.
REMINDER_BEFORE = dt.timedelta(days=1)


# A room is written with its size ("Grote zaal (40 p.)", "Leeszaal - 25 personen").
_ROOM_SIZE = re.compile(r"\s*(\([^)]*\d[^)]*\)|[-–,:]\s*\d+\s*\S*)\s*$")


def public_room(room: str) -> str:
    """The room's name without its size."""
    return _ROOM_SIZE.sub("", room or "").strip()


def public_phone(consultation) -> str:
    """The number residents call (the region's); '' when the region has not set one."""
    return consultation.region.public_phone


def location_text(consultation) -> str:
    location = consultation.location
    room = public_room(getattr(consultation, "room", ""))
    parts = [location.name, room, f"{location.address}, {location.postcode} {location.city}"]
    return ", ".join(part for part in parts if part)


def consultation_ics(consultation) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Groepsconsult//registrations//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    # A stable UID: downloading the invite twice updates the same calendar entry.
    event.add("uid", f"consultation-{consultation.public_id}@groepsconsult")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", consultation.starts_at)
    event.add("dtend", consultation.starts_at + dt.timedelta(minutes=consultation.duration_minutes))
    event.add(
        "summary",
        _("Group health meeting in %(neighbourhood)s")
        % {"neighbourhood": consultation.neighbourhood.name},
    )
    event.add("location", location_text(consultation))
    event.add(
        "description",
        _(
            "A free meeting about your health, with other people from your neighbourhood. "
            "You measure your blood pressure, blood sugar and weight, and you talk about what "
            "you want to do. It takes about %(minutes)s minutes."
        )
        % {"minutes": consultation.duration_minutes},
    )
    event.add_component(_reminder(consultation))
    calendar.add_component(event)
    return calendar.to_ical()


def _reminder(consultation) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -REMINDER_BEFORE)
    alarm.add(
        "description",
        _("Tomorrow: group health meeting in %(neighbourhood)s")
        % {"neighbourhood": consultation.neighbourhood.name},
    )
    return alarm
