"""Backup and restore: a backup restored into a fresh database holds the same rows and log."""

import sqlite3
import uuid

import pytest
from django.core.management import call_command
from django.db import connection

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.participants.models import Participant
from tests.factories.backbone import make_participant


def _counts_sqlite(path):
    with sqlite3.connect(path) as db:
        return tuple(
            db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("participants_participant", "audit_accessevent")
        )


def _counts_postgres(url):
    import psycopg

    with psycopg.connect(url) as db:
        return tuple(
            db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("participants_participant", "audit_accessevent")
        )


def _postgres_url(name):
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return (
        f"postgresql://{s['USER']}{password}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{name}"
    )


# Serialized rollback like every other flushing test: a plain transactional flush re-runs
# post_migrate, which on PostgreSQL recreates the content types under new ids, and the next
# serialized-rollback test on that worker then fails to restore its own (issue 12, CI).
@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_a_fresh_database_with_the_same_counts(
    region_a, tmp_path, allow_audit_purge, django_db_serialized_rollback
):
    for n in range(3):
        person = make_participant(region_a, family_name=f"Backup{n}")
        access_log_write(
            by=Actor.system("test"),
            action=AccessEvent.Action.VIEW,
            subject_type="participant",
            subject_ids=[person.public_id],
            participant_ids=[person.public_id],
            purpose=Purpose.CARE,
        )
    expected = (Participant.objects.count(), AccessEvent.objects.count())
    backup = tmp_path / ("gc.dump" if connection.vendor == "postgresql" else "gc.sqlite3")
    call_command("backup_database", output=str(backup), no_media=True)
    if connection.vendor == "postgresql":
        name = f"restore_{uuid.uuid4().hex[:8]}"
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {name}")
        try:
            call_command("restore_database", str(backup), into=_postgres_url(name))
            assert _counts_postgres(_postgres_url(name)) == expected
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP DATABASE {name}")
    else:
        restored = tmp_path / "restored.sqlite3"
        call_command("restore_database", str(backup), into=str(restored))
        assert _counts_sqlite(restored) == expected


def test_restore_refuses_to_overwrite_an_existing_file(tmp_path, db):
    existing = tmp_path / "live.sqlite3"
    existing.write_bytes(b"")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="exists"):
        call_command("restore_database", str(existing), into=str(existing))
