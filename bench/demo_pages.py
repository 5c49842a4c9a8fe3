"""What the page benchmarks on the demo province share: their arguments, the province opened with
its demo sign-ins, a first page of another kind, each page timed for each user (`pages.measure`),
and the section recorded in bench/RESULTS.md."""

import argparse
import datetime as dt
import os
from collections.abc import Callable
from zoneinfo import ZoneInfo

from officials import demo_sign_ins
from pages import measure, timing_table
from results import record_section
from review import open_province


def warm_up(username: str) -> None:
    """The process's one-off start (URLs, templates) is not a page's: one page of another kind first."""
    from django.test import Client

    from canbo.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    client.get("/tai-khoan/doi-mat-khau/")


def run(*, description: str, name: str, section: str, users: tuple[str, ...],
        pages: Callable[[], list[tuple[str, str]]], goal: str = "") -> None:
    """Parse `--size`, `--as-of`, `--no-record`; open bench/out/NAME-SIZE.sqlite3 (or DATABASE_URL)
    with the demo province; time `pages()` (label, URL with `{day}`) for `users`; record them."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", type=int, default=20_000)
    today = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=today)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("CANBO_2FA_REQUIRED", "0")  # the demo province, as scripts/start serves it
    os.environ["CANBO_WARM_AFTER_WRITE"] = "0"
    open_province(name, args.size)
    demo_sign_ins(args.size)
    warm_up(users[0])
    load_start = os.getloadavg()[0]
    rows = measure(users, pages(), args.as_of.isoformat(), forget_each=True)
    lines = timing_table(f"{name}_page.py", args, rows, load_start, goal=goal)
    if not args.no_record:
        record_section(section, lines + [""])
