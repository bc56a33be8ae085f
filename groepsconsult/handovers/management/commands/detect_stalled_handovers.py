"""Cron: raise signals for hand-overs nobody moved in time, or that ended without a follow-up.

    python manage.py detect_stalled_handovers [--now 2026-12-01T09:00:00+00:00]

Idempotent (one signal per hand-over and status); run it hourly or daily.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from groepsconsult.handovers.services import signals_detect_handovers


class Command(BaseCommand):
    help = "Raise stall signals for warm hand-overs (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="ISO date-time to compute from (tests, replays).")

    def handle(self, *args, now=None, **options):
        moment = None
        if now:
            try:
                moment = dt.datetime.fromisoformat(now)
            except ValueError as exc:
                raise CommandError(f"--now is not an ISO date-time: {now}") from exc
            if moment.tzinfo is None:
                raise CommandError("--now needs a time zone, e.g. +00:00")
        counts = signals_detect_handovers(now=moment)
        self.stdout.write(
            f"{counts['stalled']} new stall signal(s), {counts['ended']} new ended-hand-over signal(s)"
        )
