"""`make bench-dashboards`: the monitoring dashboard at 10k / 100k / 1M participants.

    .venv/bin/python bench/dashboards.py [--sizes 10000,100000,1000000] [--regions 10]
        [--repeat 5] [--database-url postgres://postgres@127.0.0.1:55433/gc_bench_dashboards]

Grows a fresh database step by step with `generate_synthetic` (each step adds new regions, so the
last step is a country of many cities) and after each step times, through Django's test client
with DEBUG off, as a funder with a role in every region:
- the logged-in base page (the yardstick of bench/run.py),
- the dashboard of one region, and
- the national dashboard (every region combined, `?combined=1`).
Each row has p50/p95 in ms, the ratio to the base page and the query count; the rows are added to
`var/bench/latest.json` (replacing earlier dashboard-size rows) so the README table shows them.
Goal: the national dashboard under 1 s on PostgreSQL (`ms<=1000`). Never touches your data:
without --database-url a throw-away SQLite file; a PostgreSQL database must be named gc_bench*
and is dropped and created afresh. `--reuse` times a gc_bench* database grown earlier as it is
(no drop, no growth; e.g. one made once with `generate_synthetic --participants 1000000`).
"""

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import OUT, goal_met, measure, print_table  # noqa: E402

PREFIX = "dashboard at "


def fresh_postgres(url):
    """Drop and create the gc_bench* database named in `url`."""
    import psycopg

    name = urlparse(url).path.lstrip("/")
    if not name.startswith("gc_bench"):
        sys.exit("The PostgreSQL database must be named gc_bench* (it is dropped and recreated).")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup(database_url, reuse=False):
    env = {"DEBUG": "false", "LOG_LEVEL": "WARNING", "REQUEST_LOG_LEVEL": "WARNING"}
    if reuse and not urlparse(database_url).path.lstrip("/").startswith("gc_bench"):
        sys.exit("--reuse needs --database-url of a gc_bench* PostgreSQL database.")
    if database_url:
        if not reuse:
            fresh_postgres(database_url)
        env["DATABASE_URL"] = database_url
    else:
        env["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="gc-bench-dash-")) / "bench.sqlite3")
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groepsconsult.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = "bench.urls"
    settings.ALLOWED_HOSTS = ["testserver"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def funder_client():
    """A two-factor-verified funder with a role in every region (a national insurer)."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from groepsconsult.accounts.models import Membership
    from groepsconsult.regions.models import Region

    user, _ = get_user_model().objects.get_or_create(username="bench-national-funder")
    for region in Region.objects.all():
        Membership.objects.get_or_create(user=user, region=region, role="funder")
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def grow(participants, regions, seed):
    from django.core.management import call_command

    started = time.perf_counter()
    call_command(
        "generate_synthetic",
        participants=participants,
        regions=regions,
        seed=seed,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    return time.perf_counter() - started


def time_size(total, repeat, postgres):
    from django.urls import reverse

    client = funder_client()
    url = reverse("monitoring:dashboard")
    label = f"{total:,}"
    rows = []
    for name, target, goal in [
        ("logged-in base page", "/__bench__/base/", None),
        (f"{PREFIX}{label}: one region", url, "ratio<=2.5"),
        (f"{PREFIX}{label}: national", f"{url}?combined=1", "ms<=1000" if postgres else None),
    ]:
        row = {"name": name, **measure(client, "GET", target, None, repeat), "goal": goal}
        rows.append(row)
    base = rows[0]["p50_ms"]
    for row in rows:
        row["ratio"] = round(row["p50_ms"] / base, 2) if base else None
        row["met"] = goal_met(row)
    return rows[1:]


def save(results, machine):
    """Add the dashboard-size rows to latest.json, replacing the earlier ones."""
    report = json.loads(OUT.read_text()) if OUT.exists() else {"results": []}
    kept = [r for r in report["results"] if not r["name"].startswith(PREFIX)]
    report["results"] = kept + results
    report.setdefault("machine", machine)
    report["dashboards_machine"] = machine
    report.setdefault("when", datetime.now(UTC).isoformat(timespec="seconds"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--regions", type=int, default=10, help="new regions per step")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--reuse", action="store_true", help="time the database as it is")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    setup(args.database_url, reuse=args.reuse)
    postgres = bool(args.database_url)
    results, total = [], 0
    if args.reuse:
        from groepsconsult.participants.models import Participant

        sizes, total = [], Participant.objects.count()
        results += time_size(total, args.repeat, postgres)
    for step, size in enumerate(sizes, start=1):
        took = grow(size - total, args.regions, seed=1000 + step)
        total = size
        print(f"{total:,} participants ({took:.0f} s to add)", flush=True)
        results += time_size(total, args.repeat, postgres)
    engine = "PostgreSQL" if postgres else "SQLite"
    machine = (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {engine}"
    )
    save(results, machine)
    print_table(results)
    print(f"\n{machine}; added to {OUT.relative_to(ROOT)}")
    if any(not r["met"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
