"""Selectors: region scoping, filters, the public list, readiness annotations, warnings, panel."""

import datetime as dt

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone

from groepsconsult.consultations import selectors
from groepsconsult.consultations.models import Consultation
from groepsconsult.consultations.readiness import facts_from_annotations, readiness_check
from groepsconsult.consultations.roster_warnings import roster_warnings
from groepsconsult.regions.models import Professional
from tests.factories.backbone import make_user
from tests.factories.consultations import (
    future,
    make_assignment,
    make_planned_consultation,
    make_ready_consultation,
    make_registration,
    make_registrations,
)


def _membership(role, region):
    return make_user(role, region).memberships.get()


def test_get_for_user_is_404_outside_the_region(region_a, region_b):
    theirs = make_planned_consultation(region_b)
    with pytest.raises(Http404):
        selectors.consultation_get_for_user(
            membership=_membership("coordinator", region_a), public_id=theirs.public_id
        )


def test_get_for_user_annotates_the_registered_count(region_a):
    mine = make_planned_consultation(region_a)
    make_registrations(mine, 2)
    make_registration(mine, status="cancelled")
    got = selectors.consultation_get_for_user(
        membership=_membership("host", region_a), public_id=mine.public_id
    )
    assert got.registered_count == 2


def test_readiness_from_annotations_matches_the_data(region_a):
    ready = make_ready_consultation(region_a)
    not_ready = make_planned_consultation(region_a)
    by_id = {c.pk: c for c in selectors.consultation_list_for_region(region=region_a)}
    assert readiness_check(facts_from_annotations(by_id[ready.pk])).ready
    missing = readiness_check(facts_from_annotations(by_id[not_ready.pk])).missing
    assert {i.key for i in missing} == {
        "care",
        "welfare",
        "sport",
        "lead",
        "experience_expert",
        "coordinator",
        "registered",
    }


def test_a_lead_without_big_number_does_not_count(region_a):
    consultation = make_planned_consultation(region_a)
    make_assignment(consultation, role="lead", discipline="gp", big_number="")
    got = selectors.consultation_list_for_region(region=region_a).get()
    assert got.big_lead_count == 0


def test_list_filters(region_a, region_b):
    past = make_planned_consultation(region_a, starts_at=timezone.now() - dt.timedelta(days=20))
    soon = make_planned_consultation(region_a, status="open")
    make_planned_consultation(region_b)
    assert list(selectors.consultation_list_for_region(region=region_a, when="upcoming")) == [soon]
    assert list(selectors.consultation_list_for_region(region=region_a, when="past")) == [past]
    assert list(selectors.consultation_list_for_region(region=region_a, status="open")) == [soon]
    hood = soon.neighbourhood.public_id
    assert list(selectors.consultation_list_for_region(region=region_a, neighbourhood=hood)) == [
        soon
    ]
    month = timezone.localtime(soon.starts_at).date()
    assert soon in selectors.consultation_list_for_region(region=region_a, month=month)
    assert past not in selectors.consultation_list_for_region(region=region_a, month=month)


def test_upcoming_open_list_is_public_open_and_future_in_all_regions(region_a, region_b):
    a = make_planned_consultation(region_a, status="open")
    b = make_planned_consultation(region_b, status="open", starts_at=future(40))
    make_planned_consultation(region_a, status="draft")
    make_planned_consultation(
        region_a, status="open", starts_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert list(selectors.consultation_upcoming_open_list()) == [a, b]


def test_roster_warnings_vog_missing_old_and_lead_without_big(region_a):
    consultation = make_planned_consultation(region_a)
    on = timezone.localtime(consultation.starts_at).date()
    make_assignment(consultation, role="host", discipline="host", name="Zonder Vog", vog_date=None)
    make_assignment(
        consultation, role="coordinator", name="Oude Vog", vog_date=on - dt.timedelta(days=3 * 366)
    )
    make_assignment(consultation, role="lead", discipline="gp", name="Geen Big", big_number="")
    make_assignment(consultation, station_kind="care", name="In Orde", vog_date=on)
    _stations, _roles, everyone = selectors.roster_for_consultation(consultation=consultation)
    messages = [w.message for w in roster_warnings(assignments=everyone, on=on)]
    assert len(messages) == 3
    assert any("Zonder Vog" in m and "geen VOG" in m for m in messages)
    assert any("Oude Vog" in m and "ouder dan 3 jaar" in m for m in messages)
    assert any("Geen Big" in m and "BIG-nummer" in m for m in messages)


def test_dashboard_panel_lists_sessions_not_ready_in_the_coming_month(region_a, region_b):
    make_ready_consultation(region_a, starts_at=future(10))
    not_ready = [make_planned_consultation(region_a, starts_at=future(d)) for d in (5, 20, 25)]
    make_planned_consultation(region_a, starts_at=future(60))  # later: not in the panel
    make_planned_consultation(region_b, starts_at=future(5))  # other region
    request = RequestFactory().get("/")
    request.membership = _membership("coordinator", region_a)
    panel = selectors.readiness_dashboard_panel(request)
    assert [c for c, _missing in panel["not_ready"]] == not_ready  # soonest first
    assert panel["any_planned"] and not panel["more_not_ready"]
    request.membership = _membership("host", region_a)
    assert selectors.readiness_dashboard_panel(request) is None


def _break(consultation, requirement):
    """Make a ready session miss exactly one requirement of `readiness_check`."""
    assignments = consultation.assignments
    if requirement == "capacity":
        Consultation.objects.filter(pk=consultation.pk).update(capacity=7)
    elif requirement == "room":
        Consultation.objects.filter(pk=consultation.pk).update(room="")
    elif requirement == "registered":
        consultation.registrations.first().delete()
    elif requirement == "lead":
        assignments.filter(role="lead").delete()
    elif requirement == "experience_expert":
        assignments.filter(role="experience_expert").delete()
        assignments.filter(professional__discipline="experience_expert").delete()
    elif requirement == "coordinator":
        assignments.filter(role="coordinator").delete()
    else:  # a domain: care, welfare or sport
        disciplines = Professional.DOMAINS[requirement]
        # The BIG lead (a GP) counts for care too: keep the lead, outside the domain.
        lead = assignments.get(role="lead").professional
        Professional.objects.filter(pk=lead.pk, discipline__in=disciplines).update(
            discipline="coordinator"
        )
        assignments.exclude(role="lead").filter(professional__discipline__in=disciplines).delete()


REQUIREMENTS = [
    "capacity", "room", "registered", "lead", "experience_expert", "coordinator",
    "care", "welfare", "sport",
]  # fmt: skip


@pytest.mark.parametrize("requirement", REQUIREMENTS)
def test_not_ready_filter_in_sql_agrees_with_readiness_check(region_a, requirement):
    """The panel's SQL condition and the Python checklist say the same of each session."""
    ready = make_ready_consultation(region_a, starts_at=future(3))
    broken = make_ready_consultation(region_a, starts_at=future(4))
    _break(broken, requirement)
    window = {"region": region_a, "start": timezone.now(), "end": future(31)}
    listed = selectors.consultation_not_ready_list(**window, limit=10)
    assert listed == [broken]
    checked = {
        c: readiness_check(facts_from_annotations(c))
        for c in selectors.consultation_planning_queryset(**window)
    }
    assert checked[ready].ready
    assert [item.key for item in checked[broken].missing] == [requirement]


def test_dashboard_panel_is_bounded_whatever_the_number_of_sessions(
    region_a, django_assert_max_num_queries
):
    for days in range(1, selectors.PANEL_LIMIT + 4):
        make_planned_consultation(region_a, starts_at=future(days))
    request = RequestFactory().get("/")
    request.membership = _membership("coordinator", region_a)
    with django_assert_max_num_queries(2):  # the role's permissions, then the sessions
        panel = selectors.readiness_dashboard_panel(request)
    assert len(panel["not_ready"]) == selectors.PANEL_LIMIT and panel["more_not_ready"]


def test_the_annotated_query_is_built_once_and_cloned_per_call(region_a, region_b):
    # Building the nine correlated counts took 3-4 ms of Python per request; now each call
    # clones one prepared queryset (the counts are the same objects) and is never shared state.
    mine, theirs = make_planned_consultation(region_a), make_planned_consultation(region_b)
    make_registrations(mine, 2)
    first = selectors.consultation_queryset(region=region_a)
    second = selectors.consultation_queryset(region=region_b)
    assert first.query is not second.query
    for name in ("registered_count", "care_count", "coordinator_count"):
        assert first.query.annotations[name] is second.query.annotations[name]
    assert [(c.pk, c.registered_count) for c in first] == [(mine.pk, 2)]
    assert [(c.pk, c.registered_count) for c in second] == [(theirs.pk, 0)]
