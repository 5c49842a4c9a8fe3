"""Benchmark of the rules over proposals: every pair of a rotation pool × a set of posts in one query.

    .venv/bin/python bench/pairs.py                                   # SQLite (a fresh file)
    DATABASE_URL=postgres://… .venv/bin/python bench/pairs.py

Imports the demo province (20,000 cadres) into an empty database, then times on a warm database,
as of a date: the allowed pairs of SPEC §13 (the pool × the key vacancies), and every pair of the
pool × every post with seats, each check decided by the database (`pair_table`, returning the
columns of the fit and a 0/1 column per check). Prints a
Markdown table.
"""

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='canbo-bench-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from canbo.core.dates import add_years  # noqa: E402
from canbo.people.models import Cadre  # noqa: E402
from canbo.rules.pairs import Proposal  # noqa: E402
from canbo.rules.proposal_rules import IN_POOL  # noqa: E402
from canbo.rules.proposals import FIT_COLUMNS, pair_table, proposal_context, rotation_pairs  # noqa: E402

AS_OF = dt.date(2017, 10, 1)


def timed(work):
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main():
    call_command("migrate", verbosity=0)
    if not Cadre.objects.exists():
        call_command("demo", verbosity=0)
    ctx = proposal_context(AS_OF)
    proposal = Proposal("luan_chuyen", AS_OF, add_years(AS_OF, 3) - dt.timedelta(days=1))
    rotation_pairs(AS_OF)  # warm up
    seconds_allowed, allowed = timed(lambda: rotation_pairs(AS_OF))
    seconds_all, every = timed(
        lambda: pair_table(ctx, proposal, cadre_condition=IN_POOL, columns=FIT_COLUMNS)
    )
    pool = len({row["id"] for row in every})
    posts = len({(row["target_unit_id"], row["target_type_id"]) for row in every})
    print("| database | as of | pool | posts | pairs | seconds |\n|---|---|---:|---:|---:|---:|")
    vendor = connection.vendor
    print(f"| {vendor} | {AS_OF} | {pool} | key vacancies | {len(allowed)} allowed | {seconds_allowed:.2f} |")
    print(f"| {vendor} | {AS_OF} | {pool} | {posts} | {len(every)} (all) | {seconds_all:.2f} |")


if __name__ == "__main__":
    main()
