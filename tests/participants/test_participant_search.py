"""Name search folds diacritics and the Turkish dotless i, on every database (stored column)."""

import importlib

import pytest
from django.apps import apps as django_apps

from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import import services
from groepsconsult.participants.models import Participant
from groepsconsult.participants.selectors import participant_search
from tests.factories.backbone import make_consultation, make_organisation, make_participant
from tests.factories.gp_import import gp_csv, gp_row

BY = Actor(user_id=None, username="tester", role="coordinator", region_slug="alpha")


@pytest.fixture
def kilic(region_a):
    return make_participant(region_a, given_name="Ayşe", family_name="Kılıç")


@pytest.mark.parametrize("q", ["kilic", "Kilic", "KILIÇ", "kılıç", "ayse kilic", "Ayşe"])
def test_search_finds_kilic_however_it_is_typed(q, kilic, region_a):
    make_participant(region_a, given_name="Jan", family_name="Jansen")
    found = participant_search(Participant.objects.all(), q)
    assert list(found) == [kilic]


def test_search_name_follows_a_name_change(kilic):
    kilic.family_name = "Öztürk"
    kilic.save(update_fields=["family_name"])
    assert list(participant_search(Participant.objects.all(), "ozturk")) == [kilic]


def test_participant_list_search_finds_kilic_by_kilic(client_for, kilic):
    client = client_for("coordinator")
    response = client.post("/participants/", {"q": "kilic"}, follow=True)
    assert "Kılıç" in response.content.decode()


def test_gp_import_fills_the_search_name(region_a):
    practice = make_organisation(region_a, kind="gp_practice")
    data = gp_csv([gp_row(1, Naam="Kılıç, Ayşe")])
    services.gp_selection_import(
        region=region_a,
        gp_practice=practice,
        consultation=make_consultation(region_a),
        file_name="selectie.csv",
        data=data,
        by=BY,
    )
    assert Participant.objects.get().search_name == "ayse kilic"


def test_data_migration_fills_existing_rows(kilic):
    Participant.objects.filter(pk=kilic.pk).update(search_name="")
    migration = importlib.import_module(
        "groepsconsult.participants.migrations.0004_fill_participant_search_name"
    )
    migration.fill(django_apps, None)
    kilic.refresh_from_db()
    assert kilic.search_name == "ayse kilic"


def test_name_search_plan_uses_an_index_on_postgresql(region_a, kilic):
    """PostgreSQL answers "contains" name searches from the trigram index; SQLite (small
    installs) has no such index, and the migration leaves it alone there."""
    from django.db import connection

    search = participant_search(Participant.objects.all(), "kilic")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # the test table is tiny
            plan = search.explain()
            assert "participants_participant_search_name_trgm" in plan
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
            assert not any("trgm" in name for (name,) in cursor.fetchall())
    assert list(search) == [kilic]


def test_a_postcode_shaped_term_also_finds_the_postcode(region_a, kilic):
    at_home = make_participant(region_a, given_name="Jan", family_name="Jansen", postcode="2525AB")
    assert list(participant_search(Participant.objects.all(), "2525ab")) == [at_home]
    assert list(participant_search(Participant.objects.all(), "kilic 2525ab")) == []
