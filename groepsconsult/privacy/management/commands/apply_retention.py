from django.core.management.base import BaseCommand

from groepsconsult.privacy.services import apply_retention, retention_rules


class Command(BaseCommand):
    help = "Anonymise participants past the retention periods (run nightly); prints counts."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count only, change nothing")

    def handle(self, *args, dry_run=False, **options):
        counts = apply_retention(dry_run=dry_run)
        verb = "would anonymise" if dry_run else "anonymised"
        for rule in retention_rules():
            self.stdout.write(f"{rule.name} ({rule.days} days): {verb} {counts[rule.name]}")
