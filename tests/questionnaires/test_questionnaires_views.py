"""Cast, behaviour and query-count tests for the questionnaire pages."""

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.questionnaires.models import Answer, Response
from tests.factories.backbone import make_consultation
from tests.factories.questionnaires import make_registration, make_response

PERMITTED = ["professional", "coordinator", "physician", "administrator"]
FORBIDDEN = ["host", "funder", "researcher", "health_champion", "gp_practice", "privacy_officer"]


@pytest.fixture
def reg_a(region_a):
    return make_registration(region=region_a, day_number=7)


@pytest.fixture
def reg_b(region_b):
    return make_registration(region=region_b, day_number=7)


def urls(reg):
    base = f"/questionnaires/r/{reg.public_id}/"
    return {
        "start": f"/questionnaires/?consultation={reg.consultation.public_id}",
        "registration": base,
        "fill": f"{base}fill/?form=social_risks",
        "work-check": f"/questionnaires/session/{reg.consultation.public_id}/work-check/",
    }


@pytest.mark.parametrize("page", ["start", "registration", "fill", "work-check"])
@pytest.mark.parametrize("role", PERMITTED)
def test_permitted_roles_open_the_page(page, role, client_for, reg_a):
    assert client_for(role).get(urls(reg_a)[page]).status_code == 200


@pytest.mark.parametrize("page", ["start", "registration", "fill", "work-check"])
@pytest.mark.parametrize("role", FORBIDDEN)
def test_other_roles_are_forbidden(page, role, client_for, reg_a):
    assert client_for(role).get(urls(reg_a)[page]).status_code == 403


@pytest.mark.parametrize("page", ["start", "registration", "fill", "work-check"])
def test_another_regions_objects_are_404(page, client_for, reg_b):
    client = client_for("professional")
    assert client.get(urls(reg_b)[page]).status_code == 404
    if page != "start":
        assert client.post(urls(reg_b)[page], {"smoking": "yes"}).status_code == 404
    assert not Response.objects.exists()


@pytest.mark.parametrize("page", ["start", "registration", "fill", "work-check"])
def test_anonymous_is_sent_to_login(page, client, reg_a):
    response = client.get(urls(reg_a)[page])
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_pick_by_day_number(client_for, reg_a):
    response = client_for("professional").post(
        "/questionnaires/", {"consultation": reg_a.consultation.public_id, "day_number": 7}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/questionnaires/r/{reg_a.public_id}/"


def test_unknown_day_number_is_a_clear_message(client_for, reg_a):
    response = client_for("professional").post(
        "/questionnaires/", {"consultation": reg_a.consultation.public_id, "day_number": 99}
    )
    assert response.status_code == 200
    assert "Niemand heeft dit nummer" in response.content.decode()


def test_the_welfare_station_link_opens_the_participant(client_for, reg_a):
    response = client_for("professional").get(f"/questionnaires/?registration={reg_a.public_id}")
    assert response["Location"] == f"/questionnaires/r/{reg_a.public_id}/"


def test_the_session_list_is_logged_per_participant(client_for, reg_a):
    client_for("professional").get(urls(reg_a)["start"])
    event = AccessEvent.objects.get(subject_type="registration", action="list")
    assert event.participant_id == reg_a.participant.public_id


def test_fill_in_turkish_shows_turkish_questions_and_saves(client_for, reg_a):
    client = client_for("professional")
    page = client.get(urls(reg_a)["fill"] + "&lang=tr").content.decode()
    assert "Sigara içiyor musunuz?" in page and 'lang="tr"' in page
    response = client.post(
        urls(reg_a)["fill"],
        {"form": "social_risks", "lang": "tr", "smoking": "yes", "save": "1"},
    )
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.language == "tr" and saved.completed_at is None
    assert Answer.objects.get().value == "yes"


def test_finishing_with_gaps_shows_errors_in_the_forms_language(client_for, reg_a):
    response = client_for("professional").post(
        urls(reg_a)["fill"], {"form": "social_risks", "lang": "tr", "finish": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Lütfen bu soruyu cevaplayın." in page
    assert not Response.objects.exists()  # nothing half-saved


def test_a_typing_error_keeps_the_other_answers_on_screen(client_for, reg_a):
    response = client_for("professional").post(
        f"/questionnaires/r/{reg_a.public_id}/fill/",
        {"form": "findrisc", "lang": "nl", "weight_kg": "820", "waist_cm": "96", "save": "1"},
    )
    page = response.content.decode()
    assert "Dit kan niet kloppen" in page and 'value="96"' in page
    assert not Answer.objects.exists()


def test_arabic_form_is_right_to_left(client_for, reg_a):
    page = client_for("professional").get(urls(reg_a)["fill"] + "&lang=ar").content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "هل تدخن؟" in page


def test_participant_mode_records_who_filled_it(client_for, reg_a):
    client = client_for("professional")
    page = client.get(urls(reg_a)["fill"] + "&mode=participant").content.decode()
    assert "site-nav" not in page  # no menu for the participant on the tablet
    client.post(
        urls(reg_a)["fill"],
        {"form": "social_risks", "mode": "participant", "smoking": "no", "save": "1"},
    )
    assert Response.objects.get().filled_by_participant is True


def test_resume_shows_the_saved_answers(client_for, reg_a):
    make_response(reg_a, "social_risks", {"smoking": "yes"}, finish=False)
    page = client_for("professional").get(urls(reg_a)["fill"]).content.decode()
    assert (
        'value="yes" checked' in page
        or 'checked value="yes"' in page
        or ('name="smoking" value="yes"' in page and "checked" in page)
    )


def test_a_cancelled_registration_takes_no_answers(client_for, region_a):
    reg = make_registration(region=region_a, status="cancelled")
    assert client_for("professional").get(urls(reg)["fill"]).status_code == 403


def test_work_check_is_the_professionals_own(client_for, reg_a):
    client = client_for("professional")
    response = client.post(
        urls(reg_a)["work-check"],
        {
            "lang": "nl",
            "enough_time": "4",
            "worthwhile": "5",
            "teamwork": "4",
            "workload": "3",
            "finish": "1",
        },
    )
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.registration is None and saved.filled_by == client.user
    assert saved.completed_at is not None


def _many_answers(reg):
    make_response(
        reg, "social_risks", {"smoking": "yes", "diabetes": "no", "stress": "4"}, finish=False
    )
    make_response(
        reg,
        "positive_health",
        dict.fromkeys(
            (
                "bodily_functions",
                "mental_wellbeing",
                "meaningfulness",
                "quality_of_life",
                "participation",
                "daily_functioning",
            ),
            "6",
        ),
    )


def test_fill_page_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    client = client_for("professional")
    few = make_registration(region=region_a)
    make_response(few, "social_risks", {"smoking": "no"}, finish=False)
    with django_assert_max_num_queries(14) as few_ctx:
        client.get(urls(few)["fill"])
    many = make_registration(region=region_a)
    _many_answers(many)
    with django_assert_max_num_queries(len(few_ctx.captured_queries)):
        client.get(urls(many)["fill"])


def test_overview_and_start_query_counts_do_not_grow(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("professional")
    consultation = make_consultation(region_a)
    first = make_registration(consultation)
    with django_assert_max_num_queries(14) as start_ctx:
        client.get(urls(first)["start"])
    with django_assert_max_num_queries(14) as overview_ctx:
        client.get(urls(first)["registration"])
    for _ in range(6):
        make_registration(consultation)
    _many_answers(first)
    with django_assert_max_num_queries(len(start_ctx.captured_queries)):
        client.get(urls(first)["start"])
    with django_assert_max_num_queries(len(overview_ctx.captured_queries)):
        client.get(urls(first)["registration"])


def test_showing_saved_answers_is_logged_for_the_participant(client_for, reg_a):
    make_response(reg_a, "social_risks", {"smoking": "yes"}, finish=False)
    client_for("professional").get(urls(reg_a)["fill"])
    event = AccessEvent.objects.get(subject_type="response", action="view")
    assert event.participant_id == reg_a.participant.public_id
