"""`manage.py generate_synthetic --participants N [--seed S] [--regions R | --region SLUG]`."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from groepsconsult.demo.synthetic import generate
from groepsconsult.regions.models import Region


class Command(BaseCommand):
    # The system checks import every URL module (about 20 s of a loaded 2-core machine) and
    # check nothing this command uses; `migrate` and the server run them.
    requires_system_checks = []
    help = (
        "Create N synthetic participants with sessions, registrations, attendance, measurements, "
        "goals, consent, background answers, questionnaires, follow-up calls, hand-overs and "
        "drop-out, plus the regions' costs (deterministic for a seed), in R new regions or in "
        "one existing region."
    )

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--regions", type=int, default=1, help="new regions to create")
        parser.add_argument("--region", default="", help="slug of an existing region to fill")

    def handle(self, *args, participants, seed, regions, region, **options):
        if participants < 1 or regions < 1:
            raise CommandError("--participants and --regions must be at least 1.")
        target = None
        if region:
            target = Region.objects.filter(slug=region).first()
            if target is None:
                raise CommandError(f"No region with slug {region!r}.")
        elif Region.objects.filter(slug__startswith=f"synthetic-{seed}-").exists():
            raise CommandError(
                f"Synthetic regions for seed {seed} exist already; pick another seed."
            )
        started, cpu = time.perf_counter(), time.process_time()
        counts = generate(
            participants=participants,
            seed=seed,
            regions=regions,
            region=target,
            progress=lambda made: self._progress(made, started, options["verbosity"]),
        )
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{v} {k}" for k, v in vars(counts).items())
        cpu = time.process_time() - cpu  # this process only (not a PostgreSQL server's work)
        self.stdout.write(f"Created {summary} in {elapsed:.1f} s (CPU {cpu:.1f} s).")
        # Bulk writes skip the services' signals: rebuild the monitoring facts of what was filled.
        filled = (
            [target] if target else Region.objects.filter(slug__startswith=f"synthetic-{seed}-")
        )
        started, cpu = time.perf_counter(), time.process_time()
        for one in filled:
            call_command("rebuild_monitoring", region=one.slug, stdout=self.stdout)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        self.stdout.write(f"Monitoring facts rebuilt in {elapsed:.1f} s (CPU {cpu:.1f} s).")

    def _progress(self, counts, started, verbosity):
        if verbosity >= 2:
            seconds = time.perf_counter() - started
            rows = sum(v for k, v in vars(counts).items() if k != "regions")
            self.stdout.write(
                f"{counts.participants} participants, {rows} rows in {seconds:.0f} s "
                f"({rows / max(seconds, 0.001):.0f} rows/s)"
            )
