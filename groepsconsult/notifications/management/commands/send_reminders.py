"""Send the reminder 2 days before each session. Cron runs it, e.g. hourly: `5 * * * *`.

Idempotent: a reminder is sent at most once per registration (see notifications.services).
Prints counts only, never names or numbers: cron mails its output to the administrator.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from groepsconsult.audit.services import Actor
from groepsconsult.notifications.services import reminders_send_due
from groepsconsult.notifications.transports import TransportError


class Command(BaseCommand):
    help = "Send reminders (SMS or e-mail) for sessions two days from today. Safe to run hourly."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            help="Act as if today were this date (YYYY-MM-DD); for catching up after an outage.",
        )

    def handle(self, *args, **options):
        today = options["today"] or timezone.localdate()
        try:
            counts = reminders_send_due(today=today, by=Actor.system("send_reminders"))
        except TransportError as exc:
            raise CommandError(str(exc)) from exc
        session_day = today + dt.timedelta(days=2)
        self.stdout.write(
            f"Reminders for sessions on {session_day:%Y-%m-%d}: "
            f"{counts['sent_sms']} by SMS, {counts['sent_email']} by e-mail, "
            f"{counts['failed']} failed, {counts['opted_out']} opted out, "
            f"{counts['no_contact']} without mobile number or e-mail, "
            f"{counts['already']} already handled by another run."
        )
        if counts["failed"]:
            self.stderr.write(f"{counts['failed']} reminder(s) failed; the command retries them.")
