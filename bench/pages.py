"""Benchmark of the review page and the people behind a figure on a large province.

    .venv/bin/python bench/pages.py [--size 200000] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/pages.py --size 200000

Uses the province of `bench/review.py` (run it first). Signs in as btc and btv with Django's test
client and times each page the first time after the data changed (the figures computed) and when
asked again (the figures kept), best of three; records them in bench/RESULTS.md under
"## Review pages".
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

from results import record_section  # noqa: E402
from review import OUT, canbo, forget_figures, machine  # noqa: E402

PAGES = [
    ("review page", "/ra-soat/?as_of={day}"),
    ("review page, chart of another figure", "/ra-soat/?as_of={day}&chi_so=thieu_qlnn"),
    (
        "people behind thieu_trung_cap_llct, page 1",
        "/ra-soat/danh-sach/?as_of={day}&chi_so=thieu_trung_cap_llct",
    ),
    ("people behind thieu_qlnn, page 3", "/ra-soat/danh-sach/?as_of={day}&chi_so=thieu_qlnn&page=3"),
]
USERS = ("btc", "btv")


def timed(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code}")
    return elapsed


def measure(users, pages, day: str, *, forget_each: bool = False) -> list[tuple[str, str, float, float]]:
    """(user, page, first, again) for each user and page: "first" right after the kept figures are
    forgotten (once per user, or before each page with `forget_each`), "again" the best of three."""
    from django.test import Client

    from canbo.accounts.models import User

    rows = []
    for username in users:
        client = Client()
        client.force_login(User.objects.get(username=username))
        if not forget_each:
            client.get(f"/?as_of={day}")
            forget_figures()
        for label, pattern in pages:
            url = pattern.format(day=day)
            if forget_each:
                forget_figures()
            first = timed(client, url)
            again = min(timed(client, url) for _ in range(3))
            rows.append((username, label, first, again))
            print(f"{username:12} {label:45} first {first:6.3f} s  again {again:6.3f} s", file=sys.stderr)
    return rows


def timing_table(script: str, args, rows, load_start: float, goal: str = "") -> list[str]:
    """The section recorded in bench/RESULTS.md: how it was measured, then one row a user and page."""
    from django.db import connection

    from canbo.people.models import Cadre

    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor]
    lines = [
        f"### {name}, {Cadre.objects.count():,} cadres, as of {args.as_of:%d/%m/%Y}",
        "",
        f"`bench/{script} --size {args.size}`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC, Django's test "
        f"client in one process. Machine: {machine()}. Load average (1 min) at the start and end: "
        f"{load_start:.1f} and {os.getloadavg()[0]:.1f}. \"First\" is the first request after the data "
        "changed (figures computed), \"again\" the best of three repeated requests (figures kept)."
        + (f" Goal: {goal}." if goal else ""),
        "",
        "| user | page | first (s) | again (s) |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| {user} | {label} | {first:.3f} | {again:.3f} |" for user, label, first, again in rows]
    print("\n".join(lines))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2017, 6, 30))
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / f'review-{args.size}.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("CANBO_2FA_REQUIRED", "0")  # the demo province, as scripts/start serves it
    import django

    django.setup()
    canbo("logins")
    load_start = os.getloadavg()[0]
    rows = measure(USERS, PAGES, args.as_of.isoformat())
    lines = timing_table("pages.py", args, rows, load_start)
    if not args.no_record:
        record_section("Review pages", lines + [""])


if __name__ == "__main__":
    main()
