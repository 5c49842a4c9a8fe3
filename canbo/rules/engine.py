# ruff: noqa: S608 -- SQL is assembled from table names and fixed column names only; every value is a parameter
"""Verdicts over a whole population, run by the database on the facts (one query each).

`restrict` is a Cadre queryset (a user's scope, a subtree) or None for everyone.

A date's context and the figures (counts, and the ordered ids behind a figure) are kept until
the data changes (`canbo.core.data_cache`): the key of a figure is the query that computes it
(SQL and parameters, which carry the date, the parameters in force and the user's scope), so a
figure is served again only for the same question over the same data.
"""

import datetime as dt
from functools import lru_cache

from django.db.models import QuerySet

from canbo.core import kept_lists
from canbo.core.data_cache import kept, remembered, wide_token
from canbo.core.dated import in_force_sql
from canbo.core.parts import ids_sql
from canbo.people import reach
from canbo.rules import facts
from canbo.rules.predicates import Cond
from canbo.rules.review_figures import figures_of
from canbo.rules.selectors import rule_set_in_force, rules_in_force, versions_in_force
from canbo.rules.verdicts import CANDIDATE, EXCLUSIONS, FULL_TIME, PRIORITIES, PROGRAMMES, REVIEW, SPLIT


def context_for(as_of: dt.date) -> dict:
    """Everything the verdicts read at D besides the records: the rule set in force, its rules and
    the parameter values in force, resolved once per date and wide token (a write to the
    catalogues or the rules replaces it; one to a cadre's records does not)."""
    return dict(_context(as_of, wide_token()))


@lru_cache(maxsize=64)
def _context(as_of: dt.date, token: int) -> dict:
    rule_set = rule_set_in_force(as_of)
    params = {key: version.value for key, version in versions_in_force(rule_set, as_of).items()}
    ctx = facts.context(as_of, params, rules_in_force(rule_set))
    ctx["rule_set"] = rule_set
    return ctx


def _remembered_rows(sql: str, params: list, *, only_kept: bool = False) -> list[list[int]] | None:
    """The rows (of integers) of a population query, computed once per data token (`only_kept`:
    None rather than computing them)."""
    if only_kept:
        return kept(("facts", sql, params))

    def compute() -> list[list[int]]:
        with facts.population_cursor() as cursor:
            cursor.execute(sql, params)
            return [[int(value) for value in row] for row in cursor.fetchall()]

    return remembered(("facts", sql, params), compute)


def _needs(named: list[tuple[str, Cond]], *more: str) -> set[str]:
    return set(more).union(*(cond.columns() for _name, cond in named))


def _flags(named: list[tuple[str, Cond]], ctx: dict) -> tuple[list[str], list]:
    texts, params = [], []
    for name, cond in named:
        text, more = cond.sql(ctx)
        texts.append(f"CASE WHEN {text} THEN 1 ELSE 0 END AS {name}")
        params += more
    return texts, params


def _review_named() -> list[tuple[str, Cond]]:
    return [(v.key, v.condition) for v in REVIEW] + [(f"split_{k}", v.condition) for k, v in SPLIT.items()]


REVIEW_WIDTH = len(REVIEW) + len(SPLIT)  # the sums `review_result` reads


def review_column(key: str) -> int | None:
    """Where the sums of `review_sums_by_reach` hold the figure `key` (a review key, or
    `thieu_trung_cap_chuyen_mon.<split>`); None for a figure they do not hold (a programme)."""
    prefix = "thieu_trung_cap_chuyen_mon."
    name = f"split_{key.removeprefix(prefix)}" if key.startswith(prefix) else key
    names = review_names()
    return names.index(name) if name in names else None


def review_counts(ctx: dict, restrict: QuerySet | None = None, *, only_kept: bool = False) -> dict | None:
    """The six figures of SPEC §8 with the split of professional trung cấp (`only_kept`: None where
    they are not kept)."""
    named = _review_named()
    flags, flag_params = _flags(named, ctx)
    base, base_params = facts.facts_sql(ctx, restrict, _needs(named))
    sums = ", ".join(f"COALESCE(SUM(g.{name}), 0)" for name, _cond in named)
    sql = f"SELECT {sums} FROM (SELECT {', '.join(flags)} FROM ({base}) f) g"
    rows = _remembered_rows(sql, flag_params + base_params, only_kept=only_kept)
    return None if rows is None else review_result(rows[0])


def review_names() -> list[str]:
    """The verdicts and splits whose sums `review_result` reads, in their order."""
    return [name for name, _c in _review_named()]


def review_result(values: list[int]) -> dict:
    """The figures of `review_counts` from the sums of its verdicts and splits, in their order."""
    return figures_of(review_names(), [v.key for v in REVIEW], values)


def review_sums_by_reach(ctx: dict, *, only_kept: bool = False) -> list[list] | None:
    """The sums `review_result` reads for each group of the whole workforce sharing the keys that
    decide scopes at D (`canbo.people.reach`): one facts pass per date, by parts of the workforce at
    once, whoever asks, then moved by the facts of the cadres each write touched (`only_kept`: None
    rather than a whole pass)."""
    return _flag_sums_by_reach(ctx, _review_named(), only_kept=only_kept)


def _flag_sums_by_reach(
    ctx: dict, named: list[tuple[str, Cond]], *, only_kept: bool, active_only: bool = False
) -> list[list] | None:
    """For each group of the whole workforce sharing the keys that decide scopes at D, how many
    cadres each condition of `named` holds for (`active_only`: among the active cadres alone),
    counted by parts, kept and moved by `canbo.people.reach.grouped_sums`."""
    flags, flag_params = _flags(named, ctx)
    needs = _needs(named, "held_units", *(("active",) if active_only else ()))
    where = " WHERE f.active = 1" if active_only else ""

    def inner(restrict: reach.Restrict) -> tuple[str, list]:
        # The cadres restrict every history the facts group, not only the outer rows.
        base, base_params = facts.facts_sql(ctx, _ids(restrict), needs)
        sql = f"SELECT f.id, f.held_units, {', '.join(flags)} FROM ({base}) f{where}"
        return sql, flag_params + base_params

    return reach.grouped_sums(
        inner,
        [name for name, _cond in named],
        ctx["as_of"],
        cursor=facts.population_cursor,
        only_kept=only_kept,
        held_key="held_units",
    )


def _ids(restrict: reach.Restrict):
    """`restrict` as `facts.facts_sql` reads it: a set of touched cadres as their ids in one
    parameter (`canbo.core.parts.ids_sql`)."""
    if not isinstance(restrict, frozenset):
        return restrict
    sql, params = ids_sql(sorted(restrict))
    return facts.Ids(sql, tuple(params))


def review_pair_sums_by_reach(first: dict, second: dict, *, only_kept: bool = False) -> list[list] | None:
    """For each group of the whole workforce sharing the keys that decide scopes at the first date
    and at the second (`canbo.people.reach`, four keys), how many cadres are behind each of the six
    figures at both dates (the facts at each joined by cadre); kept and moved by the facts of the
    cadres each write touched, as `review_sums_by_reach` (`only_kept`: None rather than a whole
    pass)."""
    named = [(v.key, v.condition) for v in REVIEW]
    names = [name for name, _cond in named]

    def inner(restrict: reach.Restrict) -> tuple[str, list]:
        among = _ids(restrict)
        sides, params = [], []
        for ctx in (first, second):
            flags, flag_params = _flags(named, ctx)
            base, base_params = facts.facts_sql(ctx, among, _needs(named, "held_units"))
            sides.append(f"SELECT f.id, f.held_units, {', '.join(flags)} FROM ({base}) f")
            params += flag_params + base_params
        both = ", ".join(f"a.{name} * b.{name} AS {name}" for name in names)
        behind = " OR ".join(f"a.{name} * b.{name} = 1" for name in names)
        # Only the cadres behind a figure at both dates have a row: the others add nothing.
        sql = (
            f"SELECT a.id, a.held_units AS held_first, b.held_units AS held_second, {both} "
            f"FROM ({sides[0]}) a JOIN ({sides[1]}) b ON b.id = a.id WHERE {behind}"
        )
        return sql, params

    return reach.grouped_sums(
        inner,
        names,
        (first["as_of"], second["as_of"]),
        cursor=facts.population_cursor,
        only_kept=only_kept,
        held_key=("held_first", "held_second"),
    )


def eligibility_sums_by_reach(ctx: dict, *, only_kept: bool = False) -> list[list] | None:
    """How many active cadres are eligible for each programme of SPEC §9 at D (the columns of
    `eligibility_table`, in PROGRAMMES' order), for each group of the whole workforce sharing the
    keys that decide scopes (`canbo.people.reach`); kept and moved by the facts of the cadres each
    write touched, as `review_sums_by_reach`."""
    named = [(f"p_{v.key}", v.condition) for v in PROGRAMMES]
    return _flag_sums_by_reach(ctx, named, only_kept=only_kept, active_only=True)


def matching(ctx: dict, condition: Cond, restrict: QuerySet | None = None) -> list[dict]:
    """Facts rows of the cadres for whom `condition` holds, by code."""
    base, base_params = facts.facts_sql(ctx, restrict)
    where, where_params = condition.sql(ctx)
    return facts.run(f"SELECT * FROM ({base}) f WHERE {where} ORDER BY f.code", base_params + where_params)


def matching_ids(ctx: dict, condition: Cond, restrict: QuerySet | None = None) -> list[int]:
    """Ids of the cadres for whom `condition` holds, by code: kept until the data changes, then
    moved by the facts of the cadres each write touched (`canbo.core.kept_lists`)."""
    where, where_params = condition.sql(ctx)

    def query(among) -> tuple[str, list]:
        base, base_params = facts.facts_sql(ctx, among, condition.columns())
        return f"SELECT f.id, f.code FROM ({base}) f WHERE {where}", base_params + where_params

    def found(ids: frozenset[int] | None) -> list[tuple[int, str]]:
        sql, params = query(restrict if ids is None else _among_touched(restrict, ids))
        with facts.population_cursor() as cursor:
            cursor.execute(sql, params)
            return [(int(cadre), code) for cadre, code in cursor.fetchall()]

    return kept_lists.ordered_ids(query(restrict), found)


def _among_touched(restrict: QuerySet | None, ids: frozenset[int]) -> QuerySet | list[int]:
    return sorted(ids) if restrict is None else restrict.filter(id__in=ids)


def review_ids(ctx: dict, restrict: QuerySet | None = None) -> dict[str, list[int]]:
    """The ids behind each of the six figures (`matching_ids` of each), from one facts pass."""
    named = [(v.key, v.condition) for v in REVIEW]
    flags, flag_params = _flags(named, ctx)
    base, base_params = facts.facts_sql(ctx, restrict, _needs(named))
    names = [name for name, _cond in named]
    sql = (
        f"SELECT g.id, {', '.join(f'g.{name}' for name in names)} "
        f"FROM (SELECT f.id, f.code, {', '.join(flags)} FROM ({base}) f) g "
        f"WHERE {' OR '.join(f'g.{name} = 1' for name in names)} ORDER BY g.code"
    )
    rows = _remembered_rows(sql, flag_params + base_params)
    return {name: [row[0] for row in rows if row[n]] for n, name in enumerate(names, start=1)}


def count(ctx: dict, condition: Cond, restrict: QuerySet | None = None) -> int:
    base, base_params = facts.facts_sql(ctx, restrict, condition.columns())
    where, where_params = condition.sql(ctx)
    sql = f"SELECT COUNT(*) FROM ({base}) f WHERE {where}"
    return _remembered_rows(sql, base_params + where_params)[0][0]


def units_of_matching(ctx: dict, condition: Cond, restrict: QuerySet | None = None) -> dict[int, set[int]]:
    """The cadres for whom `condition` holds, each with the units of the positions they hold at D
    (an empty set for none). The cadres are the kept ids behind the figure (`matching_ids`), so
    the facts are not computed again; charts resolve units' subtrees from these in Python, so the
    cost does not grow with the number of units charted."""
    from canbo.people.models import PositionHolding

    ids = matching_ids(ctx, condition, restrict)
    among, among_params = _among("ph.cadre_id", ids)
    held, held_params = in_force_sql("ph", ctx["as_of"])
    sql = (
        f"SELECT DISTINCT ph.cadre_id, ph.unit_id FROM {PositionHolding._meta.db_table} ph "
        f"WHERE {among} AND {held}"
    )
    found: dict[int, set[int]] = {cadre_id: set() for cadre_id in ids}
    for cadre_id, unit_id in _remembered_rows(sql, among_params + held_params):
        found[cadre_id].add(unit_id)
    return found


def _among(column: str, ids: list[int]) -> tuple[str, list]:
    """`column` is one of `ids` (one parameter whatever their number)."""
    sql, params = ids_sql(ids)
    return f"{column} IN ({sql})", params


def eligibility_counts(ctx: dict, restrict: QuerySet | None = None) -> dict[str, int]:
    """How many cadres each programme of SPEC §9 has, decided for every cadre in one query."""
    named = [(v.key, v.condition) for v in PROGRAMMES]
    flags, flag_params = _flags(named, ctx)
    base, base_params = facts.facts_sql(ctx, restrict, _needs(named))
    sums = ", ".join(f"COALESCE(SUM(g.{name}), 0)" for name, _cond in named)
    sql = f"SELECT {sums} FROM (SELECT {', '.join(flags)} FROM ({base}) f) g"
    values = _remembered_rows(sql, flag_params + base_params)[0]
    return dict(zip([name for name, _c in named], values, strict=True))


def eligibility_table(
    ctx: dict, restrict: QuerySet | None = None, programme: str | None = None
) -> list[dict]:
    """For every active cadre (or those eligible for `programme`): code, a 0/1 column per
    programme, full-time flag and one per priority group."""
    named = [(f"p_{v.key}", v.condition) for v in PROGRAMMES] + [("full_time", FULL_TIME)]
    named += [(f"u_{code}", cond) for code, cond, _label in PRIORITIES]
    flags, flag_params = _flags(named, ctx)
    base, base_params = facts.facts_sql(ctx, restrict, _needs(named, "active", "birth_date"))
    where = "f.active = 1"
    where_params: list = []
    if programme is not None:
        where, where_params = next(v for v in PROGRAMMES if v.key == programme).condition.sql(ctx)
    sql = (
        f"SELECT f.id, f.code, f.full_name, f.birth_date, {', '.join(flags)} FROM ({base}) f "
        f"WHERE {where} ORDER BY f.code"
    )
    return facts.run(sql, flag_params + base_params + where_params)


def rotation_table(ctx: dict, restrict: QuerySet | None = None) -> list[dict]:
    """Rotation candidates (R1) with a 0/1 column per exclusion reason (R2), by code."""
    named = [(f"x_{code}", cond) for code, cond, _label in EXCLUSIONS]
    flags, flag_params = _flags(named, ctx)
    base, base_params = facts.facts_sql(ctx, restrict, _needs(named) | CANDIDATE.condition.columns())
    where, where_params = CANDIDATE.condition.sql(ctx)
    sql = (
        f"SELECT f.id, f.code, f.full_name, {', '.join(flags)} FROM ({base}) f WHERE {where} ORDER BY f.code"
    )
    return facts.run(sql, flag_params + base_params + where_params)


def facts_of(ctx: dict, cadres: list[int] | QuerySet) -> dict[int, dict]:
    """Facts rows of a few cadres (their ids), or of a queryset of cadres however many, by id."""
    rows = facts.run(*facts.facts_sql(ctx, cadres if isinstance(cadres, QuerySet) else list(cadres)))
    return {row["id"]: row for row in rows}


def active_facts(ctx: dict, columns: set[str], restrict: QuerySet | None = None) -> list[dict]:
    """The facts `columns` (with id and code) of the cadres active at D, by code."""
    base, params = facts.facts_sql(ctx, restrict, columns | {"active"})
    return facts.run(f"SELECT * FROM ({base}) f WHERE f.active = 1 ORDER BY f.code", params)
