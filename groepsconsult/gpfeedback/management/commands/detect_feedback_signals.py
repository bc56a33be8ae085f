"""Cron: a red or alarm value whose GP letter the practice has not acknowledged goes onto the
signal list (and leaves it when the practice marks the letter as received). Idempotent.

    python manage.py detect_feedback_signals
"""

from django.core.management.base import BaseCommand

from groepsconsult.gpfeedback.services import signals_detect_red_values


class Command(BaseCommand):
    help = "Raise signals for red values without acknowledged GP feedback."

    def handle(self, *args, **options):
        new = signals_detect_red_values()
        self.stdout.write(f"{new} new red-value signal(s)")
