"""analyze_database refreshes the planner's statistics (SQLite keeps none until asked)."""

import pytest
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db
def test_it_writes_planner_statistics(capsys):
    call_command("analyze_database")
    assert "Statistics refreshed" in capsys.readouterr().out
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchone()[0] == 1
