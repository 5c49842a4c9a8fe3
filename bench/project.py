"""Benchmark of the what-if projection (SPEC §14) on the demo province.

    .venv/bin/python bench/project.py --size 100000 [--from-year 2018] [--years 5] [--seats 200] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/project.py --size 100000

The province is the demo workbook of `--size` cadres (`canbo demo`, seed 2017, kept in bench/out/)
imported into the database of DATABASE_URL, or into bench/out/project-SIZE.sqlite3 without it; a
database that already holds a province is reused. The scenario gives every programme of SPEC §9
`--seats` seats in each of `--years` years from `--from-year`. Measures `canbo project --json` as a
whole process (best wall time and least CPU time of 2 runs), prints the figures and appends them to
bench/RESULTS.md under "## What-if projection".
"""

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from review import canbo, machine, open_province, process_times  # noqa: E402


def scenario(first: int, years: int, seats: int) -> Path:
    import xlsxwriter

    from canbo.optimize.projection import PROGRAMME_KEYS

    path = OUT / "project-seats.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("cho")
    rows = [("nam", "chuong_trinh", "so_cho")] + [
        (year, key, seats) for year in range(first, first + years) for key in PROGRAMME_KEYS
    ]
    for row, values in enumerate(rows):
        sheet.write_row(row, 0, values)
    book.close()
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--from-year", type=int, default=2018)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seats", type=int, default=200)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    open_province("project", args.size)
    from django.db import connection

    from canbo.people.models import Cadre

    path = scenario(args.from_year, args.years, args.seats)
    last = args.from_year + args.years - 1
    load_start = os.getloadavg()[0]
    wall, cpu, _server, out = process_times(
        lambda: canbo(
            "project", "--tu-nam", str(args.from_year), "--den-nam", str(last), "--cho", str(path), "--json"
        ),
        2,
    )
    load_end = os.getloadavg()[0]
    picked = sum(sum(year["hoc_vien"].values()) for year in json.loads(out)["nam"])
    vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor]
    lines = [
        f"### {vendor}, {Cadre.objects.count():,} cadres: {args.years} years from {args.from_year}",
        "",
        f"`bench/project.py --size {args.size}`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC. "
        f"Machine: {machine()}. Load average (1 min) at the start and end: {load_start:.1f} and "
        f"{load_end:.1f} (2 cores shared with other work). Best wall time and least CPU time of 2 runs.",
        "",
        "| what | result | wall (s) | CPU (s) |",
        "|---|---|---:|---:|",
        f"| `canbo project --tu-nam {args.from_year} --den-nam {last} --cho … --json`, whole process | "
        f"{args.seats} seats per programme per year, {picked:,} places given | {wall:.2f} | {cpu:.2f} |",
    ]
    print("\n".join(lines))
    if not args.no_record:
        from results import record_section

        record_section("What-if projection", lines)


if __name__ == "__main__":
    main()
