from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from groepsconsult.privacy import backup


class Command(BaseCommand):
    help = (
        "Restore a backup into an EMPTY database: --into a SQLite file path or a postgres:// URL. "
        "Never restores over the running database; point the app at the restored one afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup_file")
        parser.add_argument("--into", required=True, help="SQLite file or postgres:// URL")

    def handle(self, *args, backup_file, into, **options):
        source = Path(backup_file)
        if not source.exists():
            raise CommandError(f"No such backup file: {source}")
        if not into.startswith(("postgres://", "postgresql://")) and Path(into).exists():
            raise CommandError(f"{into} exists; restore into a new, empty file.")
        backup.restore_database(source, into)
        self.stdout.write(f"restored {source} into {into}")
