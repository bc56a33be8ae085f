"""Daily (cron): trajectories whose follow-up call is due move into follow-up."""

from django.core.management.base import BaseCommand

from groepsconsult.audit.services import Actor
from groepsconsult.regions.models import Region
from groepsconsult.trajectories.services import trajectories_start_due_follow_ups


class Command(BaseCommand):
    help = "Move trajectories whose follow-up call is due into follow-up, per region."

    def handle(self, *args, **options):
        by = Actor.system("start_due_follow_ups")
        for region in Region.objects.filter(is_active=True):
            count = trajectories_start_due_follow_ups(region=region, by=by)
            self.stdout.write(f"{region.slug}: {count}")
