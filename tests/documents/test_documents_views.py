"""Cast, access log, PDF text and page counts, and pinned query counts for the booklet views."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from groepsconsult.audit.models import AccessEvent
from groepsconsult.clinical import DEFAULT_RULESET_VERSION
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.documents import make_measurement, make_registration, measure_all
from tests.factories.trajectories import attend_and_return


@pytest.fixture
def session(region_a):
    return make_consultation(region_a)


@pytest.fixture
def measured(session, region_a):
    registration = make_registration(session, make_participant(region_a))
    measure_all(registration)
    return registration


def urls(registration):
    c, r = registration.consultation.public_id, registration.public_id
    return {
        "index": "/documents/booklets/",
        "session": f"/documents/booklets/{c}/",
        "detail": f"/documents/booklet/{r}/",
        "pdf": f"/documents/booklet/{r}/booklet.pdf",
        "batch": f"/documents/booklets/{c}/all.pdf",
    }


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


# --- cast -------------------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["index", "session", "detail", "pdf", "batch"])
@pytest.mark.parametrize("role", ["professional", "physician", "coordinator"])
def test_care_team_may_open_booklets(view, role, client_for, measured):
    assert client_for(role).get(urls(measured)[view]).status_code == 200


@pytest.mark.parametrize("view", ["index", "session", "detail", "pdf", "batch"])
@pytest.mark.parametrize("role", ["host", "funder", "researcher", "health_champion"])
def test_roles_without_booklet_print_get_403(view, role, client_for, measured):
    assert client_for(role).get(urls(measured)[view]).status_code == 403


@pytest.mark.parametrize("view", ["session", "detail", "pdf", "batch"])
def test_another_regions_session_is_404(view, client_for, region_b):
    theirs = make_registration(make_consultation(region_b), make_participant(region_b))
    measure_all(theirs)
    assert client_for("professional").get(urls(theirs)[view]).status_code == 404


def test_a_session_id_is_not_a_booklet_id(client_for, measured):
    url = f"/documents/booklet/{measured.consultation.public_id}/"
    assert client_for("professional").get(url).status_code == 404


@pytest.mark.parametrize("view", ["index", "session", "detail", "pdf", "batch"])
def test_anonymous_is_sent_to_login(view, client, measured):
    response = client.get(urls(measured)[view])
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_index_lists_only_own_region_sessions(client_for, region_a, region_b):
    mine = make_consultation(region_a, title="Sessie Moerwijk")
    make_consultation(region_b, title="Sessie Elders")
    html = client_for("professional").get("/documents/booklets/").content.decode()
    assert mine.title in html and "Sessie Elders" not in html


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_holds_values_and_colour_words_on_two_pages(client_for, measured):
    response = client_for("professional").get(urls(measured)["pdf"])
    assert response["Content-Type"] == "application/pdf"
    assert str(measured.participant.family_name) not in response["Content-Disposition"]
    pages, text = pdf_text(response.content)
    assert pages == 2
    for expected in ("124/78", "8,2", "7,1", "Groen", "Oranje", "Rood", "te hoog"):
        assert expected in text, expected
    assert "Laat dit nog eens meten bij de huisarts" in text
    assert DEFAULT_RULESET_VERSION in text


def test_a5_booklet_option_renders_a5_pages(client_for, measured):
    response = client_for("professional").get(urls(measured)["pdf"] + "?size=a5")
    reader = PdfReader(io.BytesIO(response.content))
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == 148


def test_batch_pdf_has_two_pages_per_booklet_in_each_language(client_for, session, region_a):
    for language in ("nl", "tr", "ar", "en"):
        registration = make_registration(
            session, make_participant(region_a, preferred_language=language)
        )
        measure_all(registration)
    make_registration(session, make_participant(region_a))  # no results: no booklet
    response = client_for("professional").get(f"/documents/booklets/{session.public_id}/all.pdf")
    pages, text = pdf_text(response.content)
    assert pages == 8
    assert "Kırmızı" in text and "Rood" in text and "Red" in text


def test_batch_of_a_session_without_results_says_so(client_for, session, region_a):
    make_registration(session, make_participant(region_a))
    response = client_for("professional").get(f"/documents/booklets/{session.public_id}/all.pdf")
    assert response.status_code == 200 and "nothing_to_print" not in response.content.decode()
    assert "Er is nog niets te printen" in response.content.decode()


# --- access log -------------------------------------------------------------------------------


def test_pdf_writes_a_print_row_for_the_participant(client_for, measured):
    client_for("professional").get(urls(measured)["pdf"])
    event = AccessEvent.objects.get(action="print")
    assert event.participant_id == measured.participant.public_id
    assert event.subject_type == "booklet"


def test_batch_writes_one_print_row_per_participant(client_for, session, region_a):
    people = []
    for _ in range(3):
        registration = make_registration(session, make_participant(region_a))
        measure_all(registration)
        people.append(registration.participant.public_id)
    client_for("professional").get(f"/documents/booklets/{session.public_id}/all.pdf")
    printed = AccessEvent.objects.filter(action="print").values_list("participant_id", flat=True)
    assert sorted(printed) == sorted(people)


def test_screen_view_is_logged_as_view_and_the_list_as_list(client_for, measured):
    client = client_for("professional")
    client.get(urls(measured)["detail"])
    client.get(urls(measured)["session"])
    actions = set(
        AccessEvent.objects.filter(participant_id=measured.participant.public_id).values_list(
            "action", flat=True
        )
    )
    assert actions == {"view", "list"}


# --- query counts -----------------------------------------------------------------------------


def _add_measurements(registration, n):
    for i in range(n):
        make_measurement(registration, "pulse", 60 + i)
        make_measurement(registration, "weight", f"{80 + i}.0")


def test_booklet_query_count_does_not_grow_with_measurements(
    client_for, measured, django_assert_max_num_queries
):
    client = client_for("professional")
    client.get(urls(measured)["detail"])  # warm the session and template caches
    with django_assert_max_num_queries(15) as small:
        assert client.get(urls(measured)["detail"]).status_code == 200
    _add_measurements(measured, 30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(urls(measured)["detail"]).status_code == 200


def test_return_booklet_query_count_is_fixed(client_for, region_a, django_assert_max_num_queries):
    person = make_participant(region_a)
    first = make_consultation(region_a, starts_at=dt.datetime(2026, 3, 5, 9, 0, tzinfo=dt.UTC))
    back = make_consultation(
        region_a, kind="return", starts_at=dt.datetime(2026, 9, 10, 9, 0, tzinfo=dt.UTC)
    )
    before = make_registration(first, person)
    measure_all(before)
    now = make_registration(back, person)
    attend_and_return(before, now)
    measure_all(now)
    client = client_for("professional")
    client.get(urls(now)["detail"])
    with django_assert_max_num_queries(17) as small:
        client.get(urls(now)["detail"])
    _add_measurements(now, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(urls(now)["detail"])


def test_session_list_query_count_does_not_grow_with_participants(
    client_for, session, region_a, django_assert_max_num_queries
):
    client = client_for("professional")
    measure_all(make_registration(session, make_participant(region_a)))
    client.get(f"/documents/booklets/{session.public_id}/")
    with django_assert_max_num_queries(11) as small:  # 11: + each person's GP consent
        client.get(f"/documents/booklets/{session.public_id}/")
    for _ in range(10):
        measure_all(make_registration(session, make_participant(region_a)))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(f"/documents/booklets/{session.public_id}/")


@pytest.mark.parametrize("view", ["session", "detail", "pdf", "batch"])
def test_booklet_pages_only_answer_get(view, client_for, measured):
    assert client_for("professional").post(urls(measured)[view]).status_code == 405


def test_index_query_count_does_not_grow_with_sessions(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("professional")
    make_consultation(region_a)
    client.get("/documents/booklets/")
    with django_assert_max_num_queries(8) as small:
        client.get("/documents/booklets/")
    for _ in range(8):
        make_consultation(region_a)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/documents/booklets/").status_code == 200


@pytest.mark.parametrize(("size", "sheet"), [("a4", 2), ("a5", 4)])
def test_batch_pads_each_booklet_to_whole_duplex_sheets(size, sheet, client_for, session, region_a):
    """Duplex printing must never put one person's results on the back of another's."""
    client = client_for("professional")
    singles = []
    for language in ("nl", "ar", "tr"):
        registration = make_registration(
            session, make_participant(region_a, preferred_language=language)
        )
        measure_all(registration)
        single = client.get(f"/documents/booklet/{registration.public_id}/booklet.pdf?size={size}")
        singles.append(len(PdfReader(io.BytesIO(single.content)).pages))
    response = client.get(f"/documents/booklets/{session.public_id}/all.pdf?size={size}")
    batch = PdfReader(io.BytesIO(response.content))
    padded = [-(-n // sheet) * sheet for n in singles]
    assert len(batch.pages) == sum(padded)
    # Each booklet starts on the front of a fresh sheet; the pages after it are blank.
    start = 0
    for used, total in zip(singles, padded, strict=True):
        assert batch.pages[start].extract_text().strip()
        for blank in batch.pages[start + used : start + total]:
            assert not blank.extract_text().strip()
        start += total
