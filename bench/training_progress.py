"""Benchmark of the training progress page (`/dao-tao/tien-do/`) and the people behind one of its
figures.

    .venv/bin/python bench/training_progress.py [--size 20000] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/training_progress.py --size 50000

The province is the demo of `--size` cadres (as `bench/review.py` builds it, into
bench/out/review-SIZE.sqlite3 without DATABASE_URL). Signs in as btc, snv and the HR officer of Đức
Trọng with Django's test client and times each page they may open:

- one cadre: the first request after a write that touched one cadre (a record edit, another cadre
  each time), the figures warmed before it (as the home page's warming does after each write);
- province-wide: the first request after a write that may change everyone (a unit's row), nothing
  warmed since;
- warming: the time the warming takes to count this page's figures again after such a write;
- warmed: the page after that warming;
- again: asked again, best of three.

Records them in bench/RESULTS.md under "## Training progress page". The goal is 0.5 s.
"""

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from home import started, timings_report, touch_everyone, touch_one  # noqa: E402
from pages import timed  # noqa: E402
from results import record_section  # noqa: E402

USERS = ("btc", "snv", "hr_ductrong")
PAGES = [  # (label, URL, the users who may open it)
    ("progress page", "/dao-tao/tien-do/?as_of={day}", USERS),
    ("progress page, Đức Trọng", "/dao-tao/tien-do/?as_of={day}&don_vi=678.HU", ("btc", "hr_ductrong")),
    ("the people owed at the start", "/dao-tao/tien-do/?as_of={day}&xem=no_dau_ky", USERS),
]


def warm(as_of: dt.date) -> float:
    """This page's part of the warming (`canbo.dashboard.warm`), timed."""
    from canbo.core.deltas import keeping_rows
    from canbo.training import progress

    started = time.perf_counter()
    with keeping_rows():
        progress.warm(as_of)
    return time.perf_counter() - started


def measure_page(client, url: str, as_of: dt.date, cadre_id: int) -> tuple[float, ...]:
    """(one cadre, province-wide, warming, warmed, again) for one user and page."""
    warm(as_of)
    touch_one(cadre_id)
    one = timed(client, url)
    touch_everyone()
    wide = timed(client, url)
    touch_everyone()
    warming = warm(as_of)
    warmed = timed(client, url)
    again = min(timed(client, url) for _ in range(3))
    return one, wide, warming, warmed, again


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2020, 1, 1))
    parser.add_argument("--label", default="", help="what the run measures")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    clients, cadres, day, load_start = started(args.size, args.as_of, USERS)
    rows = []
    for username in USERS:
        for label, pattern, users in PAGES:
            if username not in users:
                continue
            figures = measure_page(clients[username], pattern.format(day=day), args.as_of, next(cadres))
            rows.append((username, label, *figures))
            print(username, label, " ".join(f"{f:.3f}" for f in figures), file=sys.stderr)
    explained = (
        "The first request after a write that touched one cadre (\"one cadre\", the figures warmed "
        "before it) or that may change everyone (\"province-wide\", nothing warmed since); "
        "\"warming\": this page's part of the warming after such a write (not part of a request), "
        "\"warmed\": the page after it; \"again\": best of three repeated requests. Goal: 0.500 s."
    )
    title = f"as of {args.as_of:%d/%m/%Y}" + (f": {args.label}" if args.label else "")
    command = f"bench/training_progress.py --size {args.size}"
    lines = timings_report(title, command, load_start, explained, rows)
    print("\n".join(lines))
    if not args.no_record:
        record_section("Training progress page", lines + [""])


if __name__ == "__main__":
    main()
