"""Import earlier results, all or nothing: match or create each person, recreate the past
session, place them present in it (so their trajectory takes it as the first session) and store
the values with their original date. Every write goes through its owner's service.

A re-import of the same file changes nothing: people are matched, the session (one per location
and day) and the places are found again, and values already stored are left alone. A value that
differs from the stored one is a bad row: a correction is made in the app, with a reason.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.consultations.models import Consultation
from groepsconsult.consultations.services import consultation_record_earlier
from groepsconsult.core.text import fold_name
from groepsconsult.measurements.earlier.checking import check_file
from groepsconsult.measurements.earlier.columns import LABELS
from groepsconsult.measurements.services import PURPOSE, measurements_record_earlier
from groepsconsult.participants.models import Participant
from groepsconsult.participants.services import participant_register
from groepsconsult.registrations.services import registration_record_earlier

SESSION_TIME = dt.time(10, 0)


class EarlierImportRefused(Exception):
    """Bad rows: `messages` lists every one; nothing was saved."""

    def __init__(self, messages):
        super().__init__(*messages)
        self.messages = list(messages)


@dataclass
class Outcome:
    rows: int = 0
    participants_matched: set = field(default_factory=set)
    participants_created: int = 0
    sessions_created: int = 0
    sessions_reused: int = 0
    measurements_created: int = 0
    measurements_unchanged: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False


def earlier_results_import(
    *, region, data: bytes, file_name: str, by: Actor, neighbourhood: str = "", dry_run=False
) -> Outcome:
    """Check and import; raises FileRejected (the file) or EarlierImportRefused (bad rows).
    With dry_run everything is done and then rolled back, so the counts are exact."""
    by = by.in_region(region.slug)
    checked = check_file(data=data, file_name=file_name, region=region, neighbourhood=neighbourhood)
    if checked.errors:
        raise EarlierImportRefused(checked.errors)
    outcome = Outcome(rows=len(checked.rows), ignored_columns=checked.ignored_columns)
    outcome.dry_run = dry_run
    # Earliest session first: a person's first session must become their trajectory's baseline.
    rows = sorted(checked.rows, key=lambda r: (r.values["session_date"], r.number))
    with transaction.atomic():
        errors = _write(region=region, rows=rows, by=by, outcome=outcome)
        if errors:
            transaction.set_rollback(True)
            raise EarlierImportRefused(errors)
        if outcome.participants_matched:
            access_log_write(
                by=by,
                action=AccessEvent.Action.LIST,
                subject_type="participant",
                subject_ids=sorted(str(p) for p in outcome.participants_matched),
                participant_ids=sorted(outcome.participants_matched, key=str),
                purpose=PURPOSE,
                detail=f"earlier results import {file_name[:100]}: matched by name and birth date",
            )
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _write(*, region, rows, by, outcome) -> list:
    people = _Matcher(region, {row.values["date_of_birth"] for row in rows})
    sessions = _Sessions(region, by, outcome)
    seen: dict = {}
    errors = []
    for row in rows:
        values = row.values
        person, reason = people.find(values)
        if reason:
            errors.append((row.number, reason))
            continue
        key = (_person_key(values), values["session_date"])
        if key in seen:
            message = _("same person and session date as row %(row)s") % {"row": seen[key]}
            errors.append((row.number, message))
            continue
        seen[key] = row.number
        try:
            with transaction.atomic():  # a refusal by an owner's service is this row's error
                messages = _write_row(values, person, people, sessions, by, outcome)
        except ValidationError as exc:
            messages = exc.messages
        errors += [(row.number, message) for message in messages]
    return [_("Row %(row)s: %(message)s") % {"row": n, "message": m} for n, m in sorted(errors)]


def _write_row(values, person, people, sessions, by, outcome) -> list[str]:
    """Person, session, present place and values of one row; returns the row's conflicts."""
    if person is None:
        person = people.create(values, values["location"].neighbourhood, by)
        outcome.participants_created += 1
    elif _person_key(values) not in people.created:
        outcome.participants_matched.add(person.public_id)
    consultation = sessions.get(values["location"], values["session_date"])
    registration = registration_record_earlier(consultation=consultation, participant=person, by=by)
    result = measurements_record_earlier(
        registration=registration,
        values=values["values"],
        fasting=values["fasting"],
        measured_at=consultation.starts_at,
        by=by,
    )
    outcome.measurements_created += len(result.rows)
    outcome.measurements_unchanged += result.unchanged
    return [_conflict(measure, stored) for measure, stored in result.conflicts.items()]


def _conflict(measure, stored) -> str:
    return _(
        "%(field)s was imported before with another value (%(value)s); correct it in the app, "
        "with a reason"
    ) % {"field": LABELS.get(measure, measure), "value": stored.normalize()}


def _person_key(values) -> tuple:
    return (fold_name(f"{values['given_name']} {values['family_name']}"), values["date_of_birth"])


class _Matcher:
    """Name + date of birth, folded as everywhere (`core.text.fold_name`): the full name first,
    then, as at the door, the family name inside the stored name. Two candidates: a bad row."""

    def __init__(self, region, births):
        self.region = region
        self.by_birth = defaultdict(list)
        self.created: dict = {}
        births = sorted(births)
        for start in range(0, len(births), 500):  # a bounded IN-list of the file's dates
            people = Participant.objects.filter(
                region=region, date_of_birth__in=births[start : start + 500]
            ).filter(anonymised_at__isnull=True)
            for person in people.only("id", "public_id", "search_name", "date_of_birth", "sex"):
                self.by_birth[person.date_of_birth].append(person)

    def find(self, values):
        """(participant or None, reason the row is bad or "")."""
        key = _person_key(values)
        if key in self.created:
            return self.created[key], ""
        candidates = self.by_birth[values["date_of_birth"]]
        same = [p for p in candidates if p.search_name == key[0]]
        if not same:
            family = fold_name(values["family_name"])
            same = [p for p in candidates if family and family in p.search_name]
        if len(same) > 1:
            return None, _(
                "%(n)s participants have this name and date of birth; merge them first"
            ) % {"n": len(same)}
        return (same[0] if same else None), ""

    def create(self, values, neighbourhood, by):
        person = Participant(
            given_name=values["given_name"],
            family_name=values["family_name"],
            date_of_birth=values["date_of_birth"],
            sex=values["sex"],
            neighbourhood=neighbourhood,
        )
        participant_register(participant=person, region=self.region, by=by, purpose=PURPOSE)
        self.created[_person_key(values)] = person
        return person


class _Sessions:
    """One imported session per location and day, found again on a re-import."""

    def __init__(self, region, by, outcome):
        self.region, self.by, self.outcome = region, by, outcome
        self.cache: dict = {}
        self.before = set(
            Consultation.objects.filter(region=region, imported=True).values_list(
                "location_id", "starts_at"
            )
        )

    def get(self, location, day):
        starts_at = timezone.make_aware(dt.datetime.combine(day, SESSION_TIME))
        key = (location.pk, starts_at)
        if key not in self.cache:
            self.cache[key] = consultation_record_earlier(
                region=self.region, location=location, starts_at=starts_at, by=self.by
            )
            if key in self.before:
                self.outcome.sessions_reused += 1
            else:
                self.outcome.sessions_created += 1
        return self.cache[key]
