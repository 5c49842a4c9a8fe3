"""Benchmark of the home page (each role's cards) and of the review compared at two dates.

    .venv/bin/python bench/home.py [--size 50000] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/home.py --size 50000

The province is the demo of `--size` cadres (as `bench/review.py` builds it, into
bench/out/review-SIZE.sqlite3 without DATABASE_URL). Signs in as btv (the whole province), btc
(its blocs and the BTV-managed cadres) and the HR officer of Đức Trọng with Django's test client and
times each page:

- first: the first request after the data changed, nothing kept (every figure computed);
- after another user: the data changed, then another user (btv, or btc for btv) asked for the page
  first, so the whole workforce's counts that every scope sums are kept, not this scope's own parts;
- warmed: the data changed, then the warming that follows a write (`canbo.dashboard.warm`) ran to
  its end (its time is recorded too), then the page;
- again: asked again, best of three.

Records them in bench/RESULTS.md under "## Home page". The goal is 300 ms.
"""

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from pages import timed  # noqa: E402
from results import record_section  # noqa: E402
from review import OUT, canbo, forget_figures, machine, province  # noqa: E402

PAGES = [
    ("home page", "/?as_of={day}"),
    ("review at two dates", "/tong-quan/so-sanh/?as_of={day}"),
]
USERS = ("btv", "btc", "hr_ductrong")


def measure_page(clients: dict, username: str, url: str, as_of: dt.date) -> tuple[float, ...]:
    """(first, after another user, warmed, warming, again) for one user and page."""
    from canbo.dashboard.warm import warm_home

    forget_figures()
    first = timed(clients[username], url)
    forget_figures()
    timed(clients["btc" if username == "btv" else "btv"], url)
    after_other = timed(clients[username], url)
    forget_figures()
    started = time.perf_counter()
    warm_home(as_of)
    warming = time.perf_counter() - started
    warmed = timed(clients[username], url)
    again = min(timed(clients[username], url) for _ in range(3))
    return first, after_other, warmed, warming, again


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2020, 1, 1))
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / f'review-{args.size}.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("CANBO_2FA_REQUIRED", "0")  # the demo province, as scripts/start serves it
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from canbo.accounts.models import User
    from canbo.people.models import Cadre

    canbo("migrate", "--no-input", "-v0")
    province(args.size)
    clients = {}
    for username in USERS:
        clients[username] = Client()
        clients[username].force_login(User.objects.get(username=username))
    day = args.as_of.strftime("%d/%m/%Y")
    for client in clients.values():  # the process's one-off start (URLs, templates) is not a page's
        client.get(f"/tai-khoan/doi-mat-khau/?as_of={day}")
    load_start = os.getloadavg()[0]
    rows = []
    for username in USERS:
        for label, pattern in PAGES:
            figures = measure_page(clients, username, pattern.format(day=day), args.as_of)
            rows.append((username, label, *figures))
            print(username, label, " ".join(f"{f:.3f}" for f in figures), file=sys.stderr)
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor]
    lines = [
        f"### {name}, {Cadre.objects.count():,} cadres, as of {args.as_of:%d/%m/%Y}",
        "",
        f"`bench/home.py --size {args.size}`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC, Django's test "
        f"client in one process. Machine: {machine()}. Load average (1 min) at the start and end: "
        f"{load_start:.1f} and {os.getloadavg()[0]:.1f}. \"First\": nothing kept; \"after another "
        "user\": the whole workforce's counts kept by another user's visit; \"warmed\": after the "
        "warming that follows a write (\"warming\" its time, not part of the request); \"again\": "
        "best of three repeated requests. Goal: 0.300 s.",
        "",
        "| user | page | first (s) | after another user (s) | warmed (s) | warming (s) | again (s) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {user} | {label} | " + " | ".join(f"{f:.3f}" for f in figures) + " |"
        for user, label, *figures in rows
    ]
    print("\n".join(lines))
    if not args.no_record:
        record_section("Home page", lines + [""])


if __name__ == "__main__":
    main()
