"""`manage.py analyze_database`: refresh the query planner's statistics (nightly, deploy/schedule.txt).

SQLite keeps no statistics unless asked: without them it read a million measurements through the
wrong index once the tables grew (a station page took 2 s instead of 13 ms). PostgreSQL's
autovacuum analyses by itself; running this there too is harmless and quick.
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Refresh the database's query-planner statistics (ANALYZE)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"Statistics refreshed in {time.perf_counter() - started:.1f} s.")
