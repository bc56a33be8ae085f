"""Each query of one dashboard request under EXPLAIN ANALYZE (PostgreSQL): its server time and
the rows its scans read, so before/after compare on a loaded machine where wall time does not.

    .venv/bin/python bench/dashboard_queries.py --database-url postgres://.../gc_bench_x \
        [--path "/monitoring/?combined=1"] [--repeat 3]

Logs in as the bench's national funder (a role in every region, as bench/dashboards.py) on a
grown gc_bench* database, GETs the page once to warm up, captures the SELECTs of one request and
runs each under EXPLAIN ANALYZE `--repeat` times (the median server time is printed). Reads only.
"""

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dashboards import funder_client, setup  # noqa: E402

SCANS = ("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan")


def _scanned(plan):
    """(rows the scans read, returned or filtered away; the tables they read)."""
    total, tables, nodes = 0, set(), [plan]
    while nodes:
        node = nodes.pop()
        if node["Node Type"] in SCANS:
            read = node["Actual Rows"] + node.get("Rows Removed by Filter", 0)
            total += read * node["Actual Loops"]
            tables.add(node.get("Relation Name", ""))
        nodes.extend(node.get("Plans", []))
    return total, tables


def explain(sql, repeat):
    from django.db import connection

    times = []
    for _ in range(repeat):
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        times.append(plan[0]["Execution Time"])
    rows, tables = _scanned(plan[0]["Plan"])
    return statistics.median(times), rows, sorted(t for t in tables if t)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--path", default="/monitoring/?combined=1")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup(args.database_url, reuse=True)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = funder_client()
    client.get(args.path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(args.path).status_code == 200
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    total_ms = total_rows = 0
    print(f"{'ms':>9} {'rows read':>10}  tables")
    for sql in selects:
        ms, rows, tables = explain(sql, args.repeat)
        total_ms, total_rows = total_ms + ms, total_rows + rows
        print(f"{ms:9.1f} {rows:10,}  {', '.join(tables)}")
    print(f"{total_ms:9.1f} {total_rows:10,}  all {len(selects)} SELECTs of {args.path}")


if __name__ == "__main__":
    main()
