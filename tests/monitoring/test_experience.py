"""Participant experience and professionals' work satisfaction: n and mean per scale question."""

import datetime as dt

import pytest

from groepsconsult.audit.services import Actor
from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.experience import experience_sections
from groepsconsult.questionnaires.services import response_save, response_start
from tests.factories.backbone import make_consultation, make_user
from tests.factories.consent import give
from tests.factories.questionnaires import make_registration, make_response, questionnaire

EXPERIENCE = {"useful": "4", "understood_results": "5", "felt_heard": "3", "would_recommend": "5"}
WORK = {"enough_time": "2", "worthwhile": "5", "teamwork": "4", "workload": "3"}


def answer_experience(consultation, people, answers=EXPERIENCE):
    registrations = []
    for _ in range(people):
        registration = make_registration(consultation)
        make_response(registration, "experience", answers)
        registrations.append(registration)
    return registrations


def answer_work_check(consultation, professionals, answers=WORK):
    for _ in range(professionals):
        by = Actor.for_user(make_user("professional", consultation.region))
        response = response_start(
            questionnaire=questionnaire("work_check"), consultation=consultation, by=by
        )
        response_save(response=response, raw_answers=answers, finish=True, by=by)


def figures(region, filters=None):
    return {
        (s.code, r.code): (r.n.label, r.mean.value)
        for s in experience_sections(region=region, filters=filters or Filters())
        for r in s.rows
    }


def test_means_per_scale_question_for_both_audiences(region_a):
    session = make_consultation(region_a)
    answer_experience(session, 6)
    answer_experience(session, 6, {**EXPERIENCE, "useful": "2"})
    answer_work_check(session, 10)
    found = figures(region_a)
    assert found["experience", "useful"] == ("12", 3.0)
    assert found["experience", "felt_heard"] == ("12", 3.0)
    assert found["work_check", "enough_time"] == ("10", 2.0)
    assert ("experience", "comment") not in found  # free text is no scale


def test_fewer_than_k_answers_hide_the_mean(region_a, region_b):
    session = make_consultation(region_a)
    answer_experience(session, 9)
    answer_work_check(session, 3)
    answer_work_check(make_consultation(region_b), 10)  # another region: never counted here
    found = figures(region_a)
    assert found["experience", "useful"] == ("<10", None)
    assert found["work_check", "worthwhile"] == ("<10", None)


def test_refused_anonymous_monitoring_and_unfinished_are_not_counted(region_a):
    session = make_consultation(region_a)
    registrations = answer_experience(session, 10)
    give(
        registrations[0].participant,
        "anonymous_monitoring",
        make_user("coordinator", region_a),
        given=False,
    )
    make_response(make_registration(session), "experience", EXPERIENCE, finish=False)
    assert figures(region_a)["experience", "useful"] == ("<10", None)


def test_period_filter_uses_the_session_date(region_a):
    answer_experience(make_consultation(region_a), 10)
    day = dt.date(2001, 1, 1)
    assert figures(region_a, Filters(start=day, end=day))["experience", "useful"][0] == "<10"


def test_dashboard_shows_both_sections(client_for, region_a):
    session = make_consultation(region_a)
    answer_experience(session, 10)
    page = client_for("coordinator").get("/monitoring/").content.decode()
    assert "Ervaring van deelnemers" in page and "Was de bijeenkomst nuttig voor u?" in page
    assert "Werkplezier van professionals" in page


@pytest.mark.parametrize("people", [10, 30])
def test_two_queries_whatever_the_number_of_answers(region_a, people, django_assert_num_queries):
    session = make_consultation(region_a)
    answer_experience(session, people)
    answer_work_check(session, people)
    with django_assert_num_queries(2):
        experience_sections(region=region_a, filters=Filters())


def test_a_moved_session_takes_its_answers_to_its_new_day(region_a):
    """The per-session sums copy the session's day: moving it (the consultation service)
    moves its answers in the period filter."""
    from groepsconsult.consultations.services import consultation_update

    session = make_consultation(region_a)
    answer_experience(session, 10)
    old_day = session.starts_at.date()
    new_start = session.starts_at - dt.timedelta(days=400)
    by = Actor.for_user(make_user("coordinator", region_a))
    consultation_update(consultation=session, by=by, starts_at=new_start)
    on = Filters(start=new_start.date(), end=new_start.date())
    assert figures(region_a, on)["experience", "useful"] == ("10", 4.0)
    assert (
        figures(region_a, Filters(start=old_day, end=old_day))["experience", "useful"][0] == "<10"
    )


def test_sums_kept_by_the_services_equal_a_rebuild(region_a):
    """What the services' refreshes left (answers, a refusal, an unfinished response, a work
    check) is what `rebuild_monitoring` computes from every answer."""
    import io

    from django.core.management import call_command

    from groepsconsult.monitoring.models import ExperienceRollup

    session = make_consultation(region_a)
    registrations = answer_experience(session, 11, {**EXPERIENCE, "useful": "1"})
    answer_work_check(session, 4)
    give(
        registrations[3].participant,
        "anonymous_monitoring",
        make_user("coordinator", region_a),
        given=False,
    )
    make_response(make_registration(session), "experience", EXPERIENCE, finish=False)

    def snapshot():
        return sorted(
            ExperienceRollup.objects.values_list("consultation_id", "question_code", "n", "total")
        )

    kept = snapshot()
    assert ("useful", 10, 10.0) in [row[1:] for row in kept]  # eleven answers, one refused
    ExperienceRollup.objects.all().delete()
    call_command("rebuild_monitoring", region=region_a.slug, stdout=io.StringIO())
    assert snapshot() == kept
