"""Name search folds diacritics and the Turkish dotless i, on every database (stored column)."""

import datetime as dt
import importlib
import uuid

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
    """PostgreSQL answers "contains" name searches from the trigram index; on SQLite 0008
    leaves the schema alone (SQLite's FTS5 table comes from 0010, tested below)."""
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


NAMES = [("Ayşe", "Kılıç"), ("Jan", "de Bakker"), ("Anna", "Bakkerud"), ("Piet", "O'Brien")]
TERMS = ["bakker", "akk", "ak", "kilic", "o'b", 'a"b', "de bakker", "zzz", "an"]


def _like(term):
    from groepsconsult.core.text import fold_name

    folded = fold_name(term)
    return set(
        Participant.objects.filter(search_name__contains=folded).values_list("pk", flat=True)
    )


def _found(term):
    return set(participant_search(Participant.objects.all(), term).values_list("pk", flat=True))


def test_indexed_search_finds_what_a_plain_contains_finds_after_every_kind_of_write(region_a):
    from groepsconsult.core.bulk import insert_rows
    from groepsconsult.participants.models import derived_columns

    people = [make_participant(region_a, given_name=g, family_name=f) for g, f in NAMES]
    people[0].family_name = "Bakkeroglu"
    people[0].save(update_fields=["family_name"])
    people[3].delete()
    insert_rows(
        Participant,
        [
            {
                "public_id": uuid.uuid4(),
                "region_id": region_a.pk,
                "given_name": "Bram",
                "family_name": "Bakker",
                "date_of_birth": dt.date(1960, 1, 1),
                "sex": "male",
                **derived_columns("Bram", "Bakker", ""),
            }
        ],
    )
    for term in TERMS:
        assert _found(term) == _like(term), term
    assert len(_found("bakker")) == 4 and not _found("kilic") and not _found("o'b")


def test_name_search_plan_uses_the_fts5_trigram_table_on_sqlite(region_a, kilic):
    from django.db import connection

    search = participant_search(Participant.objects.filter(region=region_a), "kilic")
    sql, params = search.query.sql_with_params()
    if connection.vendor != "sqlite":  # PostgreSQL has its trigram index (test above)
        assert "participants_participant_fts" not in sql
        assert list(search) == [kilic]
        return
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "participants_participant_fts VIRTUAL TABLE" in plan, plan
    assert "search_name" not in sql.split("WHERE", 1)[1].split("participants_participant_fts")[0]
    assert list(search) == [kilic]


def test_a_rebuilt_participants_table_gets_its_search_triggers_back(region_a, kilic):
    """SQLite drops triggers with a table a later migration rebuilds; post_migrate restores them."""
    from django.db import connection

    from groepsconsult.participants.search import FTS_TABLE, fts_ensure

    if connection.vendor != "sqlite":  # no FTS table to restore: ensuring it changes nothing
        fts_ensure(using="default")
        assert list(participant_search(Participant.objects.all(), "kilic")) == [kilic]
        return
    with connection.cursor() as cursor:
        for suffix in ("ai", "ad", "au"):
            cursor.execute(f"DROP TRIGGER {FTS_TABLE}_{suffix}")
    later = make_participant(region_a, given_name="Ole", family_name="Kilicoglu")
    fts_ensure(using="default")
    assert set(participant_search(Participant.objects.all(), "kilic")) == {kilic, later}
    kilic.family_name = "Yilmaz"
    kilic.save(update_fields=["family_name"])
    assert list(participant_search(Participant.objects.all(), "kilic")) == [later]


def _insert_trigger_present():
    from django.db import connection

    from groepsconsult.participants.search import FTS_TABLE

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [f"{FTS_TABLE}_ai"])
        return cursor.fetchone() is not None


def test_a_gp_import_fills_the_name_index_once_and_leaves_the_trigger_in_place(region_a, kilic):
    """The import drops the insert trigger for its bulk insert and indexes the new rows after."""
    from django.db import connection

    practice = make_organisation(region_a, kind="gp_practice")
    rows = [gp_row(1, Naam="Kılıçoğlu, Ayşe"), gp_row(2, Naam="Bakker, Bram")]
    services.gp_selection_import(
        region=region_a,
        gp_practice=practice,
        consultation=None,
        file_name="selectie.csv",
        data=gp_csv(rows),
        by=BY,
    )
    later = make_participant(region_a, given_name="Ole", family_name="Kilicer")
    assert {p.family_name for p in participant_search(Participant.objects.all(), "kilic")} == {
        "Kılıç",
        "Kılıçoğlu",
        "Kilicer",
    }
    assert _found("bakker") == _like("bakker") and later.pk in _found("kilic")
    if connection.vendor == "sqlite":
        assert _insert_trigger_present()


def test_a_failed_bulk_load_rolls_back_with_its_trigger_and_index_intact(region_a, kilic):
    from django.db import connection, transaction

    from groepsconsult.core.bulk import insert_rows, reserve_ids
    from groepsconsult.participants.models import derived_columns
    from groepsconsult.participants.search import fts_bulk_load

    with pytest.raises(ZeroDivisionError), transaction.atomic(), fts_bulk_load():
        (pk,) = reserve_ids(Participant, 1)
        insert_rows(
            Participant,
            [
                {
                    "id": pk,
                    "region_id": region_a.pk,
                    "given_name": "Ole",
                    "family_name": "Kilicer",
                    "date_of_birth": dt.date(1960, 1, 1),
                    "sex": "male",
                    **derived_columns("Ole", "Kilicer", ""),
                }
            ],
        )
        1 / 0  # noqa: B018  (the import fails half-way)
    assert list(participant_search(Participant.objects.all(), "kilic")) == [kilic]
    if connection.vendor == "sqlite":
        assert _insert_trigger_present()
    later = make_participant(region_a, given_name="Ole", family_name="Kilicer")
    assert set(participant_search(Participant.objects.all(), "kilic")) == {kilic, later}


def _many_bakkers(region, n, start=0, families=("de Bakker", "Bakker", "Bakkerud")):
    from groepsconsult.core.bulk import insert_rows
    from groepsconsult.participants.models import derived_columns

    rows = []
    for i in range(start, start + n):
        given, family = f"Piet{i % 7}", families[i % len(families)]
        rows.append(
            {
                "public_id": uuid.uuid4(),
                "region_id": region.pk,
                "given_name": given,
                "family_name": family,
                "date_of_birth": dt.date(1960, 1, 1),
                **derived_columns(given, family, ""),
            }
        )
    insert_rows(Participant, rows)


def _search_pages(client):
    seen, page = [], 1
    while True:
        response = client.get("/participants/", {"page": page})
        rows = list(response.context["page"])
        seen += rows
        if not response.context["page"].has_next():
            return seen
        page += 1


def test_search_pages_show_every_match_once_in_name_order(client_for, region_a):
    """The page sorts ids and then fetches their rows: every match still appears exactly once,
    in name order (equal names by id), on the pages after one another."""
    _many_bakkers(region_a, 80)
    make_participant(region_a, given_name="Jan", family_name="Jansen")
    client = client_for("coordinator")
    client.post("/participants/", {"q": "bakker"})
    seen = _search_pages(client)
    assert [p.pk for p in seen] == sorted(
        _like("bakker"),
        key=lambda pk: (lambda p: (p.family_name, p.given_name, p.pk))(
            Participant.objects.get(pk=pk)
        ),
    )
    assert all(p.neighbourhood_id is None or p.neighbourhood for p in seen)


def test_search_query_count_does_not_grow_with_the_matches(
    client_for, region_a, django_assert_max_num_queries
):
    _many_bakkers(region_a, 30)
    client = client_for("coordinator")
    client.post("/participants/", {"q": "bakker"})
    with django_assert_max_num_queries(14) as few:
        client.get("/participants/")
    _many_bakkers(region_a, 300, start=30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/participants/", {"page": 3})
    assert len(response.context["page"].object_list) == 25


def test_search_sorts_its_matches_from_the_narrow_index_on_sqlite(region_a):
    """SQLite sorts a search's matches by name from participant_sort_by_id_idx (about 30 bytes
    an entry) instead of reading each matching row; the planner picks it once analysed, when
    the matches are a small part of the region (a few per cent, as "Bakker" at 100,000)."""
    from django.db import connection

    _many_bakkers(region_a, 100)
    _many_bakkers(region_a, 3000, start=100, families=("Jansen", "Visser", "de Vries"))
    ids = (
        participant_search(Participant.objects.filter(region=region_a), "bakker")
        .order_by("family_name", "given_name", "pk")
        .values_list("pk", flat=True)
    )
    if connection.vendor != "sqlite":  # no such plan to check there: the matches, in order
        bakkers = Participant.objects.filter(region=region_a, family_name__icontains="bakker")
        expected = bakkers.order_by("family_name", "given_name", "pk").values_list("pk", flat=True)
        assert list(ids) == list(expected) and len(expected) == 100
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE participants_participant")
    plan = ids.explain()
    assert "participant_sort_by_id_idx" in plan, plan
