"""What one cadre list page costs alone: wall time, CPU of Python and of PostgreSQL, per official.

    DATABASE_URL=postgres://… .venv/bin/python bench/list_cost.py [--no-record]

The database is the province of bench/load.py (`canbo demo --size N`, the demo sign-ins). For each
official of the load test, every filter of its list task, alone and with three units of the
official's picker (the first, the middle and the last), is asked twice in-process through Django's
test client: first just after the data token was replaced (as after any write: nothing kept for
the data is reachable), then again. Python's CPU is this process's, PostgreSQL's that of the
connection's server process (a local server). Prints mean and 95th percentile per official and
records them in bench/RESULTS.md under "## Cadre list alone".
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.update(CANBO_DEBUG="0", CANBO_2FA_REQUIRED="0")  # as gunicorn serves bench/load.py

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from officials import FILTERS, LOGINS, picker_units  # noqa: E402
from results import record_section  # noqa: E402
from review import machine  # noqa: E402

from canbo.accounts.models import User  # noqa: E402
from canbo.core.data_cache import TOKEN_SPAN  # noqa: E402
from canbo.core.models import DataVersion  # noqa: E402
from canbo.people.models import Cadre  # noqa: E402

URL = "/can-bo/"


def database_cpu() -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    return sum(psutil.Process(pid).cpu_times()[:2])


def measured(client: Client, query: dict) -> tuple[float, float, float, int]:
    """(wall ms, Python CPU ms, PostgreSQL CPU ms, queries) of one request."""
    database = database_cpu()
    cpu, wall = time.process_time(), time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, query)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert response.status_code == 200 and b"data-total=" in response.content, (query, response.status_code)
    return 1000 * wall, 1000 * cpu, 1000 * (database_cpu() - database), len(queries)


def queries_of(client: Client) -> list[dict]:
    units = picker_units(client.get(URL, FILTERS[0]).content.decode())[1:]
    chosen = [units[0], units[len(units) // 2], units[-1]] if units else []
    return [dict(f) if unit is None else {**f, "don_vi": unit} for f in FILTERS for unit in (None, *chosen)]


def line(name: str, runs: list[tuple]) -> str:
    def mean(i):
        return sum(r[i] for r in runs) / len(runs)

    def p95(i):
        return sorted(r[i] for r in runs)[int(0.95 * (len(runs) - 1))]

    return (f"| {name} | {len(runs)} | {mean(0):.0f} / {p95(0):.0f} | {mean(1):.0f} / {p95(1):.0f} | "
            f"{mean(2):.0f} / {p95(2):.0f} | {max(r[3] for r in runs)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("bench/list_cost.py measures PostgreSQL's CPU: DATABASE_URL of a local PostgreSQL")
    settings.ALLOWED_HOSTS = ["*"]
    connection.settings_dict["CONN_MAX_AGE"] = None  # one server process for the whole run
    start_load = os.getloadavg()[0]
    lines = ["| who, when | requests | wall ms, mean / p95 | Python CPU ms | PostgreSQL CPU ms | queries |",
             "|---|---:|---:|---:|---:|---:|"]
    every = {"after a write": [], "again": []}
    for username in LOGINS:
        client = Client()
        client.force_login(User.objects.get(username=username))
        runs = {"after a write": [], "again": []}
        for query in queries_of(client):
            DataVersion.objects.update(token=random.randrange(TOKEN_SPAN))
            runs["after a write"].append(measured(client, query))
            runs["again"].append(measured(client, query))
        for when, found in runs.items():
            lines.append(line(f"{username}, {when}", found))
            every[when] += found
    lines += [line(f"all, {when}", found) for when, found in every.items()]
    load = f"Load average (1 min) at the start and end: {start_load:.1f} and {os.getloadavg()[0]:.1f}."
    heading = [
        f"### PostgreSQL, {Cadre.objects.count():,} cadres",
        "",
        f"`bench/list_cost.py`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC. Machine: {machine()}, "
        f"shared with other work. {load} In-process (Django's test client, DEBUG off); each official's "
        f"{len(FILTERS)} filters of bench/load.py alone and with three units of their picker, each asked "
        "just after the data token was replaced and then again.",
        "",
    ]
    print("\n".join(heading + lines))
    if not args.no_record:
        record_section("Cadre list alone", [*heading, *lines, ""])


if __name__ == "__main__":
    main()
