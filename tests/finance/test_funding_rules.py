"""The warning rules of the funding pages, at their boundaries (no database needed)."""

import datetime as dt
from decimal import Decimal

import pytest

from groepsconsult.finance.funding import add_months, grant_state, route_deadline_state
from groepsconsult.finance.models import FundRoute, Grant

D = dt.date


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2027, 1, 15), -3, D(2026, 10, 15)),
    ],
)
def test_add_months_clips_to_the_months_last_day(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2026, 3, 31), "running"),
        (D(2026, 4, 1), "ending"),  # exactly 3 months before 1 July
        (D(2026, 7, 1), "ending"),
        (D(2026, 7, 2), "ended"),
        (D(2025, 12, 31), "not_started"),
    ],
)
def test_grant_warns_its_months_before_the_end(today, expected):
    grant = Grant(starts_on=D(2026, 1, 1), ends_on=D(2026, 7, 1), warn_months=3)
    assert grant_state(grant, today) == expected


def test_overspent_only_above_the_amount():
    assert not Grant(amount=Decimal(100), spent=Decimal(100)).overspent
    assert Grant(amount=Decimal(100), spent=Decimal("100.01")).overspent


@pytest.mark.parametrize(
    "status, today, expected",
    [
        ("to_explore", D(2026, 5, 19), ""),
        ("to_explore", D(2026, 5, 20), "due"),  # exactly 6 weeks before 1 July
        ("applying", D(2026, 7, 1), "due"),
        ("applying", D(2026, 7, 2), "passed"),
        ("granted", D(2026, 6, 30), ""),
        ("refused", D(2026, 7, 2), ""),
    ],
)
def test_route_warns_its_weeks_before_an_open_deadline(status, today, expected):
    route = FundRoute(status=status, deadline=D(2026, 7, 1), warn_weeks=6)
    assert route_deadline_state(route, today) == expected


def test_route_without_deadline_never_warns():
    assert route_deadline_state(FundRoute(status="applying"), D(2026, 1, 1)) == ""
