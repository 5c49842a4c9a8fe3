"""Benchmark of the home page (each role's cards) and of the review compared at two dates.

    .venv/bin/python bench/home.py [--size 50000] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/home.py --size 50000

The province is the demo of `--size` cadres (as `bench/review.py` builds it, into
bench/out/review-SIZE.sqlite3 without DATABASE_URL). Signs in as btv (the whole province), btc
(its blocs and the BTV-managed cadres) and the HR officer of Đức Trọng with Django's test client and
times each page the first time after the data changed (every figure computed: the review at four
dates, the plans, the rotation target, the vacancies) and when asked again, best of three. Records
them in bench/RESULTS.md under "## Home page". The goal is 300 ms.
"""

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from pages import measure, timing_table  # noqa: E402
from results import record_section  # noqa: E402
from review import OUT, canbo, province  # noqa: E402

PAGES = [
    ("home page", "/?as_of={day}"),
    ("review at two dates", "/tong-quan/so-sanh/?as_of={day}"),
]
USERS = ("btv", "btc", "hr_ductrong")


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
    canbo("migrate", "--no-input", "-v0")
    province(args.size)
    load_start = os.getloadavg()[0]
    rows = measure(USERS, PAGES, args.as_of.strftime("%d/%m/%Y"), forget_each=True)
    lines = timing_table("home.py", args, rows, load_start, goal="0.300 s")
    if not args.no_record:
        record_section("Home page", lines + [""])


if __name__ == "__main__":
    main()
