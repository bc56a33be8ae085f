from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from groepsconsult.privacy import backup


class Command(BaseCommand):
    help = "Back up the database (and uploaded files) into BACKUP_DIR or --output."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="file to write (default: BACKUP_DIR/gc-<time>.<ext>)")
        parser.add_argument("--no-media", action="store_true", help="skip uploaded files")

    def handle(self, *args, output=None, no_media=False, **options):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        ext = "dump" if backup.is_postgres() else "sqlite3"
        target = Path(output) if output else Path(settings.BACKUP_DIR) / f"gc-{stamp}.{ext}"
        backup.backup_database(target)
        self.stdout.write(f"database: {target}")
        if not no_media:
            media = backup.backup_media(target.with_suffix(".media.tar.gz"))
            if media:
                self.stdout.write(f"uploaded files: {media}")
