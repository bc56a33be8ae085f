"""The targets' year figures come from the year's sessions and the pre-aggregates; they equal
what a count over every registration and fact of that year gives, on varied synthetic data
(refusals, GP selection, cancelled sessions, drop-out), and their query count stays fixed."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.demo.synthetic import generate
from groepsconsult.monitoring.aggregates import Filters, fact_queryset, not_refused
from groepsconsult.monitoring.models import Target
from groepsconsult.monitoring.process import person_indicator_counts
from groepsconsult.monitoring.targets import _figures, target_progress
from groepsconsult.registrations.models import Registration

I = Target.Indicator  # noqa: E741


def counted_over_everything(region, year):
    """The oracle: the targets' figures counted over every registration and fact (the way the
    page counted before the pre-aggregates)."""
    now, first = timezone.now(), Consultation.Kind.FIRST
    sessions = Consultation.objects.filter(region=region, kind=first, starts_at__lte=now)
    sessions = sessions.exclude(status=Consultation.Status.CANCELLED)
    held = sessions.filter(starts_at__year=year).count()
    places = Registration.objects.filter(
        not_refused("participant"),
        consultation__region=region,
        consultation__kind=first,
        consultation__starts_at__lte=now,
        status=Registration.Status.REGISTERED,
    ).annotate(year=ExtractYear("consultation__starts_at"))
    found = places.filter(year=year).aggregate(
        present=Count("pk", filter=Q(attendance=Registration.Attendance.PRESENT)),
        practices=Count(
            "participant__gp_practice",
            distinct=True,
            filter=Q(channel=Registration.Channel.GP_SELECTION),
        ),
    )
    counts = person_indicator_counts()
    facts = fact_queryset(region=region, filters=Filters()).filter(baseline_date__year=year)
    people = facts.aggregate(
        **{key: counts[key] for key in ("call_due", "call_reached", "return_due", "returned")}
    )
    return _figures({"n": held}, found, people)


@pytest.mark.django_db
def test_year_figures_equal_a_count_over_every_registration(region_a):
    generate(participants=600, seed=21, region=region_a)
    call_command("rebuild_monitoring", region=region_a.slug, stdout=io.StringIO())
    this_year = timezone.localdate().year
    years = [this_year - 1, this_year]
    for year in years:
        for indicator in I.values:
            Target.objects.create(region=region_a, year=year, indicator=indicator, value=50)
    for year in years:
        expected = counted_over_everything(region_a, year)
        shown = {p.target.indicator: p.value for p in target_progress(region=region_a, year=year)}
        assert shown == expected, year
    # Varied data: the figures are not all zero or hidden.
    assert any(not cell.suppressed and cell.value for cell in shown.values())


@pytest.mark.django_db
def test_year_figures_use_a_fixed_number_of_queries(region_a, django_assert_max_num_queries):
    Target.objects.create(
        region=region_a, year=timezone.localdate().year, indicator="sessions", value=4
    )
    generate(participants=60, seed=22, region=region_a)
    call_command("rebuild_monitoring", region=region_a.slug, stdout=io.StringIO())
    with django_assert_max_num_queries(5):  # the targets, then four figures
        small = target_progress(region=region_a, year=timezone.localdate().year)
    generate(participants=300, seed=23, region=region_a)
    call_command("rebuild_monitoring", region=region_a.slug, stdout=io.StringIO())
    with django_assert_max_num_queries(5):
        grown = target_progress(region=region_a, year=timezone.localdate().year)
    assert grown[0].value.value > small[0].value.value  # more sessions held, same queries
