"""Benchmark: check and import a 50,000-row GP selection file on SQLite (goal: under 10 s).

    .venv/bin/python bench/bench_gp_import.py [--rows 50000] [--keep]

Uses its own throw-away SQLite file (never your data), migrates it, generates a CSV in memory,
then times reading + checking and the all-or-nothing import separately. Not part of pytest.
Exits 1 when the total is over the goal.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 10.0


def make_csv(rows: int) -> bytes:
    lines = ["Naam;Geboortedatum;Geslacht;Telefoon;E-mail;Postcode;Selectiereden"]
    for n in range(rows):
        lines.append(
            f"Bench{n}, Fatma;{1 + n % 28:02d}-{1 + n % 12:02d}-{1940 + n % 50};"
            f"{'V' if n % 2 else 'M'};06{20000000 + n:08d};bench{n}@example.org;"
            f"25{10 + n % 90} AB;{'ICPC T90' if n % 3 else 'BMI 31,5'}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file afterwards")
    args = parser.parse_args()

    db_path = Path(tempfile.mkdtemp()) / "bench-gp-import.sqlite3"
    os.environ["SQLITE_PATH"] = str(db_path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groepsconsult.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from groepsconsult.audit.services import Actor
    from groepsconsult.participants.gp_import import services
    from groepsconsult.participants.models import Participant
    from groepsconsult.regions.models import Organisation, Region

    call_command("migrate", verbosity=0)
    region, _ = Region.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
    practice, _ = Organisation.objects.get_or_create(
        region=region, name="Huisartsenpraktijk Bench", kind="gp_practice", agb_code="01999999"
    )
    data = make_csv(args.rows)
    by = Actor.system("bench")
    print(f"{args.rows:,} rows, {len(data) / 1e6:.1f} MB CSV, SQLite at {db_path}")

    started, cpu_started = time.perf_counter(), time.process_time()
    report = services.import_file_check(region=region, file_name="bench.csv", data=data, by=by)
    checked, cpu_checked = time.perf_counter(), time.process_time()
    assert report.ok, report.errors[:5]
    batch = services.gp_selection_import(
        region=region,
        gp_practice=practice,
        consultation=None,
        file_name="bench.csv",
        data=data,
        by=by,
        report=report,
    )
    done, cpu_done = time.perf_counter(), time.process_time()

    imported = Participant.objects.filter(gp_practice=practice).count()
    total = done - started
    # CPU time is shown too: on a shared, busy machine the wall clock also counts waiting.
    print(f"read + check : {checked - started:6.2f} s  (CPU {cpu_checked - cpu_started:.2f} s)")
    print(
        f"import       : {done - checked:6.2f} s  (CPU {cpu_done - cpu_checked:.2f} s, "
        f"{batch.new_count:,} participants)"
    )
    print(f"total        : {total:6.2f} s  (goal < {GOAL_SECONDS:.0f} s) ", end="")
    print("OK" if total < GOAL_SECONDS else "TOO SLOW")
    assert imported == args.rows, (imported, args.rows)
    if not args.keep:
        db_path.unlink(missing_ok=True)
    sys.exit(0 if total < GOAL_SECONDS else 1)


if __name__ == "__main__":
    main()
