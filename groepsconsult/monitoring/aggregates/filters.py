"""Monitoring filters and the shared pieces of the reach and outcome figures."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Q,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_refused_exists

MEASURES = {
    "systolic": _("Systolic blood pressure (mmHg)"),
    "diastolic": _("Diastolic blood pressure (mmHg)"),
    "weight": _("Weight (kg)"),
    "waist": _("Waist circumference (cm)"),
}
RETURN_DUE_DAYS = 183  # six months: after this a baseline without a return counts as lost
ALL = "ALL"


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters; every field optional. Ages are on the baseline session's date."""

    start: dt.date | None = None
    end: dt.date | None = None
    neighbourhood: object = None
    sex: str = ""
    language: str = ""
    channel: str = ""
    audience: str = ""  # the session's `Consultation.Audience`: mixed, women or men only
    age_min: int | None = None
    age_max: int | None = None

    def participant_q(self, prefix, on_field):
        """Q on the participant at `prefix` (e.g. "participant__") for the person filters, and
        on the session at `on_field` for period and neighbourhood."""
        return self.person_q(prefix) & self.session_q(on_field)

    def person_q(self, prefix):
        """Q on the participant at `prefix` for sex, language and age band only."""
        q = Q()
        if self.sex:
            q &= Q(**{f"{prefix}sex": self.sex})
        if self.language:
            q &= Q(**{f"{prefix}preferred_language": self.language})
        today = self.end or timezone.localdate()
        if self.age_min is not None:
            q &= Q(**{f"{prefix}date_of_birth__lte": years_before(today, self.age_min)})
        if self.age_max is not None:
            q &= Q(**{f"{prefix}date_of_birth__gt": years_before(today, self.age_max + 1)})
        return q

    def fact_q(self):
        """Q on `TrajectoryFact` for every filter: period and neighbourhood of the first
        session, and the person filters (age on the first session's date)."""
        q = Q()
        for field_name, value in (
            ("baseline_date__gte", self.start),
            ("baseline_date__lte", self.end),
            ("neighbourhood", self.neighbourhood),
            ("age__gte", self.age_min),
            ("age__lte", self.age_max),
        ):
            if value is not None:
                q &= Q(**{field_name: value})
        for field_name, value in (
            ("sex", self.sex),
            ("language", self.language),
            ("channel", self.channel),
            ("audience", self.audience),
        ):
            if value:
                q &= Q(**{field_name: value})
        return q

    def has_person_filter(self):
        ages = (self.age_min, self.age_max)
        return bool(self.sex or self.language) or any(a is not None for a in ages)

    def session_row_q(self):
        """The session filters (period, neighbourhood, audience) on a per-session
        pre-aggregate's copied columns (`PerSessionRow`: `day`, `neighbourhood`, `audience`)."""
        q = Q()
        for field_name, value in (
            ("day__gte", self.start),
            ("day__lte", self.end),
            ("neighbourhood", self.neighbourhood),
        ):
            if value is not None:
                q &= Q(**{field_name: value})
        if self.audience:
            q &= Q(audience=self.audience)
        return q

    def session_q(self, on_field):
        q = Q()
        if self.start:
            q &= Q(**{f"{on_field}__starts_at__date__gte": self.start})
        if self.end:
            q &= Q(**{f"{on_field}__starts_at__date__lte": self.end})
        if self.neighbourhood is not None:
            q &= Q(**{f"{on_field}__neighbourhood": self.neighbourhood})
        if self.audience:
            q &= Q(**{f"{on_field}__audience": self.audience})
        return q


SESSION_COPIED = ("region_id", "neighbourhood_id", "audience", "starts_at")


def session_columns(row, prefix, zone):
    """The session's columns a per-session pre-aggregate copies (`PerSessionRow`), from a
    `.values()` row that read `SESSION_COPIED` through `prefix`; `Filters.session_row_q`
    filters on them."""
    return {
        "region_id": row[prefix + "region_id"],
        "neighbourhood_id": row[prefix + "neighbourhood_id"],
        "audience": row[prefix + "audience"] or "",
        "day": timezone.localdate(row[prefix + "starts_at"], zone),
    }


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def in_regions(path, region):
    """Q on `path` for one region, or for several (a funder's regions combined)."""
    if isinstance(region, list | tuple):
        return Q(**{f"{path}__in": region})
    return Q(**{path: region})


def not_refused(ref):
    return ~consent_refused_exists(ConsentPurpose.ANONYMOUS_MONITORING, participant_ref=ref)


def _hood(code, name):
    return code or name or "?"


# ---- reach -------------------------------------------------------------------------------
