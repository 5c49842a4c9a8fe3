"""Benchmark of the workbook import (`canbo import`) on SQLite and PostgreSQL.

    .venv/bin/python bench/import.py [--sizes 20000 100000] [--database-url postgres://…] [--no-record]

Generates demo workbooks (cached in bench/out/), then for each size and database runs, each in a
fresh child process: reading the workbook alone, and the whole import into an empty database.
Reports wall time and peak memory (ru_maxrss of the child) and records them in bench/RESULTS.md
under "## Import".
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"
SEED = 2017
sys.path.insert(0, str(ROOT / "bench"))
from postgres import fresh_database  # noqa: E402


def _django(database_url: str | None = None):
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_generate(size: int, path: Path) -> dict:
    _django()
    from canbo.exchange.demo.build import demo_workbook

    started = time.perf_counter()
    counts, _trained = demo_workbook(path, size=size, seed=SEED)
    return {"seconds": time.perf_counter() - started, "rows": sum(counts.values()), "peak_mb": _peak_mb()}


def child_read(path: Path) -> dict:
    _django()
    from canbo.exchange.reader import workbook_read

    started = time.perf_counter()
    book = workbook_read(path)
    rows = sum(len(parsed.rows) for parsed in book.sheets.values())
    return {
        "seconds": time.perf_counter() - started,
        "rows": rows,
        "errors": len(book.errors),
        "peak_mb": _peak_mb(),
    }


def child_import(path: Path, database_url: str) -> dict:
    _django(database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from canbo.accounts.system import system_actor
    from canbo.exchange.services import workbook_import

    marks: dict[str, float] = {}
    started = time.perf_counter()

    def progress(stage, sheet, rows):
        marks[stage] = time.perf_counter() - started

    result = workbook_import(actor=system_actor(), path=path, progress=progress)
    total = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"import refused: {result.errors[:3]}")
    return {
        "seconds": total,
        "read_seconds": marks["read"],
        "rows": sum(result.counts.values()),
        "cadres": result.counts["can_bo"],
        "peak_mb": _peak_mb(),
    }


def _run_child(*args: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def _machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return f"{os.cpu_count()} cores, {memory} RAM, {cpu}; Python {platform.python_version()}"


def _record(lines: list[str]) -> None:
    section = "\n".join(lines).rstrip() + "\n"
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    match = re.search(r"^## Import\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
    if match:
        text = text[: match.start()] + section + "\n" + text[match.end() :].lstrip("\n")
    else:
        text = text.rstrip() + "\n\n" + section
    RESULTS.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--database-url", help="a PostgreSQL server to measure as well")
    parser.add_argument("--no-record", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "generate":
            result = child_generate(int(rest[0]), Path(rest[1]))
        elif kind == "read":
            result = child_read(Path(rest[0]))
        else:
            result = child_import(Path(rest[0]), rest[1])
        print(json.dumps(result))
        return

    OUT.mkdir(parents=True, exist_ok=True)
    load_start = os.getloadavg()[0]
    rows = []
    for size in args.sizes:
        path = OUT / f"demo-{size}-seed{SEED}.xlsx"
        if not path.exists():
            made = _run_child("generate", str(size), str(path))
            print(f"generated {path.name}: {made['rows']:,} rows in {made['seconds']:.1f} s", flush=True)
        read = _run_child("read", str(path))
        print(f"{size:>7,} read      {read['seconds']:6.1f} s  peak {read['peak_mb']:6.0f} MB", flush=True)
        databases = [("SQLite", None)] + ([("PostgreSQL", args.database_url)] if args.database_url else [])
        for name, url in databases:
            with tempfile.TemporaryDirectory() as folder:
                target = fresh_database(url, "canbo_bench_import") if url else f"sqlite:///{folder}/bench.sqlite3"
                done = _run_child("import", str(path), target)
            print(
                f"{size:>7,} {name:<10} import {done['seconds']:6.1f} s (read {done['read_seconds']:.1f} s)"
                f"  peak {done['peak_mb']:6.0f} MB  {done['rows']:,} rows",
                flush=True,
            )
            rows.append((size, name, done, read))
    if args.no_record or not rows:
        return
    lines = [
        "## Import",
        "",
        f"`bench/import.py`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC. Machine: {_machine()}.",
        "Demo workbooks (`canbo demo`, seed 2017) imported into an empty database, each run in a fresh",
        "process; peak memory is the child's `ru_maxrss`. Read = python-calamine plus typing every cell.",
        "",
        f"Load average (1 min) at the start and end: {load_start:.1f} and {os.getloadavg()[0]:.1f}"
        " (the machine is shared; figures grow with load).",
        "",
        "| cadres | rows | database | read alone (s) | read peak (MB) | import (s) | import peak (MB) |",
        "|---:|---:|---|---:|---:|---:|---:|",
    ]
    for size, name, done, read in rows:
        lines.append(
            f"| {size:,} | {done['rows']:,} | {name} | {read['seconds']:.1f} | {read['peak_mb']:.0f} "
            f"| {done['seconds']:.1f} | {done['peak_mb']:.0f} |"
        )
    _record(lines)
    print(f"recorded in {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
