"""`make loadtest`: a bounded locust run against gunicorn on 127.0.0.1; exits 1 on any failure.

    .venv/bin/python bench/loadtest.py [--duration 60] [--workers 3] [--tablets 15]
        [--database-url postgres://postgres@127.0.0.1:55433/gc_loadtest]

Never touches your data: without --database-url (or LOADTEST_DATABASE_URL) it uses a throw-away
SQLite file; a PostgreSQL database must be named gc_loadtest* and is dropped and created afresh.
Preparation (a separate process, so locust's gevent patching stays out of Django): migrate, demo
data, 3,000 synthetic participants in the demo region, and two-factor-verified sessions. Then
gunicorn starts with several workers and these users run for a fixed time:

- 15 tablets saving blood pressure at the care station, each for a participant without one;
- 2 residents registering through the public form;
- 1 door tablet watching the arrivals count;
- 3 dashboard readers.

It prints requests, failures and p95 per request type and in total, then stops gunicorn.
"""

import sys

if "--prepare" not in sys.argv:  # locust's gevent must patch the standard library first
    from gevent import monkey

    monkey.patch_all()

import argparse  # noqa: E402
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def database_env(url, tmp):
    """The environment for every process of the run: its own database, DEBUG off."""
    env = dict(os.environ, DEBUG="false", LOG_LEVEL="WARNING", REQUEST_LOG_LEVEL="WARNING")
    env.pop("DATABASE_URL", None)
    if url:
        name = url.rsplit("/", 1)[-1]
        if not name.startswith("gc_loadtest"):
            sys.exit("The load-test database must be named gc_loadtest...: it is dropped first.")
        recreate_postgres(url, name)
        env["DATABASE_URL"] = url
    else:
        env["SQLITE_PATH"] = str(tmp / "loadtest.sqlite3")
    return env


def recreate_postgres(url, name):
    import psycopg

    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(out):
    """In its own process: data and sessions, written to `out` as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groepsconsult.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from bench.run import client_for
    from groepsconsult.consultations.models import Consultation
    from groepsconsult.demo.synthetic import generate
    from groepsconsult.registrations.models import Registration

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    _client, region = client_for("coordinator")
    generate(participants=3000, seed=2, region=region)

    def sessions(role, n):
        return [client_for(role)[0].cookies[settings.SESSION_COOKIE_NAME].value for _ in range(n)]

    entries = (
        Registration.objects.filter(consultation__region=region, status="registered")
        .filter(day_number__isnull=False, measurements__isnull=True)
        .exclude(attendance="absent")
        .order_by("pk")
        .values_list("public_id", flat=True)
    )
    upcoming = Consultation.objects.filter(region=region, status="open").order_by("starts_at")
    public = list(upcoming.values_list("pk", flat=True)[:5])
    # Room for every resident the run sends (a throw-away database).
    Consultation.objects.filter(pk__in=public).update(capacity=500)
    data = {
        "cookie": settings.SESSION_COOKIE_NAME,
        "tablets": sessions("professional", 15),
        "readers": sessions("coordinator", 3),
        "door": sessions("coordinator", 1),
        "entries": [str(e) for e in entries],
        "public": [str(c.public_id) for c in Consultation.objects.filter(pk__in=public)],
        "door_session": str(upcoming.first().public_id),
    }
    Path(out).write_text(json.dumps(data))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env, port, workers):
    command = [PY, "-m", "gunicorn", "groepsconsult.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    sys.exit("gunicorn did not answer /healthz within a minute")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--tablets", type=int, default=15)
    parser.add_argument("--database-url", default=os.environ.get("LOADTEST_DATABASE_URL", ""))
    parser.add_argument("--prepare", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare(args.prepare)
    tmp = Path(tempfile.mkdtemp(prefix="gc-loadtest-"))
    env = database_env(args.database_url, tmp)
    plan = tmp / "plan.json"
    print("preparing data and sessions ...", flush=True)
    subprocess.run([PY, __file__, "--prepare", str(plan)], env=env, check=True, cwd=ROOT)
    port = free_port()
    server = start_gunicorn(env, port, args.workers)
    try:
        from bench.load_users import run_locust

        ok = run_locust(json.loads(plan.read_text()), f"http://127.0.0.1:{port}", args)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    db = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{args.workers} gunicorn workers, {db}, {os.cpu_count()} cores, {args.duration} s")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
