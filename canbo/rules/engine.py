# ruff: noqa: S608 -- SQL is assembled from table names and fixed column names only; every value is a parameter
"""Verdicts over a whole population, run by the database on the facts (one query each).

`restrict` is a Cadre queryset (a user's scope, a subtree) or None for everyone.
"""

import datetime as dt

from django.db.models import QuerySet

from canbo.core.dated import in_force_sql
from canbo.rules import facts
from canbo.rules.predicates import Cond
from canbo.rules.selectors import rule_set_in_force, rules_in_force, versions_in_force
from canbo.rules.verdicts import CANDIDATE, EXCLUSIONS, FULL_TIME, PRIORITIES, PROGRAMMES, REVIEW, SPLIT


def context_for(as_of: dt.date) -> dict:
    """Everything the verdicts read at D besides the records: the rule set in force, its rules and
    the parameter values in force, resolved once."""
    rule_set = rule_set_in_force(as_of)
    params = {key: version.value for key, version in versions_in_force(rule_set, as_of).items()}
    ctx = facts.context(as_of, params, rules_in_force(rule_set))
    ctx["rule_set"] = rule_set
    return ctx


def _needs(named: list[tuple[str, Cond]], *more: str) -> set[str]:
    return set(more).union(*(cond.columns() for _name, cond in named))


def _flags(named: list[tuple[str, Cond]], ctx: dict) -> tuple[list[str], list]:
    texts, params = [], []
    for name, cond in named:
        text, more = cond.sql(ctx)
        texts.append(f"CASE WHEN {text} THEN 1 ELSE 0 END AS {name}")
        params += more
    return texts, params


def review_counts(ctx: dict, restrict: QuerySet | None = None) -> dict:
    """The six figures of SPEC §8 with the split of professional trung cấp."""
    named = [(v.key, v.condition) for v in REVIEW] + [(f"split_{k}", v.condition) for k, v in SPLIT.items()]
    flags, flag_params = _flags(named, ctx)
    base, base_params = facts.facts_sql(ctx, restrict, _needs(named))
    sums = ", ".join(f"COALESCE(SUM(g.{name}), 0)" for name, _cond in named)
    sql = f"SELECT {sums} FROM (SELECT {', '.join(flags)} FROM ({base}) f) g"
    with facts.population_cursor() as cursor:
        cursor.execute(sql, flag_params + base_params)
        values = [int(v) for v in cursor.fetchone()]
    counts = dict(zip([name for name, _c in named], values, strict=True))
    result = {v.key: counts[v.key] for v in REVIEW}
    result["thieu_trung_cap_chuyen_mon"] = {
        "tong": counts["thieu_trung_cap_chuyen_mon"],
        "bo_nhiem": counts["split_bo_nhiem"],
        "quy_hoach": counts["split_quy_hoach"],
    }
    return result


def matching(
    ctx: dict, condition: Cond, restrict: QuerySet | None = None, limit: int | None = None, offset: int = 0
) -> list[dict]:
    """Facts rows of the cadres for whom `condition` holds, by code."""
    base, base_params = facts.facts_sql(ctx, restrict)
    where, where_params = condition.sql(ctx)
    sql = f"SELECT * FROM ({base}) f WHERE {where} ORDER BY f.code"
    params = base_params + where_params
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        params += [limit, offset]
    return facts.run(sql, params)


def count(ctx: dict, condition: Cond, restrict: QuerySet | None = None) -> int:
    base, base_params = facts.facts_sql(ctx, restrict, condition.columns())
    where, where_params = condition.sql(ctx)
    with facts.population_cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({base}) f WHERE {where}", base_params + where_params)
        return int(cursor.fetchone()[0])


def units_of_matching(ctx: dict, condition: Cond, restrict: QuerySet | None = None) -> dict[int, set[int]]:
    """The cadres for whom `condition` holds, each with the units of the positions they hold at D
    (an empty set for none). One query: the matching cadres are computed once (MATERIALIZED),
    then joined to their positions; charts resolve units' subtrees from these in Python, so the
    cost does not grow with the number of units charted."""
    from canbo.people.models import PositionHolding

    base, base_params = facts.facts_sql(ctx, restrict, condition.columns())
    where, where_params = condition.sql(ctx)
    held, held_params = in_force_sql("ph", ctx["as_of"])
    sql = (
        f"WITH m AS MATERIALIZED (SELECT f.id FROM ({base}) f WHERE {where}) "
        f"SELECT DISTINCT m.id, ph.unit_id FROM m "
        f"LEFT JOIN {PositionHolding._meta.db_table} ph ON ph.cadre_id = m.id AND {held}"
    )
    found: dict[int, set[int]] = {}
    with facts.population_cursor() as cursor:
        cursor.execute(sql, base_params + where_params + held_params)
        for cadre_id, unit_id in cursor.fetchall():
            units = found.setdefault(cadre_id, set())
            if unit_id is not None:
                units.add(unit_id)
    return found


def eligibility_counts(ctx: dict, restrict: QuerySet | None = None) -> dict[str, int]:
    """How many cadres each programme of SPEC §9 has, decided for every cadre in one query."""
    named = [(v.key, v.condition) for v in PROGRAMMES]
    flags, flag_params = _flags(named, ctx)
    base, base_params = facts.facts_sql(ctx, restrict, _needs(named))
    sums = ", ".join(f"COALESCE(SUM(g.{name}), 0)" for name, _cond in named)
    with facts.population_cursor() as cursor:
        cursor.execute(
            f"SELECT {sums} FROM (SELECT {', '.join(flags)} FROM ({base}) f) g", flag_params + base_params
        )
        values = [int(v) for v in cursor.fetchone()]
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


def facts_of(ctx: dict, cadre_ids: list[int]) -> dict[int, dict]:
    """Facts rows of a few cadres, by id."""
    rows = facts.run(*facts.facts_sql(ctx, list(cadre_ids)))
    return {row["id"]: row for row in rows}
