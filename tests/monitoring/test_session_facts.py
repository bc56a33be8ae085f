"""Session facts (reach and attendance): every change through a service updates them exactly as
a rebuild would, and the figures equal those counted over the registrations."""

import datetime as dt

import pytest

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.services.consultation import consultation_set_status
from groepsconsult.monitoring.aggregates import (
    Filters,
    reach_rows,
    reach_rows_from_registrations,
)
from groepsconsult.monitoring.models import SessionFact
from groepsconsult.monitoring.process import (
    _attendance_rows,
    attendance_rows_from_registrations,
)
from groepsconsult.monitoring.session_facts import sessions_rebuild
from groepsconsult.registrations.services.attendance import attendance_mark
from groepsconsult.registrations.services.registration import (
    registration_cancel,
    registration_create,
)
from tests.factories.backbone import make_participant, make_user
from tests.factories.consent import give
from tests.factories.monitoring import plant
from tests.factories.registrations import make_open_consultation


def snapshot():
    return sorted(
        tuple(sorted((k, v) for k, v in row.items() if k != "id"))
        for row in SessionFact.objects.values()
    )


def assert_same_as_rebuild():
    incremental = snapshot()
    sessions_rebuild()
    assert snapshot() == incremental
    return incremental


def coordinator(region):
    user = make_user("coordinator", region)
    return Actor.for_user(user, role="coordinator", region_slug=region.slug), user


def facts_of(consultation):
    return {
        f.channel: (f.registered, f.present)
        for f in SessionFact.objects.filter(consultation=consultation)
    }


@pytest.mark.django_db
def test_place_attendance_cancel_and_refusal_update_the_session_facts(region_a):
    by, user = coordinator(region_a)
    held = make_open_consultation(region_a)
    places = [
        registration_create(
            consultation=held, participant=make_participant(region_a), channel=channel, by=by
        )
        for channel in ("gp_selection", "gp_selection", "self")
    ]
    assert facts_of(held) == {"gp_selection": (2, 0), "self": (1, 0)}
    assert_same_as_rebuild()
    attendance_mark(registration=places[0], attendance="present", by=by)
    attendance_mark(registration=places[1], attendance="absent", by=by)
    assert facts_of(held) == {"gp_selection": (2, 1), "self": (1, 0)}
    assert_same_as_rebuild()
    registration_cancel(registration=places[2], by=by)
    assert facts_of(held) == {"gp_selection": (2, 1)}
    assert_same_as_rebuild()
    give(places[0].participant, "anonymous_monitoring", user, given=False)
    assert facts_of(held) == {"gp_selection": (1, 0)}
    assert_same_as_rebuild()


@pytest.mark.django_db
def test_a_cancelled_session_leaves_the_attendance_figures(region_a):
    by, _user = coordinator(region_a)
    session = make_open_consultation(region_a)
    registration_create(
        consultation=session, participant=make_participant(region_a), channel="self", by=by
    )
    consultation_set_status(consultation=session, status="cancelled", by=by)
    assert SessionFact.objects.get(consultation=session).cancelled is True
    assert_same_as_rebuild()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(channel="gp_selection"),
        Filters(audience="mixed"),
        Filters(start=dt.date(2025, 3, 10), end=dt.date(2025, 9, 10)),
    ],
)
def test_session_facts_give_the_figures_of_the_registrations(region_a, filters):
    plant(region_a, "BU00000001", 12, seed=1)
    plant(region_a, "BU00000002", 4, seed=2, returned=False)

    def ordered(rows):
        return sorted(tuple(r.values()) if isinstance(r, dict) else r for r in rows)

    assert ordered(reach_rows(region=region_a, filters=filters)) == ordered(
        reach_rows_from_registrations(region=region_a, filters=filters)
    )
    assert ordered(_attendance_rows(region=region_a, filters=filters)) == ordered(
        attendance_rows_from_registrations(region=region_a, filters=filters)
    )
    assert reach_rows(region=region_a, filters=filters)
