# ruff: noqa: S608 -- SQL is assembled from the ORM's own queries and fixed names only
"""What puts a cadre in a user's scope at D (`canbo.people.selectors.visible_cadres`), as keys a
count over the whole workforce can be grouped by: the units of the positions held at D, and the
units of the BTV-managed positions held or planned for at D (0 for a planned one without a unit).

A figure counted once per group and per date is summed over the groups a user's scope reaches, so
every user of every role reads the same count instead of one count per scope. The counts are kept
with each cadre's rows, and a write that touched a few cadres moves them by the difference of
those cadres' rows (`canbo.core.deltas`).
"""

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from django.db import connection
from django.db.models import Case, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from canbo.accounts.scope import (
    btv_managed_unit_condition,
    reaches_btv_managed,
    sees_everything,
    unit_condition,
)
from canbo.core import deltas, kept_moves
from canbo.core.capabilities import scope_of
from canbo.core.data_cache import data_token
from canbo.core.dated import in_force_q
from canbo.core.parts import IdRange, ids_sql, run_in_parts
from canbo.core.stored_rows import stored_sql
from canbo.org.models import Unit
from canbo.people.models import Cadre, PlanningEntry, PositionHolding
from canbo.people.reach_groups import Reach, normal_row
from canbo.people.selectors import planned_q


def _joined(column: str) -> str:
    """A cadre's unit ids as text, in any order and repeated as they come (put in order once in
    Python, `canbo.people.reach_groups.key_of`: sorting and removing repeats in the database cost
    more)."""
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


# Which cadres a query is of: all (None), a part of the workforce run at once with the others
# (`canbo.core.parts`), or the cadres a write touched (`canbo.core.deltas`).
Restrict = IdRange | frozenset[int] | None


def _cadres_q(restrict: Restrict, field: str = "cadre_id") -> Q:
    if restrict is None:
        return Q()
    if isinstance(restrict, IdRange):
        return Q(**{f"{field}__gte": restrict.low, f"{field}__lt": restrict.high})
    return Q(**{f"{field}__in": RawSQL(*ids_sql(sorted(restrict)))})  # noqa: S611 (canbo's own SQL)


# Where the ids of the cadres a write touched go in the keys' SQL, which is made once per date.
_TOUCHED = object()


def keys_sql(as_of: dt.date, restrict: Restrict = None) -> list[tuple[str, list]]:
    """Two subqueries of `cadre_id, k`: the units held at D, and the units of the BTV-managed
    positions held or planned for at D (the conditions of `visible_cadres`); of the cadres of
    `restrict` alone where given."""
    if not isinstance(restrict, frozenset):
        return _keys_sql(as_of, restrict, connection.vendor)
    [touched] = ids_sql(sorted(restrict))[1]
    made = _keys_sql(as_of, _TOUCHED, connection.vendor)
    return [(sql, [touched if value is _TOUCHED else value for value in params]) for sql, params in made]


@lru_cache(maxsize=64)
def _keys_sql(as_of: dt.date, part: IdRange | object | None, vendor: str) -> list[tuple[str, list]]:
    if part is _TOUCHED:
        return _keys_of(as_of, Q(cadre_id__in=RawSQL(ids_sql([])[0], [_TOUCHED])))  # noqa: S611 (canbo's own SQL)
    return _keys_of(as_of, _cadres_q(part))


def _keys_of(as_of: dt.date, among: Q) -> list[tuple[str, list]]:
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


Inner = Callable[[Restrict], tuple[str, list]]


def among(queryset, field: str = "id") -> Inner:
    """The SQL of `queryset`'s rows, of the cadres of `restrict` alone where given (`field` names
    them)."""

    def sql(restrict: Restrict) -> tuple[str, list]:
        return queryset.filter(_cadres_q(restrict, field)).query.sql_with_params()

    return sql


def grouped_sums(
    inner: Inner,
    columns: list[str],
    as_of: dt.date | tuple[dt.date, ...],
    *,
    cadre: str = "id",
    by: tuple[str, ...] = (),
    cursor=None,
    only_kept: bool = False,
    held_key: str | tuple[str, ...] | None = None,
) -> list[list] | None:
    """For the rows of `inner(None)` (a SELECT with the cadre's id in its column `cadre`;
    `inner(restrict)` the rows of some cadres alone), the sums of its `columns` per group of rows
    whose cadres share the two keys of `keys_sql` at D (at each date of `as_of` where it is a
    tuple: two keys a date, in its order) and the values of its columns `by`: one row a group, keys
    first (NULL where a cadre has none, else the unit ids in order). Counted by parts of the
    workforce at once (`canbo.core.parts`), kept, and moved by the rows of the cadres a write
    touched (`canbo.core.deltas`). `held_key`: the column of `inner` that has the first key already
    (`held_units_sql`; one a date), so that it is not read again. `cursor`: the context manager to
    run it in (the database's by default); `only_kept`: None rather than counting everyone again."""
    dates = as_of if isinstance(as_of, tuple) else (as_of,)
    held = held_key if isinstance(held_key, tuple) else (held_key,) * len(dates)
    keys = []
    for n, held_at in enumerate(held):
        keys += [f"g.{held_at}" if held_at else f"k{2 * n}.k", f"k{2 * n + 1}.k"]
    grouped_by = [*keys, *(f"g.{name}" for name in by)]
    counted = [f"g.{name}" for name in columns]
    group, picked = ", ".join(grouped_by), ", ".join(counted)
    summed = ", ".join(f"SUM({column})" for column in counted)
    width = len(grouped_by)

    def joined(restrict: Restrict) -> tuple[str, list]:
        sql, params = inner(restrict)
        joins = ""
        for m, (date, held_at) in enumerate(zip(dates, held, strict=True)):
            for n, (key, more) in enumerate(keys_sql(date, restrict), start=2 * m):
                if n == 2 * m and held_at:
                    continue
                joins += f" LEFT JOIN ({key}) k{n} ON k{n}.cadre_id = g.{cadre}"
                params = [*params, *more]
        return f"FROM ({sql}) g{joins}", list(params)

    def fetched(sql: str, params: list) -> list[tuple]:
        with (cursor or connection.cursor)() as running:
            running.execute(sql, params)
            return running.fetchall()

    def grouping(row) -> list:
        return normal_row(row, len(keys), width)

    def rows_sql(ids: frozenset[int] | None) -> tuple[str, list]:
        source, params = joined(ids)
        return f"SELECT g.{cadre}, {group}, {picked} {source}", params

    def rows(ids: frozenset[int] | None) -> list[tuple[int, list]]:
        return [(r[0], grouping(r[1:])) for r in fetched(*rows_sql(ids))]

    def recipe() -> dict | None:
        made = kept_moves.rows_recipe(*rows_sql(frozenset({kept_moves.MARK})), connection.vendor)
        normal = ["canbo.people.reach_groups", "normal_row", {"keys": len(keys), "width": width}]
        return None if made is None else {"rows": made, "normal": normal}

    def part_stored(part: IdRange | None) -> list[tuple]:
        source, params = joined(part)
        return fetched(stored_sql(f"g.{cadre}", grouped_by, counted, source), params)

    def stored() -> list[tuple]:
        return run_in_parts(
            Cadre, part_stored, lambda found: [row for part in found for row in part], data_token
        )

    def part_sums(part: IdRange | None) -> list[list]:
        source, params = joined(part)
        return [grouping(r) for r in fetched(f"SELECT {group}, {summed} {source} GROUP BY {group}", params)]

    def combine(results: list[list[list]]) -> list[list]:
        groups: dict[tuple, list[int]] = {}
        for row in (row for found in results for row in found):
            sums = groups.setdefault(tuple(row[:width]), [0] * (len(row) - width))
            sums[:] = [a + b for a, b in zip(sums, row[width:], strict=True)]
        return [[*group, *sums] for group, sums in groups.items()]

    def sums() -> list[list]:
        return run_in_parts(Cadre, part_sums, combine, data_token)

    parts = ("grouped by reach", group, picked, *joined(None))
    return deltas.grouped(
        parts, rows, width, sums=sums, stored=stored, normal=grouping, only_kept=only_kept, recipe=recipe
    )


def flag(condition) -> Case:
    """1 where `condition` holds, else 0: a column `grouped_sums` adds up."""
    return Case(When(condition, then=Value(1)), default=Value(0))


def shares_population(actor) -> bool:
    """Whether the actor's figures are counted for the whole workforce when none are kept: a scope
    of the whole province or of whole blocs costs about as much to count on its own, and the counts
    then serve every user after it; a unit's subtree (or nothing) costs much less on its own, so it
    is counted on its own unless the whole workforce's counts are kept already."""
    scope = scope_of(actor)
    return scope.everything or not (scope.nothing or scope.unit_path is not None)


def reach_of(actor) -> Reach:
    """The units deciding what the actor sees. Read once per data token for one actor object (a
    page sums several figures over it; a user object lives for one request)."""
    if sees_everything(actor):
        return Reach(None)
    token = data_token()
    kept = getattr(actor, "_reach_at", None)
    if kept is not None and kept[0] == token:
        return kept[1]
    units = frozenset(Unit.objects.filter(unit_condition(actor)).values_list("id", flat=True))
    btv_units: frozenset[int] = frozenset()
    if reaches_btv_managed(actor):
        where = btv_managed_unit_condition(actor)
        if where is None:
            btv_units = frozenset(Unit.objects.values_list("id", flat=True)) | {0}
        else:
            btv_units = frozenset(Unit.objects.filter(where).values_list("id", flat=True))
    actor._reach_at = (token, Reach(units, btv_units))
    return actor._reach_at[1]
