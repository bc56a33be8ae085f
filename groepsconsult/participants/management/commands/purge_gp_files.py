"""python manage.py purge_gp_files: delete GP selection files older than 24 hours (cron, hourly).

A checked file waits for the coordinator's "import" at most 24 hours (docs/gp-import.md). Without
this command an abandoned preview was only dropped when someone in the same region uploaded again.
"""

from django.core.management.base import BaseCommand

from groepsconsult.participants.gp_import import services


class Command(BaseCommand):
    help = "Delete GP selection files whose preview expired (older than 24 hours)."

    def handle(self, *args, **options):
        count = services.import_batch_purge_expired()
        self.stdout.write(f"purged {count} expired GP selection file(s)")
