"""Benchmark of the home page (each role's cards), the review compared at two dates, the review
page (its figures and its chart by unit, for the scope and for a district) and the people behind a
figure (its first page).

    .venv/bin/python bench/home.py [--size 50000] [--no-record] [--page "people behind" …]
    DATABASE_URL=postgres://… .venv/bin/python bench/home.py --size 50000

The province is the demo of `--size` cadres (as `bench/review.py` builds it, into
bench/out/review-SIZE.sqlite3 without DATABASE_URL). Signs in as btv (the whole province), btc
(its blocs and the BTV-managed cadres) and the HR officer of Đức Trọng with Django's test client and
times each page:

- one cadre: the first request after a write that touched one cadre (a record edit, another cadre
  each time), the page asked once and the figures kept before it: they are moved by that cadre's
  rows in the request; the median of five such writes and requests;
- a unit renamed: the first request after a write that changes no figure (a unit's name alone);
- province-wide: the first request after a write that may change everyone (a unit's code), the
  figures kept before it: every figure is counted again in the request (the home page of a wide
  scope on a large province comes without its figures, which its script then asks for apart: the
  page "home page's figures, counted apart");
- warmed: after such a write and the warming that follows it (`canbo.dashboard.warm`) ran to its
  end (its time is recorded too), the page;
- again: asked again, best of three.

Records them in bench/RESULTS.md under "## Home page". The goal is 300 ms.
"""

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from officials import demo_sign_ins  # noqa: E402
from pages import timed  # noqa: E402
from results import record_section  # noqa: E402
from review import OUT, canbo, machine, province  # noqa: E402

PAGES = [
    ("home page", "/?as_of={day}"),
    ("home page's figures, counted apart", "/tong-quan/so-lieu/?as_of={day}"),
    ("review at two dates", "/tong-quan/so-sanh/?as_of={day}"),
    ("review page", "/ra-soat/?as_of={day}&chi_so=thieu_trung_cap_llct"),
    ("review page, a district", "/ra-soat/?as_of={day}&chi_so=thieu_trung_cap_llct&don_vi=678.HU"),
    ("the people behind a figure", "/ra-soat/danh-sach/?as_of={day}&chi_so=thieu_trung_cap_llct"),
]
USERS = ("btv", "btc", "hr_ductrong")
ONE_CADRE_RUNS = 5


def touch_one(cadre_id: int) -> None:
    """A write that touches one cadre (an edit of its record, through plain SQL as any path may)."""
    from django.db.models import F

    from canbo.people.models import Cadre

    Cadre.objects.filter(pk=cadre_id).update(full_name=F("full_name"))


def _toggle_first_unit(field: str, suffix: str) -> None:
    """The first unit's `field` with `suffix` added, or taken off again by the next call."""
    from canbo.org.models import Unit

    unit = Unit.objects.order_by("pk").first()
    value = getattr(unit, field)
    changed = value.removesuffix(suffix) if value.endswith(suffix) else f"{value}{suffix}"
    Unit.objects.filter(pk=unit.pk).update(**{field: changed})


def touch_everyone() -> None:
    """A write that may change every cadre's figures: a unit's code changed (a unit renamed alone
    changes no figure), and changed back by the next call."""
    _toggle_first_unit("code", "~")


def rename_unit() -> None:
    """A write that changes no figure: a unit's name (changed back by the next call)."""
    _toggle_first_unit("name", " (tên mới)")


def timed_after_one_cadre(cadre_id: int, client, url: str) -> float:
    touch_one(cadre_id)
    return timed(client, url)


def measure_page(client, url: str, as_of: dt.date, cadre_ids: list[int]) -> tuple[float, ...]:
    """(one cadre, a unit renamed, province-wide, warming, warmed, again) for one user and page;
    one cadre: the median of a request after each of `cadre_ids`' writes (ONE_CADRE_RUNS of them)."""
    from canbo.dashboard.warm import warm_home

    warm_home(as_of)
    timed(client, url)  # what the page keeps that the warming does not (its list) is kept too
    one = statistics.median(timed_after_one_cadre(cadre, client, url) for cadre in cadre_ids)
    rename_unit()
    renamed = timed(client, url)
    touch_everyone()
    wide = timed(client, url)
    touch_everyone()
    started = time.perf_counter()
    warm_home(as_of)
    warming = time.perf_counter() - started
    warmed = timed(client, url)
    again = min(timed(client, url) for _ in range(3))
    return one, renamed, wide, warming, warmed, again


def start_django(size: int) -> None:
    """Django set up over the province of `size` cadres (its SQLite file without DATABASE_URL), with
    no warming beside the pages: it is run where it is timed."""
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / f'review-{size}.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("CANBO_2FA_REQUIRED", "0")  # the demo province, as scripts/start serves it
    os.environ["CANBO_WARM_AFTER_WRITE"] = "0"
    import django

    django.setup()


def signed_in(size: int, users, day: str) -> tuple[dict, Iterator[int]]:
    """The province of `size` cadres with its demo sign-ins, a test client signed in per user (their
    process's one-off start done), and cadres holding a position to write to, one at a time."""
    from django.test import Client

    from canbo.accounts.models import User
    from canbo.people.models import PositionHolding

    canbo("migrate", "--no-input", "-v0")
    province(size)
    demo_sign_ins(size)
    clients = {}
    for username in users:
        clients[username] = Client()
        clients[username].force_login(User.objects.get(username=username))
        clients[username].get(f"/tai-khoan/doi-mat-khau/?as_of={day}")  # URLs, templates: not a page's
    gc.freeze()  # what start-up built stays out of the collector's passes, as in the server (config/wsgi.py)
    holders = PositionHolding.objects.filter(valid_to__isnull=True).order_by("cadre_id")
    return clients, iter(holders.values_list("cadre_id", flat=True)[:: max(1, size // 500)])


def started(size: int, as_of: dt.date, users) -> tuple[dict, Iterator[int], str, float]:
    """Django over the province of `size` cadres, its clients signed in (`signed_in`), the date as
    the pages take it, and the load average before the first timed request."""
    start_django(size)
    day = as_of.strftime("%d/%m/%Y")
    clients, cadres = signed_in(size, users, day)
    return clients, cadres, day, os.getloadavg()[0]


COLUMNS = ("one cadre", "province-wide", "warming", "warmed", "again")


def timings_report(
    title: str, command: str, load_start: float, explained: str, rows, columns=COLUMNS
) -> list[str]:
    """The section recorded for a run: its heading (the database, the province's size, `title`),
    the command, date, machine and load, what the columns mean, then the table of (user, page,
    *timings) rows, a timing (in seconds) for each of `columns`."""
    from django.db import connection

    from canbo.people.models import Cadre

    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor]
    return [
        f"### {name}, {Cadre.objects.count():,} cadres, {title}",
        "",
        f"`{command}`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC, Django's test client in one process. "
        f"Machine: {machine()}. Load average (1 min) at the start and end: {load_start:.1f} and "
        f"{os.getloadavg()[0]:.1f}. {explained}",
        "",
        "| user | page | " + " | ".join(f"{column} (s)" for column in columns) + " |",
        "|---|---|" + "---:|" * len(columns),
        *(f"| {user} | {label} | " + " | ".join(f"{f:.3f}" for f in figures) + " |"
          for user, label, *figures in rows),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2020, 1, 1))
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--page", action="append", help="only the pages whose label contains this")
    args = parser.parse_args()
    clients, cadres, day, load_start = started(args.size, args.as_of, USERS)
    rows = []
    for username in USERS:
        for label, pattern in PAGES:
            if args.page and not any(part in label for part in args.page):
                continue
            cadre_ids = [next(cadres) for _ in range(ONE_CADRE_RUNS)]
            figures = measure_page(clients[username], pattern.format(day=day), args.as_of, cadre_ids)
            rows.append((username, label, *figures))
            print(username, label, " ".join(f"{f:.3f}" for f in figures), file=sys.stderr)
    explained = (
        "The first request after a write that touched one cadre (\"one cadre\": the kept figures "
        "moved by its rows; the median of five), that changed a unit's name alone (\"a unit renamed\": "
        "no figure moves) or that may change everyone (\"province-wide\": every "
        "figure counted in the request); \"warmed\": after such a write and the warming that follows "
        "it (\"warming\" its time, not part of a request); \"again\": best of three repeated "
        "requests. Goal: 0.300 s."
    )
    title = f"as of {args.as_of:%d/%m/%Y}"
    columns = ("one cadre", "a unit renamed", *COLUMNS[1:])
    lines = timings_report(title, f"bench/home.py --size {args.size}", load_start, explained, rows, columns)
    print("\n".join(lines))
    if not args.no_record:
        record_section("Home page", lines + [""])


if __name__ == "__main__":
    main()
