"""Benchmark of the gap review (SPEC §8) on a large province, against DuckDB as the reference.

    .venv/bin/python bench/review.py [--size 200000] [--as-of 2017-06-30] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/review.py --size 200000

The province is the demo workbook of `--size` cadres (`canbo demo`, seed 2017, kept in
bench/out/) imported with `canbo import` into the database of DATABASE_URL, or into
bench/out/review-SIZE.sqlite3 without it; a database that already holds the province is reused.
It then times, best of a few runs:

- `canbo review --as-of D --json` as a whole process: with nothing kept (cold), with the figures
  kept but not the command's output, after a write to one cadre (the kept figures moved by that
  cadre's rows), and run again on the same data (its output kept, printed without setting Django
  up); and `canbo review --help` (start-up: Django and the command, no query);
- the review's sums grouped by reach as the command computes them, in one part and in as many parts
  as `canbo.core.parts` runs at once (one per core);
- the review query alone, run by canbo's database, and the same SQL over the same tables run by
  DuckDB (`bench/duck.py`); the two must give the same counts;
- in-process operations: eligibility counted by programme and fetched as rows, the rotation pool,
  one person's explanation.

Prints the figures and appends them to bench/RESULTS.md under "## Review".
"""

import argparse
import datetime as dt
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

CANBO = str(Path(sys.executable).parent / "canbo")
SEED = 2017
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))


def best_of(function, repeat: int = 3) -> tuple[float, object]:
    best, result = None, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def canbo(*args: str) -> str:
    """Run `canbo` as an official would: its settings are its own to choose (the benchmark's
    process sets Django up with canbo's full settings, which a reading command does not start with)."""
    env = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run([CANBO, *args], check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return done.stdout


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def server_cpu() -> float | None:
    """CPU time (user + system) of the PostgreSQL server's ended processes, read from its postmaster
    (a local server this user may read): a connection's backend counts once it closed. None on
    SQLite, whose work is the `canbo` process's own."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW data_directory")
            folder = Path(cursor.fetchone()[0])
        pid = (folder / "postmaster.pid").read_text().split()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime + cstime


def process_times(function, repeat: int, before=None) -> tuple[float, float, float | None, object]:
    """Best wall time, least CPU time (user + system) of the `canbo` processes `function` runs and
    least CPU time of the database server's processes they ended (None on SQLite): on a shared
    machine the CPU time moves less with the load than the wall time. `before()` runs before each
    run, untimed."""
    walls, cpus, servers, result = [], [], [], None
    for _ in range(repeat):
        if before is not None:
            before()
        cpu, server, started = children_cpu(), server_cpu(), time.perf_counter()
        result = function()
        walls.append(time.perf_counter() - started)
        cpus.append(children_cpu() - cpu)
        servers.append(None if server is None else server_cpu() - server)
    return min(walls), min(cpus), None if None in servers else min(servers), result


def province(size: int) -> None:
    """Import the demo workbook of `size` cadres unless the database already holds a province."""
    from canbo.people.models import Cadre

    if Cadre.objects.exists():
        return
    workbook = OUT / f"demo-{size}-seed{SEED}.xlsx"
    started = time.perf_counter()
    if workbook.exists():
        canbo("import", str(workbook))
    else:
        canbo("demo", "--size", str(size), "--seed", str(SEED), "--out", str(workbook))
    print(f"# province of {size:,} imported in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def open_province(name: str, size: int) -> None:
    """Set Django up on the benchmark's database (DATABASE_URL, or bench/out/NAME-SIZE.sqlite3 without
    it), migrated, holding the demo province of `size` cadres."""
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / f'{name}-{size}.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    canbo("migrate", "-v0")
    province(size)


def forget_figures() -> None:
    from canbo.core.deltas import forget_all

    forget_all()


def forget_output() -> None:
    """Drop the kept results, the commands' output among them, and keep the grouped figures."""
    from canbo.core.models import RememberedResult

    RememberedResult.objects.all().delete()


def review_sql(as_of: dt.date) -> tuple[str, list]:
    """The SQL and parameters canbo sends for the review of the whole province."""
    from django.db import connection

    from canbo.rules import engine

    sent: list[tuple[str, list]] = []

    def record(execute, sql, params, many, context):
        sent.append((sql, list(params or [])))
        return execute(sql, params, many, context)

    forget_figures()
    with connection.execute_wrapper(record):
        engine.review_counts(engine.context_for(as_of))
    return next((sql, params) for sql, params in sent if sql.startswith("SELECT COALESCE(SUM("))


def run_query(sql: str, params: list) -> list[int]:
    from canbo.rules.facts import population_cursor

    with population_cursor() as cursor:
        cursor.execute(sql, params)
        return [int(v) for v in cursor.fetchone()]


def measure(size: int, as_of: dt.date) -> dict:
    import duck
    from django.db import connection

    from canbo.accounts.system import system_actor
    from canbo.core.parts import part_count
    from canbo.people.models import Cadre
    from canbo.reports import selectors
    from canbo.rules import engine

    day = as_of.isoformat()
    figures: dict = {"vendor": connection.vendor, "cadres": Cadre.objects.count(), "size": size}
    figures["parts"] = part_count()
    figures["startup"] = process_times(lambda: canbo("review", "--help"), 5)[:3]

    command = ("review", "--as-of", day, "--json")

    def cold_process():
        forget_figures()
        return canbo(*command)

    *figures["process_cold"], output = process_times(cold_process, 3)
    figures["process_figures_kept"] = process_times(lambda: forget_output() or canbo(*command), 3)[:3]
    someone = Cadre.objects.filter(holdings__valid_to__isnull=True).order_by("id").first()
    figures["process_one_cadre"] = process_times(lambda: canbo(*command), 3, lambda: touch(someone))[:3]
    figures["process_warm"] = process_times(lambda: canbo(*command), 3)[:3]
    figures["review"] = json.loads(output)
    figures["by_reach"] = {n: by_reach_time(as_of, n) for n in sorted({1, figures["parts"]})}
    figures["by_reach_keeping"] = by_reach_time(as_of, figures["parts"], keeping=True)
    sql, params = review_sql(as_of)
    figures["query"], counts = best_of(lambda: run_query(sql, params))
    figures["duckdb"], figures["duckdb_cpu"], duck_counts, figures["copied"] = duck.run_reference(
        sql, params, connection.vendor
    )
    figures["same_counts"] = counts == duck_counts
    figures["counts"] = counts
    ctx = engine.context_for(as_of)

    def cold(function):
        def run():
            forget_figures()
            return function()

        return run

    figures["operations"] = [
        ("eligibility counted by programme", best_of(cold(lambda: engine.eligibility_counts(ctx)))[0]),
        ("eligibility of every cadre, rows", best_of(lambda: len(engine.eligibility_table(ctx)), 1)[0]),
        ("rotation pool", best_of(lambda: selectors.rotation_pool(actor=system_actor(), as_of=as_of), 1)[0]),
        ("one person's explanation", explain_time(someone, as_of)),
    ]
    return figures


def touch(cadre) -> None:
    """A write to one cadre (the other names, which no figure reads, set to another text)."""
    from canbo.people.models import Cadre

    others = Cadre.objects.values_list("other_names", flat=True).get(pk=cadre.pk)
    Cadre.objects.filter(pk=cadre.pk).update(other_names="" if others else "Tên khác")


def by_reach_time(as_of: dt.date, parts: int, keeping: bool = False) -> float:
    """Best time of the review's sums grouped by reach (none kept before) in `parts` parts: the sums
    alone (a request's count), or `keeping` each cadre's rows too (`canbo review`'s, the warming's)."""
    from contextlib import nullcontext

    from canbo.core.deltas import keeping_rows
    from canbo.core.parts import PARTS_ENV
    from canbo.rules import engine

    def run():
        forget_figures()
        with keeping_rows() if keeping else nullcontext():
            return engine.review_sums_by_reach(engine.context_for(as_of))

    os.environ[PARTS_ENV] = str(parts)
    try:
        return best_of(run)[0]
    finally:
        del os.environ[PARTS_ENV]


def explain_time(cadre, as_of: dt.date) -> float:
    from canbo.reports import selectors

    return best_of(lambda: selectors.cadre_verdicts(cadre=cadre, as_of=as_of), 5)[0]


def machine() -> str:
    text = Path("/proc/cpuinfo").read_text()
    cpu = re.search(r"^model name\s*:\s*(.+)$", text, flags=re.M)
    memory = re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), flags=re.M)
    return (
        f"{os.cpu_count()} cores ({cpu.group(1) if cpu else 'unknown CPU'}), "
        f"{int(memory.group(1)) / 2**20:.0f} GiB RAM, Python {sys.version.split()[0]}"
    )


def report(figures: dict, as_of: dt.date, load: tuple[float, float]) -> list[str]:
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[figures["vendor"]]
    copied = ", ".join(f"{table} {rows:,}" for table, rows in figures["copied"].items())

    def timed(label: str, wall: float, cpu: float | None = None, server: float | None = None) -> str:
        cells = [label, f"{wall:.3f}", *("" if v is None else f"{v:.3f}" for v in (cpu, server))]
        return f"| {' | '.join(cells)} |"

    command = "`canbo review --as-of … --json`, whole process,"
    cold_cpu = sum(v for v in figures["process_cold"][1:] if v is not None)
    duck_times = figures["duckdb"], figures["duckdb_cpu"]

    lines = [
        f"### {name}, {figures['cadres']:,} cadres, as of {as_of:%d/%m/%Y}",
        "",
        f"`bench/review.py --size {figures['size']}`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC. "
        f"Machine: {machine()}. Load average (1 min) at the start and end: {load[0]:.1f} and {load[1]:.1f} "
        "(2 cores shared with other work: times grow with load). "
        f"Parts of the workforce: {figures['parts']}.",
        "",
        "| what | time (s) | CPU of the `canbo` process (s) | CPU of the server's backends (s) |",
        "|---|---:|---:|---:|",
        timed("`canbo review --help` (start-up: Django and the command, no query)", *figures["startup"]),
        timed(f"{command} nothing kept (cold)", *figures["process_cold"]),
        timed(f"{command} the figures kept, not the output", *figures["process_figures_kept"]),
        timed(f"{command} after a write to one cadre (the figures moved)", *figures["process_one_cadre"]),
        timed(f"{command} the output kept (run again on the same data, no Django)", *figures["process_warm"]),
    ]
    lines += [
        timed(f"the review grouped by reach, the sums alone (a request's count), in {n} part(s)", wall)
        for n, wall in figures["by_reach"].items()
    ]
    lines.append(
        timed(
            f"the same keeping each cadre's rows (what the command computes), in {figures['parts']} part(s)",
            figures["by_reach_keeping"],
        )
    )
    lines += [
        timed(f"the review query alone (six sums, not grouped), {name}", figures["query"]),
        timed(f"the same SQL over the same tables, DuckDB {_duckdb_version()}", *duck_times),
    ]
    lines += [timed(label, seconds) for label, seconds in figures["operations"]]
    lines += [
        "",
        "The `canbo` CPU column counts the `canbo` process only (DuckDB's row: the process running it, "
        "all its threads); the server's column the PostgreSQL backends of its connections. "
        f"Whole cold process / DuckDB query: {figures['process_cold'][0] / figures['duckdb']:.1f}× in "
        f"time, {cold_cpu / figures['duckdb_cpu']:.1f}× in CPU; "
        f"figures kept: {figures['process_figures_kept'][0] / figures['duckdb']:.1f}×; "
        f"after a write to one cadre: {figures['process_one_cadre'][0] / figures['duckdb']:.1f}×; "
        f"output kept: {figures['process_warm'][0] / figures['duckdb']:.1f}×. "
        "Counts identical in both databases: "
        f"{'yes' if figures['same_counts'] else 'NO'} ({json.dumps(figures['review'], ensure_ascii=False)}). "
        f"Rows copied to DuckDB: {copied}.",
        "",
    ]
    return lines


def _duckdb_version() -> str:
    import duckdb

    return duckdb.__version__


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2017, 6, 30))
    parser.add_argument("--no-record", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args()
    open_province("review", args.size)
    load_start = os.getloadavg()[0]
    figures = measure(args.size, args.as_of)
    lines = report(figures, args.as_of, (load_start, os.getloadavg()[0]))
    print("\n".join(lines))
    if not figures["same_counts"]:
        raise SystemExit(f"DuckDB counts differ: {figures['counts']}")
    if not args.no_record:
        from results import record_section

        record_section("Review", lines)


if __name__ == "__main__":
    main()
