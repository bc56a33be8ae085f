"""The GP import's duplicate check looks up the file's keys through indexes, whatever the size of
the region, and a check's clean rows are reused under the import's lock (only the duplicate
split is redone there)."""

import datetime as dt
import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext

from groepsconsult.audit.services import Actor
from groepsconsult.core.bulk import insert_rows
from groepsconsult.participants.gp_import import services
from groepsconsult.participants.models import Participant, derived_columns
from tests.factories.backbone import make_organisation, make_participant
from tests.factories.gp_import import gp_csv, gp_row, gp_rows

BY = Actor(user_id=None, username="tester", role="coordinator", region_slug="alpha")
TABLE = Participant._meta.db_table


def grow(region, count):
    people = [
        {
            "public_id": uuid.uuid4(),
            "region_id": region.pk,
            "given_name": "Anna",
            "family_name": f"Bulk{n}",
            "date_of_birth": dt.date(1960, 1, 1) + dt.timedelta(days=n % 5000),
            "sex": "female",
            "phone": f"07{n:08d}",
            **derived_columns("Anna", f"Bulk{n}", f"07{n:08d}"),
        }
        for n in range(count)
    ]
    insert_rows(Participant, people)


def participant_reads(region, data):
    with CaptureQueriesContext(connection) as ctx:
        report = services.import_file_check(
            region=region, file_name="selectie.csv", data=data, by=BY
        )
    return report, [q["sql"] for q in ctx.captured_queries if f'FROM "{TABLE}"' in q["sql"]]


def plan(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


def test_duplicates_are_found_by_key_case_and_phone_format_aside(region_a):
    known = make_participant(region_a, family_name="de Vries", date_of_birth=dt.date(1955, 3, 4))
    by_phone = make_participant(region_a, phone="06-2222 3333")
    rows = [
        gp_row(1, Naam="De Vries, Jan", Geboortedatum="04-03-1955"),
        gp_row(2, Telefoon="+31622223333"),
        gp_row(3),
    ]
    report, _reads = participant_reads(region_a, gp_csv(rows))
    assert [d["row"] for d in report.duplicates] == [2, 3]
    assert set(report.matched_participant_ids) == {known.public_id, by_phone.public_id}
    assert len(report.new_rows) == 1


def test_the_check_reads_participants_through_indexes_and_not_more_as_the_region_grows(region_a):
    data = gp_csv(gp_rows(20))
    grow(region_a, 50)
    _report, small = participant_reads(region_a, data)
    grow(region_a, 3000)
    _report, large = participant_reads(region_a, data)
    assert len(small) == len(large) == 2  # one chunk of family names, one of phones
    for sql in large:
        assert "family_key" in sql or "phone_key" in sql
        if connection.vendor == "sqlite":  # the plan's wording is SQLite's
            assert "USING INDEX participant_region__" in plan(sql), plan(sql)


def test_a_reused_check_still_skips_a_person_who_arrived_before_the_import(region_a):
    practice = make_organisation(region_a, kind="gp_practice")
    data = gp_csv(gp_rows(3))
    report = services.import_file_check(region=region_a, file_name="s.csv", data=data, by=BY)
    assert len(report.new_rows) == 3
    make_participant(region_a, family_name="TESTPATIENT2", date_of_birth=dt.date(1952, 3, 3))
    batch = services.gp_selection_import(
        region=region_a,
        gp_practice=practice,
        consultation=None,
        file_name="s.csv",
        data=data,
        by=BY,
        report=report,
    )
    assert batch.new_count == 2 and batch.duplicate_count == 1
    assert Participant.objects.filter(family_name__iexact="testpatient2").count() == 1


def test_the_call_list_panel_counts_up_to_its_cap_per_batch(region_a, client_for, monkeypatch):
    from django.urls import reverse

    from groepsconsult.participants.gp_import import selectors

    practice = make_organisation(region_a, kind="gp_practice")
    data = gp_csv(gp_rows(5))
    services.gp_selection_import(
        region=region_a,
        gp_practice=practice,
        consultation=None,
        file_name="s.csv",
        data=data,
        by=BY,
    )
    assert [b.to_call for b in selectors.call_list_open_list(region=region_a)] == [5]
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    with CaptureQueriesContext(connection) as ctx:
        assert [b.to_call for b in selectors.call_list_open_list(region=region_a)] == [3]
    assert "GROUP BY" not in ctx.captured_queries[0]["sql"].upper()
    body = client_for("coordinator").get(reverse("dashboard")).content.decode()
    assert "meer dan 2 mensen nog te bellen" in body
