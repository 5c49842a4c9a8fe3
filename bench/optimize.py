"""Benchmark of optimal rotation proposals (SPEC §13) on the demo province.

    .venv/bin/python bench/optimize.py --size 32000 --pool 500 --seats 100 [--as-of 2017-10-01] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/optimize.py --size 200000 --pool 3000 --seats 600

The province is the demo workbook of `--size` cadres (`canbo demo`, seed 2017, kept in bench/out/)
imported into the database of DATABASE_URL, or into bench/out/optimize-SIZE.sqlite3 without it; a
database that already holds a province is reused. The demo plans about 320 cadres for key or
BTV-managed posts whatever its size, and has about 50 key vacancies, so the benchmark widens both
to `--pool` and `--seats`: it plans more cadres who hold a position at D (drawn with the seed) for
a key type, term 2015–2020 approved 01/01/2016, until the rotation pool reaches `--pool` (these rows
stay in the benchmark's database), and draws `--seats` posts of key types with seats in force at
D, one seat each, as a `--posts` workbook would give them. As of D it measures, on a warm database:

- the allowed pairs with their fit, built by the database (the pool × the drawn posts);
- the optimum by OR-Tools' minimum-cost flow (what `canbo propose` runs), and by CP-SAT with 2
  workers on the same pairs (x[pair] booleans, ≤ 1 per cadre, ≤ seats per post, ≤ the cap per
  sending unit), each to a proved optimum; the two optima must be equal;
- the greedy choice of an official (seat by seat, the best fit first): its total and seats filled;
- `canbo propose --as-of D --posts FILE --json` (the drawn posts) as a whole process, and its
  peak memory.

Each figure is the best wall time and the least CPU time (user + system; on PostgreSQL with its
server process's) of 3 runs. Prints the figures and appends them to bench/RESULTS.md under
"## Optimal proposals".
"""

import argparse
import datetime as dt
import os
import random
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

from review import machine, open_province  # noqa: E402


def cpu_now() -> float:
    """CPU time (user + system) of this process and, on PostgreSQL, of its server process (on the
    same machine), in seconds."""
    from django.db import connection

    spent = time.process_time()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            (pid,) = cursor.fetchone()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        spent += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return spent


def best_of(function, repeat: int = 3) -> tuple[float, float, object]:
    """Best wall time and least CPU time (`cpu_now`) of `repeat` runs."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        cpu, started = cpu_now(), time.perf_counter()
        result = function()
        walls.append(time.perf_counter() - started)
        cpus.append(cpu_now() - cpu)
    return min(walls), min(cpus), result


def widen_pool(as_of: dt.date, target: int, rng: random.Random) -> int:
    """Plan cadres holding a position at D for a key type until the rotation pool has `target`;
    the size of the pool."""
    from canbo.accounts.system import system_actor
    from canbo.org.models import PositionType
    from canbo.people.active import held_positions
    from canbo.people.models import PlanningEntry
    from canbo.reports.selectors import rotation_pool

    key_types = list(PositionType.objects.filter(key_position=True).values_list("id", flat=True))
    while True:
        pool = rotation_pool(actor=system_actor(), as_of=as_of)
        missing = target - len(pool["du_dieu_kien"])
        if missing <= 0:
            return len(pool["du_dieu_kien"])
        known = set(pool["du_dieu_kien"]) | {item["ma"] for item in pool["loai_tru"]}
        holders = sorted(set(held_positions(as_of).values_list("cadre_id", "cadre__code")))
        chosen = rng.sample([cadre for cadre, code in holders if code not in known], missing)
        PlanningEntry.objects.bulk_create(
            PlanningEntry(
                cadre_id=cadre,
                position_type_id=rng.choice(key_types),
                term_start=2015,
                term_end=2020,
                approved_on=dt.date(2016, 1, 1),
            )
            for cadre in chosen
        )


def draw_posts(as_of: dt.date, count: int, rng: random.Random) -> dict:
    """`count` posts of key types with seats in force at D, one seat each, keyed as `canbo propose`."""
    from canbo.core.dated import in_force_q
    from canbo.optimize.seats import Post as Seat
    from canbo.org.models import Post

    found = sorted(
        set(
            Post.objects.filter(in_force_q(as_of), position_type__key_position=True).values_list(
                "unit_id", "position_type_id", "unit__code", "position_type__code"
            )
        )
    )
    return {
        (unit, kind): Seat(unit_code, type_code, 1)
        for unit, kind, unit_code, type_code in rng.sample(found, count)
    }


def seats_workbook(posts: dict) -> Path:
    import xlsxwriter

    path = OUT / "optimize-posts.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("vi_tri")
    for row, values in enumerate(
        [("ma_don_vi", "ma_chuc_danh")] + [(p.unit_code, p.type_code) for p in posts.values()]
    ):
        sheet.write_row(row, 0, values)
    book.close()
    return path


def cp_sat(pairs, seats: dict, per_unit: int, time_limit: float) -> tuple[float, float, str, int, float]:
    """Wall and CPU time, status, objective and bound of CP-SAT with 2 workers on the same assignment."""
    from collections import defaultdict

    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{n}") for n in range(len(pairs))]
    groups = (defaultdict(list), defaultdict(list), defaultdict(list))
    for n, var in enumerate(x):
        cadre = int(pairs.cadre[n])
        groups[0][cadre].append(var)
        groups[1][(int(pairs.unit[n]), int(pairs.kind[n]))].append(var)
        groups[2][pairs.from_unit[cadre]].append(var)
    for variables in groups[0].values():
        model.add_at_most_one(variables)
    for post, variables in groups[1].items():
        model.add(sum(variables) <= seats[post])
    for variables in groups[2].values():
        model.add(sum(variables) <= per_unit)
    model.maximize(sum(int(fit) * var for var, fit in zip(x, pairs.fit, strict=True)))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = time_limit
    started, cpu = time.perf_counter(), time.process_time()
    status = solver.solve(model)
    return (
        time.perf_counter() - started,
        time.process_time() - cpu,
        solver.status_name(status),
        int(solver.objective_value),
        solver.best_objective_bound,
    )


def whole_process(as_of: dt.date, posts: Path) -> tuple[float, float, float]:
    """Wall time, CPU time (user + system) and peak resident memory (MB) of one `canbo propose`
    process, from /usr/bin/time, whose child starts small: a child forked from this process would
    report this process's peak as its own (Linux keeps the high-water mark across exec)."""
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 -- our own command, fixed arguments
        [
            "/usr/bin/time",
            "-f",
            "%M %U %S",
            CANBO,
            "propose",
            "--as-of",
            as_of.isoformat(),
            "--posts",
            str(posts),
            "--json",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    peak, user, system = done.stderr.split()[-3:]
    return time.perf_counter() - started, float(user) + float(system), int(peak) / 1024


def measure(as_of: dt.date, posts: dict, cp_sat_limit: float) -> dict:
    import resource

    from django.db import connection

    from canbo.optimize.fit import allowed_pairs, weights_at
    from canbo.optimize.solve import assign_greedy, assign_optimal
    from canbo.people.models import Cadre

    weights = weights_at(as_of)
    pairs_wall, pairs_cpu, pairs = best_of(lambda: allowed_pairs(as_of, weights, posts=list(posts)))
    seats = {key: post.count for key, post in posts.items()}
    flow_wall, flow_cpu, optimum = best_of(lambda: assign_optimal(pairs, seats, weights.per_unit))
    order = sorted(seats, key=lambda k: (posts[k].unit_code, posts[k].type_code))
    greedy_wall, greedy_cpu, greedy = best_of(lambda: assign_greedy(pairs, seats, weights.per_unit, order))
    limited_wall, limited_cpu, limited = best_of(
        lambda: assign_optimal(pairs, seats, weights.per_unit, time_limit=LIMITED), repeat=1
    )
    sat = cp_sat(pairs, seats, weights.per_unit, cp_sat_limit)
    process = whole_process(as_of, seats_workbook(posts))
    return {
        "vendor": {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor],
        "cadres": Cadre.objects.count(),
        "pool": len(pairs.codes),
        "posts": len(posts),
        "seats": sum(seats.values()),
        "pairs": len(pairs),
        "pairs_time": (pairs_wall, pairs_cpu),
        "flow_time": (flow_wall, flow_cpu),
        "optimum": optimum,
        "greedy": greedy,
        "greedy_time": (greedy_wall, greedy_cpu),
        "limited": (limited_wall, limited_cpu, limited),
        "sat": sat,
        "process": process,
        "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


LIMITED = 0.2  # seconds: a time limit the flow does not meet at this size


def limited_status(result) -> str:
    if result.proved:
        return f"{result.total:,}, proved within the limit"
    return f"{result.total:,}, bound {result.bound:,}: the limit ended first (`kha_thi`, the greedy choice)"


def report(f: dict, size: int, as_of: dt.date, load: tuple[float, float]) -> list[str]:
    optimum, greedy = f["optimum"], f["greedy"]
    sat_wall, sat_cpu, sat_status, sat_objective, sat_bound = f["sat"]
    (pairs_wall, pairs_cpu), (flow_wall, flow_cpu) = f["pairs_time"], f["flow_time"]
    process_wall, process_cpu, process_peak = f["process"]
    server = (
        " On PostgreSQL the CPU time of the in-process stages adds the server process's; that of the "
        "whole process is the `canbo` process's only."
        if f["vendor"] == "PostgreSQL"
        else ""
    )
    gap = 100 * (optimum.total - greedy.total) / optimum.total if optimum.total else 0
    return [
        f"### {f['vendor']}, {f['cadres']:,} cadres: pool {f['pool']:,} × {f['seats']:,} seats, "
        f"as of {as_of:%d/%m/%Y}",
        "",
        f"`bench/optimize.py --size {size}`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC. "
        f"Machine: {machine()}. "
        f"Load average (1 min) at the start and end: {load[0]:.1f} and {load[1]:.1f} (2 cores shared with "
        "other work: wall times grow with load). Best wall time and least CPU time (user + system) of 3 "
        f"warm runs in one process unless said.{server}",
        "",
        f"Rotation pool: {f['rotation_pool']:,} cadres, {f['pool']:,} of them with an allowed pair; "
        f"{f['posts']:,} drawn key posts, one seat "
        f"each; {f['pairs']:,} allowed pairs.",
        "",
        "| what | result | wall (s) | CPU (s) |",
        "|---|---|---:|---:|",
        f"| allowed pairs with their fit, one query | {f['pairs']:,} pairs | {pairs_wall:.2f} | "
        f"{pairs_cpu:.2f} |",
        f"| optimum, minimum-cost flow | {optimum.total:,} ({len(optimum.chosen):,} seats), proved | "
        f"{flow_wall:.3f} | {flow_cpu:.3f} |",
        f"| optimum, CP-SAT, 2 workers (one run) | {sat_objective:,}, bound {sat_bound:,.0f}, {sat_status} | "
        f"{sat_wall:.2f} | {sat_cpu:.2f} |",
        f"| greedy, best fit first seat by seat | {greedy.total:,} ({len(greedy.chosen):,} seats), "
        f"{gap:.1f} % below the optimum | {f['greedy_time'][0]:.2f} | {f['greedy_time'][1]:.2f} |",
        f"| optimum with a time limit of {LIMITED} s (one run) | {limited_status(f['limited'][2])} | "
        f"{f['limited'][0]:.2f} | {f['limited'][1]:.2f} |",
        f"| `canbo propose --posts … --json`, whole process (one run) | peak {process_peak:.0f} MB | "
        f"{process_wall:.2f} | {process_cpu:.2f} |",
        "",
        f"Peak memory of the benchmark process (pairs, both solvers): {f['peak']:.0f} MB.",
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=32000)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2017, 10, 1))
    parser.add_argument("--pool", type=int, default=500)
    parser.add_argument("--seats", type=int, default=100)
    parser.add_argument("--cp-sat-limit", type=float, default=120.0)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    open_province("optimize", args.size)
    pool = widen_pool(args.as_of, args.pool, random.Random(SEED))
    posts = draw_posts(args.as_of, args.seats, random.Random(SEED + 1))
    load_start = os.getloadavg()[0]
    figures = measure(args.as_of, posts, args.cp_sat_limit)
    figures["rotation_pool"] = pool
    lines = report(figures, args.size, args.as_of, (load_start, os.getloadavg()[0]))
    print("\n".join(lines))
    sat_status, sat_objective = figures["sat"][2], figures["sat"][3]
    if sat_status == "OPTIMAL" and sat_objective != figures["optimum"].total:
        raise SystemExit(
            f"CP-SAT's optimum {sat_objective} differs from the flow's {figures['optimum'].total}"
        )
    if not args.no_record:
        from results import record_section

        record_section("Optimal proposals", lines)


if __name__ == "__main__":
    main()
