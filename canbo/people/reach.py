# ruff: noqa: S608 -- SQL is assembled from the ORM's own queries and fixed names only
"""What puts a cadre in a user's scope at D (`canbo.people.selectors.visible_cadres`), as keys a
count over the whole workforce can be grouped by: the units of the positions held at D, and the
units of the BTV-managed positions held or planned for at D (0 for a planned one without a unit).

A figure counted once per group and per date is summed over the groups a user's scope reaches, so
every user of every role reads the same count, computed once per date and data version, instead
of one count per scope.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Coalesce

from canbo.accounts.scope import (
    btv_managed_unit_condition,
    reaches_btv_managed,
    sees_everything,
    unit_condition,
)
from canbo.core.capabilities import scope_of
from canbo.core.data_cache import data_token, kept, remembered
from canbo.core.dated import in_force_q
from canbo.core.parts import IdRange, run_in_parts
from canbo.org.models import Unit
from canbo.people.models import Cadre, PlanningEntry, PositionHolding
from canbo.people.selectors import planned_q


def _joined(column: str) -> str:
    """The unit ids of a group as text, in any order and repeated as they come (read as a set: two
    texts of one set only make two groups that sum alike; sorting and removing repeats in the
    database cost more than the few extra groups)."""
    if connection.vendor == "postgresql":
        return f"string_agg(CAST({column} AS text), ',')"
    return f"group_concat({column})"


def held_units_sql(holding: str) -> str:
    """The first key of `keys_sql` as an aggregate over a cadre's positions held at D, `holding`
    being the alias of the position held: for a query that reads them already."""
    return _joined(f"COALESCE({holding}.unit_id, 0)")


def _per_cadre(querysets) -> tuple[str, list]:
    parts, params = [], []
    for queryset in querysets:
        rows = queryset.order_by().values("cadre_id", unit_key=Coalesce("unit_id", 0))
        sql, more = rows.query.sql_with_params()
        parts.append(sql)
        params += more
    rows = " UNION ALL ".join(parts)
    return f"SELECT u.cadre_id, {_joined('u.unit_key')} AS k FROM ({rows}) u GROUP BY u.cadre_id", params


def keys_sql(as_of: dt.date, part: IdRange | None = None) -> list[tuple[str, list]]:
    """Two subqueries of `cadre_id, k`: the units held at D, and the units of the BTV-managed
    positions held or planned for at D (the conditions of `visible_cadres`); of the cadres of
    `part` only, when given."""
    return _keys_sql(as_of, part, connection.vendor)


@lru_cache(maxsize=64)
def _keys_sql(as_of: dt.date, part: IdRange | None, vendor: str) -> list[tuple[str, list]]:
    among = Q() if part is None else Q(cadre_id__gte=part.low, cadre_id__lt=part.high)
    held = PositionHolding.objects.filter(in_force_q(as_of), among)
    return [
        _per_cadre([held]),
        _per_cadre(
            [
                held.filter(position_type__btv_managed=True),
                PlanningEntry.objects.filter(planned_q(as_of), among, position_type__btv_managed=True),
            ]
        ),
    ]


def grouped_sums(
    inner: tuple[str, list] | Callable[[IdRange | None], tuple[str, list]],
    columns: list[str],
    as_of: dt.date,
    *,
    cadre: str = "id",
    by: tuple[str, ...] = (),
    cursor=None,
    only_kept: bool = False,
    held_key: str | None = None,
) -> list[list] | None:
    """For the rows of `inner` (a SELECT with the cadre's id in its column `cadre`), the sums of its
    `columns` per group of rows whose cadres share the two keys of `keys_sql` at D (and of the
    values of its columns `by`): one row a group, keys first (NULL where a cadre has none). Kept
    until the data changes. `inner` may be a function of a part of the cadres (None: all of them):
    the sums are then computed by parts at once (`canbo.core.parts`). `held_key`: the column of
    `inner` that has the first key already (`held_units_sql`), so that it is not read again.
    `cursor`: the context manager to run it in (the database's by default); `only_kept`: None
    rather than computing them."""
    width = len(keys_sql(as_of)) + len(by)

    def query(part: IdRange | None) -> tuple[str, list]:
        sql, params = inner(part) if callable(inner) else inner
        keys = keys_sql(as_of, part)
        joins, grouped = "", [f"k{n}.k" for n in range(len(keys))]
        for n, (key, more) in enumerate(keys):
            if n == 0 and held_key:
                grouped[0] = f"g.{held_key}"
                continue
            joins += f" LEFT JOIN ({key}) k{n} ON k{n}.cadre_id = g.{cadre}"
            params = [*params, *more]
        grouped = ", ".join([*grouped, *(f"g.{name}" for name in by)])
        sums = ", ".join(f"SUM(g.{name})" for name in columns)
        return f"SELECT {grouped}, {sums} FROM ({sql}) g{joins} GROUP BY {grouped}", params

    def compute_part(part: IdRange | None) -> list[list]:
        with (cursor or connection.cursor)() as running:
            running.execute(*query(part))
            return [[*row[:width], *(int(v) for v in row[width:])] for row in running.fetchall()]

    def combine(results: list[list[list]]) -> list[list]:
        groups: dict[tuple, list[int]] = {}
        for row in (row for rows in results for row in rows):
            sums = groups.setdefault(tuple(row[:width]), [0] * (len(row) - width))
            sums[:] = [a + b for a, b in zip(sums, row[width:], strict=True)]
        return [[*group, *sums] for group, sums in groups.items()]

    def compute() -> list[list]:
        if not callable(inner):
            return compute_part(None)
        return run_in_parts(Cadre, compute_part, combine, data_token)

    parts = ("grouped by reach", *query(None))
    return kept(parts) if only_kept else remembered(parts, compute)


def flag(condition) -> Case:
    """1 where `condition` holds, else 0: a column `grouped_sums` adds up."""
    return Case(When(condition, then=Value(1)), default=Value(0))


@lru_cache(maxsize=8192)
def _ids(text: str | None) -> frozenset[int]:
    return frozenset(int(part) for part in text.split(",")) if text else frozenset()


@dataclass(frozen=True)
class Reach:
    """The units deciding what a user sees; `units` None: everything."""

    units: frozenset[int] | None  # the units whose holders the user sees
    btv_units: frozenset[int] = frozenset()  # where the user follows BTV-managed cadres

    def covers(self, held: str | None, btv: str | None) -> bool:
        """Whether a cadre with these keys is in the scope."""
        if self.units is None:
            return True
        return bool(self.units & _ids(held)) or bool(self.btv_units & _ids(btv))

    def sees_unit(self, unit_id: int) -> bool:
        return self.units is None or unit_id in self.units


def shares_population(actor) -> bool:
    """Whether the actor's figures are counted for the whole workforce when none are kept: a scope
    of the whole province or of whole blocs costs about as much to count on its own, and the counts
    then serve every user after it; a unit's subtree (or nothing) costs much less on its own, so it
    is counted on its own unless the whole workforce's counts are kept already."""
    scope = scope_of(actor)
    return scope.everything or not (scope.nothing or scope.unit_path is not None)


def reach_of(actor) -> Reach:
    """The units deciding what the actor sees."""
    if sees_everything(actor):
        return Reach(None)
    units = frozenset(Unit.objects.filter(unit_condition(actor)).values_list("id", flat=True))
    btv_units: frozenset[int] = frozenset()
    if reaches_btv_managed(actor):
        where = btv_managed_unit_condition(actor)
        if where is None:
            btv_units = frozenset(Unit.objects.values_list("id", flat=True)) | {0}
        else:
            btv_units = frozenset(Unit.objects.filter(where).values_list("id", flat=True))
    return Reach(units, btv_units)


def sum_within(reach: Reach, rows: list[list], width: int) -> list[int]:
    """The sums of the `width` counts of `rows` (each the two keys of `keys_sql`, then the counts)
    over the groups `reach` covers."""
    covered = [row[2:] for row in rows if reach.covers(row[0], row[1])]
    return [sum(column) for column in zip(*covered, strict=True)] if covered else [0] * width
