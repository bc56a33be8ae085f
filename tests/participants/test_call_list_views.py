"""The call list of an imported file: the cast, names logged, one-click outcomes, query counts."""

from groepsconsult.audit.models import AccessEvent
from groepsconsult.participants.models import CallListEntry
from tests.factories.backbone import make_organisation, make_participant
from tests.factories.gp_import import importer_role, make_import_batch

URL = "/participants/import/"


def batch_with(region, n=3):
    practice = make_organisation(region, kind="gp_practice")
    people = [make_participant(region, gp_practice=practice) for _ in range(n)]
    return make_import_batch(region, gp_practice=practice, participants=people), people


def test_call_list_shows_names_and_logs_each(client_for, region_a):
    batch, people = batch_with(region_a)
    client = client_for(importer_role())
    response = client.get(f"{URL}{batch.public_id}/calls/")
    assert response.status_code == 200
    body = response.content.decode()
    assert all(p.family_name in body for p in people)
    listed = AccessEvent.objects.filter(action="list", subject_type="calllistentry")
    assert set(listed.values_list("participant_id", flat=True)) == {p.public_id for p in people}
    assert set(listed.values_list("username", flat=True)) == {client.user.username}


def test_call_list_forbidden_for_other_roles(client_for, region_a):
    batch, _people = batch_with(region_a)
    for role in ("host", "professional", "gp_practice"):
        assert client_for(role).get(f"{URL}{batch.public_id}/calls/").status_code == 403


def test_call_list_of_another_region_is_404(client_for, region_b):
    batch, _people = batch_with(region_b)
    assert client_for(importer_role()).get(f"{URL}{batch.public_id}/calls/").status_code == 404


def test_call_list_anonymous_goes_to_login(client, region_a):
    batch, _people = batch_with(region_a)
    response = client.get(f"{URL}{batch.public_id}/calls/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_filter_by_outcome(client_for, region_a):
    batch, people = batch_with(region_a)
    entry = CallListEntry.objects.get(participant=people[0])
    client = client_for(importer_role())
    client.post(f"{URL}calls/{entry.public_id}/", {"outcome": "wrong_number"})
    response = client.get(f"{URL}{batch.public_id}/calls/?outcome=wrong_number")
    page = response.context["page"]
    assert [e.participant for e in page] == [people[0]]


def test_one_click_outcome_via_htmx_returns_the_row(client_for, region_a):
    batch, people = batch_with(region_a, n=1)
    entry = CallListEntry.objects.get()
    client = client_for(importer_role())
    response = client.post(
        f"{URL}calls/{entry.public_id}/",
        {"outcome": "reached", "note": "komt met buurvrouw"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith(f'<tr id="call-{entry.public_id}">')
    assert "Bereikt" in body and "komt met buurvrouw" in body
    entry.refresh_from_db()
    assert (entry.outcome, entry.called_by) == ("reached", client.user)


def test_registered_outcome_goes_to_the_registration_path(client_for, region_a):
    """ "Registered" is a place in the session: handed to registrations (307 keeps the POST)."""
    _batch, _people = batch_with(region_a, n=1)
    entry = CallListEntry.objects.get()
    response = client_for(importer_role()).post(
        f"{URL}calls/{entry.public_id}/", {"outcome": "registered", "note": "x"}
    )
    assert response.status_code == 307
    assert response["Location"] == f"/aanmelden/calls/{entry.public_id}/registered/"
    entry.refresh_from_db()
    assert entry.outcome == "not_called"


def test_outcome_without_htmx_redirects_back(client_for, region_a):
    batch, _people = batch_with(region_a, n=1)
    entry = CallListEntry.objects.get()
    response = client_for(importer_role()).post(
        f"{URL}calls/{entry.public_id}/", {"outcome": "declined"}
    )
    assert response.status_code == 302 and response["Location"] == f"{URL}{batch.public_id}/calls/"


def test_invalid_outcome_changes_nothing(client_for, region_a):
    _batch, _people = batch_with(region_a, n=1)
    entry = CallListEntry.objects.get()
    response = client_for(importer_role()).post(
        f"{URL}calls/{entry.public_id}/", {"outcome": "hacked"}, HTTP_HX_REQUEST="true"
    )
    assert (
        response.status_code == 200 and "Kies een van de uitkomsten." in response.content.decode()
    )
    entry.refresh_from_db()
    assert entry.outcome == "not_called"


def test_outcome_cast(client_for, client, region_a, region_b):
    _batch, _people = batch_with(region_a, n=1)
    entry = CallListEntry.objects.get()
    assert (
        client_for("host")
        .post(f"{URL}calls/{entry.public_id}/", {"outcome": "reached"})
        .status_code
        == 403
    )
    response = client.post(f"{URL}calls/{entry.public_id}/", {"outcome": "reached"})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    _other_batch, _others = batch_with(region_b, n=1)
    foreign = CallListEntry.objects.get(batch__region=region_b)
    response = client_for(importer_role()).post(
        f"{URL}calls/{foreign.public_id}/", {"outcome": "reached"}
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.outcome == "not_called"


def test_call_list_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    batch, _people = batch_with(region_a, n=2)
    client = client_for(importer_role())
    url = f"{URL}{batch.public_id}/calls/"
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    practice = batch.gp_practice
    for _ in range(30):
        CallListEntry.objects.create(
            batch=batch, participant=make_participant(region_a, gp_practice=practice)
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"]) == 25


def test_counts_partial_refreshes_without_names(client_for, region_a):
    batch, people = batch_with(region_a, n=2)
    client = client_for(importer_role())
    entry = CallListEntry.objects.get(participant=people[0])
    response = client.post(
        f"{URL}calls/{entry.public_id}/", {"outcome": "no_answer"}, HTTP_HX_REQUEST="true"
    )
    assert response["HX-Trigger"] == "callOutcomeChanged"
    before = AccessEvent.objects.count()
    response = client.get(f"{URL}{batch.public_id}/calls/?part=counts", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'id="outcome-filter"' in body and 'Geen gehoor <span class="count">1</span>' in body
    assert people[0].family_name not in body
    assert AccessEvent.objects.count() == before  # no names shown, nothing to log
