"""`make bench`: page costs as ratios to the logged-in base page, written to var/bench/latest.json.

    .venv/bin/python bench/run.py [--repeat 15] [--only NAME] [--keep]

Uses its own throw-away SQLite file (never your data): migrates it, loads the demo data through the
services (seed_demo), logs in as the demo coordinator (two-factor verified), then times each
scenario of bench/scenarios.py through Django's test client with DEBUG off. Each figure is a p50 and
p95 in ms and a ratio to the logged-in base page measured in the same run, so machines compare.
Goals are checked too: a GET writes nothing (but its access-log row), the base page needs at most
4 queries. Exits 1 when a goal is missed; the table and JSON say which.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench" / "latest.json"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
ACCESS_LOG_TABLE = "audit_accessevent"


def setup(db_path):
    os.environ.update(
        SQLITE_PATH=str(db_path), DEBUG="false", LOG_LEVEL="WARNING", REQUEST_LOG_LEVEL="WARNING"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groepsconsult.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = "bench.urls"
    settings.ALLOWED_HOSTS = ["testserver"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def client_for(role):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from groepsconsult.accounts.models import Membership

    membership = Membership.objects.filter(role=role).order_by("pk").first()
    client = Client()
    client.force_login(membership.user)
    session = client.session
    device = TOTPDevice.objects.filter(user=membership.user).first()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client, membership.region


def measure(client, method, url, data, repeat):
    from django.db import connection

    call = client.get if method == "GET" else client.post
    call(url, data)  # warm-up: templates, caches
    seen = []

    def record(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = call(url, data)
    writes = [
        sql
        for sql in seen
        if sql.lstrip().upper().startswith(WRITES) and ACCESS_LOG_TABLE not in sql
    ]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call(url, data)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {
        "status": response.status_code,
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(p95, 2),
        "queries": len(seen),
        "writes": len(writes) if method == "GET" else None,
    }


def goal_met(row):
    goal = row["goal"]
    if row["status"] >= 400:
        return False
    if row.get("writes"):
        return False
    if not goal:
        return True
    key, limit = goal.replace("<=", " ").split()
    value = {"ratio": row["ratio"], "queries": row["queries"], "ms": row["p50_ms"]}[key]
    return value <= float(limit)


def run(repeat, only):
    from bench.scenarios import page_scenarios

    clients = {}
    coordinator, region = client_for("coordinator")
    results, base = [], None
    for name, role, method, url, data, goal in page_scenarios(region):
        client = clients.get(role) or clients.setdefault(role, client_for(role)[0])
        if only and only not in name and name != "logged-in base page":
            continue
        row = {"name": name, **measure(client, method, url, data, repeat), "goal": goal}
        if name == "logged-in base page":
            base = row["p50_ms"]
        row["ratio"] = round(row["p50_ms"] / base, 2) if base else None
        row["met"] = goal_met(row)
        results.append(row)
    return results


def print_table(results):
    print(
        f"{'scenario':<26} {'p50 ms':>8} {'p95 ms':>8} {'ratio':>6} {'queries':>7} {'writes':>6}  goal"
    )
    for r in results:
        mark = "" if r["met"] else "  MISSED"
        print(
            f"{r['name']:<26} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['ratio'] or '':>6} "
            f"{r['queries']:>7} {r['writes'] if r['writes'] is not None else '':>6}  {r['goal'] or ''}{mark}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", default="")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="gc-bench-"))
    setup(tmp / "bench.sqlite3")
    results = run(args.repeat, args.only)
    machine = f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, SQLite"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "machine": machine,
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "results": results,
            },
            indent=2,
        )
    )
    print_table(results)
    print(f"\n{machine}; written to {OUT.relative_to(ROOT)}")
    if not args.keep:
        for f in tmp.iterdir():
            f.unlink()
        tmp.rmdir()
    sys.exit(0 if all(r["met"] for r in results) else 1)


if __name__ == "__main__":
    main()
