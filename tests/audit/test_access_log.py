"""The access log: append-only in the database, searchable and exportable by the privacy officer."""

import csv
import io

import pytest
from django.db import DatabaseError, connection, transaction

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from tests.factories.backbone import make_participant


def clear_purge_marker():
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_purge_allowed")


def write_event(
    region_slug="alpha", username="zeynep", participant_id=None, action="view", detail=""
):
    access_log_write(
        by=Actor(user_id=1, username=username, role="coordinator", region_slug=region_slug),
        action=action,
        subject_type="participant",
        participant_ids=[participant_id] if participant_id else [],
        purpose="care coordination",
        detail=detail,
    )
    return AccessEvent.objects.latest("id")


def test_an_event_cannot_be_updated(db):
    clear_purge_marker()
    event = write_event()
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessEvent.objects.filter(pk=event.pk).update(username="someone-else")
    event.refresh_from_db()
    assert event.username == "zeynep"


def test_an_event_cannot_be_deleted(db):
    clear_purge_marker()
    event = write_event()
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessEvent.objects.filter(pk=event.pk).delete()
    assert AccessEvent.objects.filter(pk=event.pk).exists()


def test_privacy_officer_searches_by_participant(client_for, region_a):
    participant = make_participant(region_a)
    write_event(participant_id=participant.public_id)
    write_event(username="other")
    response = client_for("privacy_officer").get(
        "/access-log/", {"participant": str(participant.public_id)}
    )
    assert response.status_code == 200
    rows = list(response.context["page"])
    assert [r.participant_id for r in rows] == [participant.public_id]


def test_privacy_officer_filters_on_the_research_export_purpose(client_for):
    write_event(username="carer")
    access_log_write(
        by=Actor(user_id=1, username="researcher", role="researcher", region_slug="alpha"),
        action="export",
        subject_type="datasharingagreement",
        purpose=Purpose.RESEARCH_EXPORT,
    )
    client = client_for("privacy_officer")
    page = client.get("/access-log/").content.decode()
    assert '<option value="research export">Onderzoeksexport</option>' in page
    response = client.get("/access-log/", {"purpose": "research export"})
    assert [e.username for e in response.context["page"]] == ["researcher"]


def test_other_regions_events_are_not_shown(client_for):
    write_event(region_slug="beta", username="beta-user")
    body = client_for("privacy_officer").get("/access-log/").content.decode()
    assert "beta-user" not in body


def test_invalid_filter_gets_a_message_not_an_error(client_for):
    response = client_for("privacy_officer").get(
        "/access-log/",
        {"participant": "not-a-uuid", "date_from": "2026-02-01", "date_to": "2026-01-01"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "participant" in form.errors and "date_to" in form.errors


@pytest.mark.parametrize("role", ["coordinator", "professional", "funder", "host"])
def test_access_log_is_forbidden_for_other_roles(role, client_for):
    assert client_for(role).get("/access-log/").status_code == 403
    assert client_for(role).get("/access-log/export.csv").status_code == 403


def test_anonymous_is_sent_to_login(client, db):
    assert client.get("/access-log/").status_code == 302


def test_export_is_csv_neutralises_formulas_and_is_itself_logged(client_for):
    write_event(username="=HYPERLINK(evil)", detail="+cmd")
    client = client_for("privacy_officer")
    response = client.get("/access-log/export.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert any(r["username"] == "'=HYPERLINK(evil)" and r["detail"] == "'+cmd" for r in rows)
    assert AccessEvent.objects.filter(
        action="export", subject_type="access_log", username=client.user.username
    ).exists()


def test_list_query_count_does_not_grow(client_for, django_assert_max_num_queries):
    client = client_for("privacy_officer")
    write_event()
    with django_assert_max_num_queries(12) as few:
        client.get("/access-log/")
    for _ in range(80):
        write_event()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/access-log/")


def test_a_large_write_takes_the_lean_path_with_the_same_rows(db):
    import uuid

    from groepsconsult.audit.services import LEAN_INSERT_FROM

    ids = [uuid.uuid4() for _ in range(LEAN_INSERT_FROM + 100)]
    access_log_write(
        by=Actor(
            user_id=7,
            username="import",
            role="coordinator",
            region_slug="alpha",
            ip_address="127.0.0.1",
        ),
        action="create",
        subject_type="participant",
        subject_ids=ids,
        participant_ids=ids,
        purpose=Purpose.GP_IMPORT,
    )
    rows = AccessEvent.objects.filter(purpose=Purpose.GP_IMPORT)
    assert rows.count() == len(ids)
    sample = rows.get(participant_id=ids[42])
    assert (sample.username, sample.subject_id, sample.ip_address) == (
        "import",
        str(ids[42]),
        "127.0.0.1",
    )
    assert sample.at is not None


def test_a_free_text_purpose_is_refused(db):
    with pytest.raises(ValueError):
        access_log_write(
            by=Actor.system("test"),
            action=AccessEvent.Action.VIEW,
            subject_type="participant",
            purpose="reminders",  # the old second spelling of "reminder"
        )


def add_events(n, region_slug="alpha"):
    AccessEvent.objects.bulk_create(
        AccessEvent(
            username=f"user{i}",
            region_slug=region_slug,
            action="view",
            subject_type="participant",
            purpose="care coordination",
        )
        for i in range(n)
    )


def test_log_pages_follow_each_other_without_gaps_or_overlap(client_for):
    add_events(120)
    officer = client_for("privacy_officer")
    seen, after = [], None
    for _page in range(4):
        response = officer.get("/access-log/", {"after": after} if after else {})
        page = response.context["page"]
        seen += [e.pk for e in page]
        after = page.next_after
        if after is None:
            break
        assert f"after={after}" in response.content.decode()
    ours = set(AccessEvent.objects.filter(region_slug="alpha").values_list("pk", flat=True))
    assert len(seen) == len(set(seen)) and set(seen) == ours


@pytest.mark.parametrize("events", [60, 600])
def test_log_page_costs_the_same_however_long_the_log(
    client_for, events, django_assert_max_num_queries
):
    add_events(events)
    officer = client_for("privacy_officer")
    after = officer.get("/access-log/").context["page"].next_after
    with django_assert_max_num_queries(9):
        response = officer.get("/access-log/", {"after": after, "username": ""})
    assert len(response.context["page"].object_list) == (10 if events == 60 else 50)


# The rows as the page's template wrote them before they were built in Python (audit/templatetags).
TEMPLATE_ROWS = (
    '{% load ui %}{% for e in page %}<tr><td>{{ e.at|date_cached:"Y-m-d H:i:s" }}</td>'
    "<td>{{ e.username }}</td><td>{{ e.role }}</td><td>{{ e.get_action_display }}</td>"
    '<td>{{ e.subject_type }}{% if e.detail %}<br><span class="muted">{{ e.detail }}</span>'
    '{% endif %}</td><td><code>{{ e.participant_id|default:"" }}</code></td>'
    "<td>{{ e.get_purpose_display }}</td></tr>{% endfor %}"
)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_log_rows_are_the_markup_the_template_wrote(client_for, region_a, language):
    from django.template import Context, Template
    from django.utils import translation

    participant = make_participant(region_a)
    write_event(participant_id=participant.public_id, detail="page 1 (search)")
    write_event(username="<script>x</script>", action="list", detail='a & "b"')
    write_event(username="zeynep", action="export")
    officer = client_for("privacy_officer")
    with translation.override(language):
        response = officer.get("/access-log/", HTTP_ACCEPT_LANGUAGE=language)
        page = response.context["page"]
        expected = Template(TEMPLATE_ROWS).render(Context({"page": page}))
    html = response.content.decode()
    assert len(page.object_list) >= 3 and "&lt;script&gt;" in expected
    assert f"<tbody>{expected}</tbody>" in html


def test_search_by_user_ignores_case_and_stays_in_the_region(client_for, region_a):
    write_event(username="Zeynep.Alpha")
    write_event(username="zeynep.alpha", action="list")
    write_event(username="zeynep.alpha", region_slug="beta")
    write_event(username="zeynep.alphabet")
    officer = client_for("privacy_officer")
    response = officer.get("/access-log/", {"username": "ZEYNEP.alpha"})
    rows = list(response.context["page"])
    assert sorted(r.username for r in rows) == ["Zeynep.Alpha", "zeynep.alpha"]
    assert {r.region_slug for r in rows} == {"alpha"}


def test_search_by_user_reads_that_users_rows_from_an_index(db):
    """The search walks the region's rows of that user newest first (one index range), not the
    whole region's log until fifty of them match."""
    from groepsconsult.audit.selectors import access_event_list_for_user

    class Membership:
        region = type("Region", (), {"slug": "alpha"})()

    events = access_event_list_for_user(membership=Membership(), filters={"username": "Zeynep"})
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # the test table is tiny
        plan = events.order_by("-at", "-id")[:51].explain()
    assert "accessevent_user_region_idx" in plan, plan
