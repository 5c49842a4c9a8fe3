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

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import demo_pages  # noqa: E402

PAGES = [
    ("target page", "/chi-tieu-luan-chuyen/?as_of={day}"),
    (
        "people rotated down, page 1",
        "/chi-tieu-luan-chuyen/?as_of={day}&chieu=tinh_xuong_huyen&nhom=da_luan_chuyen",
    ),
]
USERS = ("btc", "snv")


def main() -> None:
    demo_pages.run(description=__doc__.splitlines()[0], name="target", section="Rotation target page",
                   users=USERS, pages=lambda: PAGES, goal="0.4 s")


if __name__ == "__main__":
    main()
