"""Synthetic participants at city and country scale (`generate_synthetic`), deterministic per seed.

Each participant has a trajectory, a registration for a first session in their neighbourhood and,
when that session was held, attendance, baseline measurements and goals; about six months later
most come back to a return session (the rest drop out), with values that moved a little towards
health. Values are correlated through BMI and age. Colours come from measurements.classify, the one
place that turns values into traffic lights. Modules: `places` (a new region's neighbourhoods,
centres and practices), `sessions` (sessions and batches), `people` (a participant's path),
`extras` (consent, background, questionnaires, calls, hand-overs), `values` (bodies and
measurements), `setup` (users, texts, offers, costs), `batch` (rows waiting, counts). Rows go in through `bulk.bulk_insert` (COPY on
PostgreSQL), session by session, so memory stays flat however many participants are made.
"""

import random

from django.db import connection, transaction
from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.demo.bulk import (
    IdBlock,
    foreign_keys_checked_after,
    refresh_statistics,
    reset_sequences,
)
from groepsconsult.demo.synthetic import extras, places, sessions, setup
from groepsconsult.demo.synthetic.batch import WRITE_ORDER, Batch, Counts, Trajectory
from groepsconsult.participants.search import fts_bulk_load
from groepsconsult.regions.models import Location

__all__ = ["WRITE_ORDER", "Counts", "Trajectory", "generate"]


def generate(
    *, participants: int, seed: int = 1, regions: int = 1, region=None, today=None, progress=None
):
    """Create `participants` synthetic participants (split over `regions` new regions, or all in
    the existing `region`), all in one transaction. Returns the Counts. `progress(counts)` is
    called after each batch (about 3,700 participants)."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    counts = Counts()
    with transaction.atomic():
        _roomy_sqlite_cache()
        targets = [region] if region else [places.new_region(seed, i, rng) for i in range(regions)]
        if region and not Location.objects.filter(region=region).exists():
            places.backbone(region, 0, rng)
        counts.regions = len(targets)
        ids = {model: IdBlock(model) for model in [*WRITE_ORDER, Consultation]}
        user = setup.synthetic_user()
        receiver = setup.synthetic_user(setup.RECEIVER_USERNAME)
        texts, forms = setup.consent_texts(), setup.questionnaire_forms()
        for i, target in enumerate(targets):
            share = participants // len(targets) + (1 if i < participants % len(targets) else 0)
            ctx = _context(target, rng, ids, today, user, receiver, texts, forms, progress)
            held = _fill(target, share, ctx, counts)
            counts.budget_lines += setup.region_costs(target, held, rng)
        reset_sequences(Consultation, *WRITE_ORDER)
    refresh_statistics()
    return counts


def _fill(target, share, ctx, counts) -> list:
    """The region's sessions and participants. The name index is filled once at the end
    (SQLite) and the foreign keys are checked once, set-based, at the end (PostgreSQL, as a
    superuser); see their docstrings."""
    first_ids = {model: block.next for model, block in ctx.ids.items()}
    with fts_bulk_load(), foreign_keys_checked_after(first_ids):
        return sessions.fill_region(target, share, ctx, counts)


def _context(target, rng, ids, today, user, receiver, texts, forms, progress):
    return extras.Ctx(
        rng=rng,
        ids=ids,
        batch=Batch(),
        today=today,
        user_id=user.pk,
        username=user.username,
        receiver=(receiver.pk, receiver.username),
        texts=texts,
        forms=forms,
        offers=setup.region_offers(target, rng, today),
        call_weeks=target.follow_up_call_weeks,
        progress=progress or (lambda counts: None),
    )


def _roomy_sqlite_cache():
    """Random UUID keys touch every page of their index; a 256 MB page cache (this connection
    only) keeps SQLite from re-reading them for each row."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")
