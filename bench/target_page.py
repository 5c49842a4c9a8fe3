"""Benchmark of the rotation target page ("Chỉ tiêu luân chuyển 20%", `/chi-tieu-luan-chuyen/`) on the
demo province, for btc and snv.

    .venv/bin/python bench/target_page.py [--size 20000] [--as-of 2026-11-28] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/target_page.py --size 20000

The province is `canbo demo --size SIZE` (into bench/out/target-SIZE.sqlite3 without DATABASE_URL; a
database that already holds a province is reused). Times the page for the default period of the date
viewed and the people behind one of its figures: the first request after the kept figures were
forgotten, and again (best of three). Records them in bench/RESULTS.md under "## Rotation target page".
The goal is 0.4 s.
"""

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from officials import demo_sign_ins  # noqa: E402
from pages import measure, timing_table  # noqa: E402
from results import record_section  # noqa: E402
from review import open_province  # noqa: E402

PAGES = [
    ("target page", "/chi-tieu-luan-chuyen/?as_of={day}"),
    (
        "people rotated down, page 1",
        "/chi-tieu-luan-chuyen/?as_of={day}&chieu=tinh_xuong_huyen&nhom=da_luan_chuyen",
    ),
]
USERS = ("btc", "snv")


def warm_up() -> None:
    """The process's one-off start (URLs, templates) is not a page's: one page of another kind first."""
    from django.test import Client

    from canbo.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=USERS[0]))
    client.get("/tai-khoan/doi-mat-khau/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    today = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=today)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("CANBO_2FA_REQUIRED", "0")  # the demo province, as scripts/start serves it
    os.environ["CANBO_WARM_AFTER_WRITE"] = "0"
    open_province("target", args.size)
    demo_sign_ins(args.size)
    warm_up()
    load_start = os.getloadavg()[0]
    rows = measure(USERS, PAGES, args.as_of.isoformat(), forget_each=True)
    lines = timing_table("target_page.py", args, rows, load_start, goal="0.4 s")
    if not args.no_record:
        record_section("Rotation target page", lines + [""])


if __name__ == "__main__":
    main()
