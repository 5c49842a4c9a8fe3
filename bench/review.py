# ruff: noqa: S608 -- SQL is assembled from table names and fixed column names only; every value is a parameter
"""Benchmark of the gap review and eligibility (SPEC §8–§9) on large provinces.

    .venv/bin/python bench/review.py --sizes 20000 200000            # SQLite (a fresh file)
    DATABASE_URL=postgres://… .venv/bin/python bench/review.py --sizes 20000 200000 1000000

The demo province of 20,000 cadres is generated and imported once (canbo.exchange); larger
provinces are made inside the database by copying every cadre and history with SQL (INSERT …
SELECT with the cadre id and code offset), which keeps the shape and mix of the demo. For each
size it times, on a warm database: the full review (six figures), the eligibility of every
cadre (counted per programme in the database, and fetched as one row per active cadre with a
0/1 column per programme), the rotation pool, and one
person's explanation; and reports the peak Python memory of each (tracemalloc) and the process's
peak resident size. Prints a Markdown table.
"""

import argparse
import datetime as dt
import os
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='canbo-bench-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from canbo.accounts.system import system_actor  # noqa: E402
from canbo.core.dates import today  # noqa: E402
from canbo.people.models import (  # noqa: E402
    Cadre,
    Discipline,
    Evaluation,
    Movement,
    PlanningEntry,
    PositionHolding,
    Qualification,
)
from canbo.reports import selectors  # noqa: E402
from canbo.rules import engine  # noqa: E402

AS_OF = dt.date(2026, 6, 30)
HISTORIES = [PositionHolding, Qualification, PlanningEntry, Discipline, Evaluation, Movement]


def load_demo(size: int) -> None:
    from canbo.exchange.demo.build import demo_workbook
    from canbo.exchange.services import workbook_import

    path = Path(tempfile.mkdtemp(prefix="canbo-demo-")) / "demo.xlsx"
    started = time.perf_counter()
    demo_workbook(path, size=size)
    result = workbook_import(actor=system_actor(), path=path)
    if result.errors:
        raise SystemExit(f"demo import failed: {result.errors[:3]}")
    print(
        f"# demo of {size} generated and imported in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )


def _columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields if f.column != "id"]


def replicate(base_count: int, target: int) -> None:
    """Copy the first `base_count` cadres and their histories until there are `target` cadres."""
    q = connection.ops.quote_name
    base_max = Cadre.objects.order_by("-id").values_list("id", flat=True).first()
    offset = 10 ** len(str(base_max))
    current = Cadre.objects.count()
    copy = current // base_count
    cadre_cols = _columns(Cadre)
    while current < target:
        take = min(base_count, target - current)
        shift = copy * offset
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            select = ", ".join(
                f"code || '-{copy}'"
                if c == "code"
                else f"search_text || '-{copy}'"
                if c == "search_text"
                else q(c)
                for c in cadre_cols
            )
            cursor.execute(
                f"INSERT INTO {q(Cadre._meta.db_table)} (id, {', '.join(q(c) for c in cadre_cols)}) "
                f"SELECT id + %s, {select} FROM {q(Cadre._meta.db_table)} WHERE id <= %s "
                f"ORDER BY id LIMIT %s",
                [shift, base_max, take],
            )
            for model in HISTORIES:
                cols = _columns(model)
                select = ", ".join("cadre_id + %s" if c == "cadre_id" else q(c) for c in cols)
                cursor.execute(
                    f"INSERT INTO {q(model._meta.db_table)} ({', '.join(q(c) for c in cols)}) "
                    f"SELECT {select} FROM {q(model._meta.db_table)} WHERE cadre_id IN "
                    f"(SELECT id FROM {q(Cadre._meta.db_table)} WHERE id <= %s ORDER BY id LIMIT %s)",
                    [shift, base_max, take],
                )
        current += take
        copy += 1
        print(f"# replicated to {current} cadres ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{Cadre._meta.db_table}', 'id'), "
                f"(SELECT MAX(id) FROM {q(Cadre._meta.db_table)}))"
            )
            cursor.execute("ANALYZE")
        else:
            cursor.execute("ANALYZE")


def measure(label: str, function, repeat: int = 2) -> dict:
    """Best time of `repeat` runs, then one more run under tracemalloc for the memory peak."""
    best, result = None, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"label": label, "seconds": best, "peak_mb": peak / 2**20, "result": result}


def run_size(size: int) -> list[dict]:
    ctx = engine.context_for(AS_OF)
    someone = Cadre.objects.filter(holdings__valid_to__isnull=True).order_by("id").first()
    rows = [
        measure("review (6 figures)", lambda: selectors.review(actor=system_actor(), as_of=AS_OF)),
        measure("eligibility of every cadre, counted by programme", lambda: engine.eligibility_counts(ctx)),
        measure(
            "eligibility of every cadre, rows fetched", lambda: len(engine.eligibility_table(ctx)), repeat=1
        ),
        measure(
            "rotation pool",
            lambda: len(selectors.rotation_pool(actor=system_actor(), as_of=AS_OF)["du_dieu_kien"]),
        ),
        measure(
            "one person's explanation",
            lambda: len(selectors.cadre_verdicts(cadre=someone, as_of=AS_OF)["eligible"]),
            repeat=5,
        ),
    ]
    for row in rows:
        row["size"] = size
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[20_000, 200_000])
    parser.add_argument("--base", type=int, default=20_000, help="size of the generated demo province")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not Cadre.objects.exists():
        load_demo(args.base)
    base = Cadre.objects.count()
    results = []
    for size in sorted(args.sizes):
        if Cadre.objects.count() < size:
            replicate(base, size)
        results += run_size(size)
        print(f"# measured {size}", file=sys.stderr)
    print(
        f"\n{connection.vendor}, {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {today():%d/%m/%Y}, as of {AS_OF:%d/%m/%Y}\n"
    )
    print("| cadres | operation | time (s) | peak Python memory (MB) | result |")
    print("|---:|---|---:|---:|---|")
    for row in results:
        print(
            f"| {row['size']:,} | {row['label']} | {row['seconds']:.3f} | {row['peak_mb']:.1f} | "
            f"{str(row['result'])[:90]} |"
        )
    print(
        f"\nprocess peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
