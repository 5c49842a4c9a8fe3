# ruff: noqa: S608 -- SQL is assembled from a model's table name only
"""A query over the whole workforce run as parts, by ranges of cadre ids, on several connections at once.

Figures summed over cadres are the sums of their parts' figures. On a machine with several cores
the parts run at the same time, each on its own database connection in its own thread (sqlite3
and psycopg release the interpreter's lock while the database works); on one core, one part.

Parts are used only outside a transaction: other connections would not see its uncommitted writes.
Each part reads the data committed when it starts, so a write committed between the parts could
mix two states: the data token (`canbo.core.data_cache`) is read before and after, and when it
changed the query runs again as one part.
"""

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from django.db import connection, connections

from canbo.core.kept_moves import ids_param

# One part per core: more parts only add work (each part plans and joins its own share, and their
# results are added here); `CANBO_QUERY_PARTS` overrides the count (1: never in parts).
PARTS_ENV = "CANBO_QUERY_PARTS"
T = TypeVar("T")


@dataclass(frozen=True)
class IdRange:
    """The rows of the cadres with `low` ≤ id < `high`."""

    low: int
    high: int

    def sql(self, column: str) -> tuple[str, list]:
        return f"{column} >= %s AND {column} < %s", [self.low, self.high]


def ids_sql(ids: list[int]) -> tuple[str, list]:
    """A SELECT of `ids` as one parameter whatever their number (an array on PostgreSQL, a JSON
    list on SQLite, which limits the number of parameters)."""
    vendor = connection.vendor
    select = "SELECT unnest(%s::integer[])" if vendor == "postgresql" else "SELECT value FROM json_each(%s)"
    return select, [ids_param(ids, vendor)]


def part_count() -> int:
    if PARTS_ENV in os.environ:
        return max(1, int(os.environ[PARTS_ENV]))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def id_ranges(model, count: int) -> list[IdRange]:
    """`count` ranges of about as many ids each, together covering every row of `model`."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MIN(id), MAX(id) FROM {connection.ops.quote_name(model._meta.db_table)}")
        low, high = cursor.fetchone()
    if low is None:
        return [IdRange(0, 1)]
    step = -(-(high + 1 - low) // count)
    return [IdRange(start, min(start + step, high + 1)) for start in range(low, high + 1, step)]


def _in_thread(function: Callable[[], object]) -> object:
    try:
        return function()
    finally:
        connections.close_all()  # this thread's connections, opened for its part


def run_in_parts(
    model,
    compute: Callable[[IdRange | None], T],
    combine: Callable[[list[T]], T],
    token: Callable[[], object],
) -> T:
    """`compute(None)` (the whole), or `combine` of `compute(part)` for parts of `model`'s ids run at
    once; `token()` reads the data token (see above)."""
    count = part_count()
    if count < 2 or connection.in_atomic_block:
        return compute(None)
    before = token()
    ranges = id_ranges(model, count)
    if len(ranges) < 2:
        return compute(None)
    with ThreadPoolExecutor(max_workers=len(ranges) - 1) as pool:
        others = [pool.submit(_in_thread, lambda part=part: compute(part)) for part in ranges[1:]]
        results = [compute(ranges[0]), *(future.result() for future in others)]
    if token() != before:
        return compute(None)
    return combine(results)
