# ruff: noqa: S608 -- SQL is assembled from table names and fixed column names only; every value is a parameter
"""Facts as of a date D: one row per cadre, computed by the database in one query.

This is the one definition of the terms of SPEC §8–§9 that every rule reads. The review figures,
the eligibility of every cadre, the rotation pool and one person's explanation all select from it;
rules are conditions over its columns (`canbo.rules.predicates`, `canbo.rules.verdicts`).

It lives in `canbo.rules` because the rules are its only reader; `canbo.reports` applies users'
scopes and subtrees to it and shapes the results.

Shape: the cadre table LEFT JOINed to one grouped aggregate per history (positions held at D,
planning in force at D, qualifications obtained by D, discipline, evaluations) and to the rank.
Each history is read once in a single pass, so the cost grows linearly with the workforce (a
correlated subquery per cadre and per column would be read dozens of times per cadre).

Columns (integers 0/1 for flags; ranks as in `canbo.core.levels`):
- `active`: holds a position at D (from ≤ D, no end or end ≥ D) and D ≤ retirement date.
- `held_<kind>`, `planned_<kind>`, `rank_<kind>`: highest level required by the position types
  held at D, by those planned at D (approved ≤ D, first year ≤ D's year ≤ last year), by the
  civil-service rank, each by the standard in force at D (`canbo.org.standards`); `req_<kind>` is
  the highest of the three.
- `lv_<kind>`: highest level obtained on or before D.
- `planned_btv`, `planned_key`, `planned_deputy`: planned at D for a type flagged `dien_btv`,
  `chu_chot`, `tu_pho_phong`.
- `bloc_dang`, `bloc_noi_chinh`: a unit of a position held at D has that bloc.
- `held_units`: the units of the positions held at D, as the key of `canbo.people.reach` groups by.
- `woman`, `minority` (ethnicity given and not Kinh), `birth_date`, `retirement_date`,
  `employment_start` (age tests compare `birth_date` with thresholds computed from D, which is
  exactly "age in completed years at D").
- `cq_dai_hoc_good`: a `dai_hoc` degree obtained by D, regular mode, graded at least the
  parameter's grade (`xep_loai_bang_toi_thieu`, a place in `GRADE_ORDER`).
- `overlap_degree`: a `dai_hoc`-or-higher degree obtained by D with at least the parameter's
  periods overlapping the trung cấp LLCT programme.
- `discipline_active`: a decision taken on or before D still in effect at D (until its end date,
  or when it has none, until the decision date + the parameter's months).
- `latest_rating`, `latest_prestige_decline`: the evaluation with the greatest year ≤ D's year.
- `good_evals_prev`: how many of the parameter's years before D's year (`so_nam_danh_gia`) are
  rated at least the parameter's rating (`muc_danh_gia_toi_thieu`, a code of `RATING_CODES`).
"""

import datetime as dt
import os
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import QuerySet

from canbo.core.dated import in_force_sql
from canbo.core.dates import add_months
from canbo.core.levels import GRADE_ORDER, REQUIRED_KINDS, Kind
from canbo.core.parts import IdRange
from canbo.org.models import PositionType, Unit
from canbo.org.standards import RANK_KINDS, position_standards_sql, rank_standards_sql
from canbo.people.models import Cadre, Discipline, Evaluation, PlanningEntry, PositionHolding, Qualification
from canbo.people.reach import held_units_sql

FACTS_WORK_MEM = os.environ.get("CANBO_FACTS_WORK_MEM", "256MB")
KINDS = [str(kind) for kind in REQUIRED_KINDS]
DATE_COLUMNS = ("birth_date", "retirement_date", "employment_start")
# Evaluation ratings, best first (the parameter `muc_danh_gia_toi_thieu` is one of these codes).
RATING_CODES = {"xuat_sac": 1, "tot": 2, "hoan_thanh": 3, "khong_hoan_thanh": 4}


@dataclass(frozen=True)
class Ids:
    """Cadre ids as a subquery, e.g. over a common table expression of the query they go in."""

    sql: str
    params: tuple = ()


def earliest_reaching(as_of: dt.date, months: int) -> dt.date:
    """The earliest date x with `add_months(x, months) >= as_of`.

    "D ≤ x + N months" holds exactly when x is on or after this date (month-end clamping makes
    plain subtraction one day off, e.g. 29/02).
    """
    candidate = add_months(as_of, -months)
    while add_months(candidate, months) < as_of:
        candidate += dt.timedelta(days=1)
    return candidate


def context(as_of: dt.date, params: dict[str, int], rules: dict) -> dict:
    """Values of D, the rules of the rule set in force (code -> Rule) and the thresholds that
    conditions compare columns with. A threshold whose parameter the rule set lacks is None, and
    a condition on None never holds."""

    def years(*keys: str, plus: int = 0) -> int | None:
        values = [params.get(key) for key in keys]
        return None if None in values else sum(values) + plus

    def moved(n_years: int | None, sign: int) -> dt.date | None:
        return None if n_years is None else add_months(as_of, sign * 12 * n_years)

    good_grades = params.get("xep_loai_bang_toi_thieu")
    good_rating = params.get("muc_danh_gia_toi_thieu")
    return {
        "as_of": as_of,
        "year": as_of.year,
        "params": params,
        "rules": rules,
        # age < N at D  <=>  birth_date > add_months(D, -12 N)
        "born_after_tre": moved(years("tuoi_tre"), -1),
        "born_after_tap_trung": moved(years("tuoi_tap_trung"), -1),
        "born_after_sau_dai_hoc": moved(years("tuoi_sau_dai_hoc", plus=1), -1),
        "employed_by_sau_dai_hoc": moved(years("nam_cong_tac_sau_dai_hoc"), -1),
        "retire_from_dai_hoc": moved(years("nam_dao_tao_dai_hoc", "nam_cong_tac_con_lai"), 1),
        "retire_from_trung_cap": moved(years("nam_dao_tao_trung_cap", "nam_cong_tac_con_lai"), 1),
        "discipline_from": (
            earliest_reaching(as_of, params["thang_hieu_luc_ky_luat"])
            if "thang_hieu_luc_ky_luat" in params
            else None
        ),
        "overlap_periods": params.get("so_tiet_trung_llct"),
        "good_grades": [str(g) for g in GRADE_ORDER[:good_grades]] if good_grades else [],
        "good_ratings": [r for r, code in RATING_CODES.items() if good_rating and code <= good_rating],
        "evaluation_years": params.get("so_nam_danh_gia"),
    }


def _greatest(*parts: str) -> str:
    name = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    return f"{name}({', '.join(parts)})"


def _t(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _rating_from_code(expression: str) -> str:
    whens = " ".join(f"WHEN {code} THEN '{rating}'" for rating, code in RATING_CODES.items())
    return f"CASE {expression} {whens} END"


def _read(wanted: list[str], aggregates: dict[str, tuple[str, list]]) -> tuple[str, list]:
    """The aggregates (column -> (SQL, parameters)) of the wanted columns, each after a comma."""
    chosen = [aggregates[name] for name in wanted if name in aggregates]
    return "".join(f", {sql}" for sql, _params in chosen), [p for _sql, params in chosen for p in params]


def facts_sql(
    ctx: dict, restrict: "QuerySet | list[int] | Ids | IdRange | None" = None, needs=None
) -> tuple[str, list]:
    """SELECT of the facts as of `ctx['as_of']`.

    `restrict`: a Cadre queryset, a list of cadre ids, `Ids` or an `IdRange` to limit it to (applied
    inside every aggregate too, so one person's facts, or a part of the workforce, read only their
    own rows). A queryset (a user's scope) is computed once, as a materialised `scope` of ids the
    aggregates and the cadres are limited to: written into each of them, it was evaluated once per
    history. `needs`: the columns
    the caller reads (the conditions' columns); histories no needed column depends on are not read.
    """
    d, year = ctx["as_of"], ctx["year"]
    inner, only_params = "", []
    # name -> (SQL, parameters) of the common table expressions the query reads, in this order.
    ctes: dict[str, tuple[str, list]] = {}
    if isinstance(restrict, list | tuple):
        inner, only_params = ", ".join(["%s"] * len(restrict)) or "NULL", list(restrict)
    elif isinstance(restrict, Ids):
        inner, only_params = restrict.sql, list(restrict.params)
    elif isinstance(restrict, IdRange):
        only_params = restrict.sql("")[1]
    elif restrict is not None:
        # A scope (a user's, a subtree) is computed once and read by every aggregate: its
        # conditions (EXISTS over positions, ORed for btc) would otherwise run once per history.
        scope, inner_params = restrict.order_by().values("id").query.sql_with_params()
        ctes["scope"] = (scope, list(inner_params))
        inner = "SELECT id FROM scope"

    def among(column: str) -> str:
        if isinstance(restrict, IdRange):
            return restrict.sql(column)[0]
        return f"{column} IN ({inner})"

    def only(alias: str = "") -> str:
        return "" if restrict is None else f" AND {among(f'{alias}cadre_id')}"

    held_cols = ", ".join(f"MAX(pt.req_{k}) AS req_{k}" for k in KINDS)
    # NULL for a kind with no qualification (read as 0 below): a filtered aggregate skips the other
    # kinds' rows instead of computing a CASE for each, a third of this aggregate's time on PostgreSQL.
    level_cols = ", ".join(f"MAX(rank) FILTER (WHERE kind = '{k}') AS lv_{k}" for k in KINDS)
    rating_code = " ".join(f"WHEN '{rating}' THEN {code}" for rating, code in RATING_CODES.items())
    # The standards in force at D, read once: as a subquery, SQLite looked them up again for
    # every position held (and every cadre's rank).
    standards = position_standards_sql(d)
    held_in_force, held_params = in_force_sql("ph", d)
    grades, ratings = ctx["good_grades"], ctx["good_ratings"]
    grade_marks = ", ".join(["%s"] * len(grades)) or "NULL"
    rating_marks = ", ".join(["%s"] * len(ratings)) or "NULL"
    recent = ctx["evaluation_years"] or 0
    # name -> (SQL expression, parameters, histories it reads)
    columns: dict[str, tuple[str, list, tuple]] = {
        "id": ("c.id", [], ()),
        "code": ("c.code", [], ()),
        "full_name": ("c.full_name", [], ()),
        "gender": ("c.gender", [], ()),
        "birth_date": ("c.birth_date", [], ()),
        "retirement_date": ("c.retirement_date", [], ()),
        "employment_start": ("c.employment_start", [], ()),
        "active": (
            "CASE WHEN h.cadre_id IS NOT NULL AND c.retirement_date >= %s THEN 1 ELSE 0 END",
            [d],
            ("h",),
        ),
    }
    for k in KINDS:
        held, planned = f"COALESCE(h.req_{k}, 0)", f"COALESCE(p.req_{k}, 0)"
        ranked = f"COALESCE(r.req_{k}, 0)" if k in RANK_KINDS else "0"
        rank_join = ("r",) if k in RANK_KINDS else ()
        columns[f"held_{k}"] = (held, [], ("h",))
        columns[f"planned_{k}"] = (planned, [], ("p",))
        columns[f"rank_{k}"] = (ranked, [], rank_join)
        columns[f"req_{k}"] = (_greatest(held, planned, ranked), [], ("h", "p", *rank_join))
        columns[f"lv_{k}"] = (f"COALESCE(q.lv_{k}, 0)", [], ("q",))
    columns.update(
        {
            "planned_btv": ("COALESCE(p.btv, 0)", [], ("p",)),
            "planned_key": ("COALESCE(p.key_position, 0)", [], ("p",)),
            "planned_deputy": ("COALESCE(p.deputy, 0)", [], ("p",)),
            "held_units": ("h.held_units", [], ("h",)),
            "bloc_dang": ("COALESCE(h.bloc_dang, 0)", [], ("h",)),
            "bloc_noi_chinh": ("COALESCE(h.bloc_noi_chinh, 0)", [], ("h",)),
            "woman": ("CASE WHEN c.gender = 'nu' THEN 1 ELSE 0 END", [], ()),
            "minority": (
                "CASE WHEN c.ethnicity <> '' AND LOWER(c.ethnicity) <> 'kinh' THEN 1 ELSE 0 END",
                [],
                (),
            ),
            "cq_dai_hoc_good": ("COALESCE(q.cq_dai_hoc_good, 0)", [], ("q",)),
            "overlap_degree": ("COALESCE(q.overlap_degree, 0)", [], ("q",)),
            "discipline_active": ("COALESCE(d.active, 0)", [], ("d",)),
            "latest_rating": (_rating_from_code("el.latest / 10 - (el.latest / 100) * 10"), [], ("el",)),
            "latest_prestige_decline": ("COALESCE(el.latest - (el.latest / 10) * 10, 0)", [], ("el",)),
            "good_evals_prev": ("COALESCE(el.good, 0)", [], ("el",)),
        }
    )
    wanted = (
        list(columns)
        if needs is None
        else [n for n in columns if n in set(needs) | {"id", "code", "full_name"}]
    )
    joins = {alias for name in wanted for alias in columns[name][2]}
    if joins & {"h", "p"}:
        ctes["standards"] = standards
    if "r" in joins:
        ctes["ranks"] = rank_standards_sql(d)
    # Aggregates that only some columns read, computed when a wanted column reads them, with the
    # join to the units or position types they need (required foreign keys: it keeps every row).
    units_cols, _ = _read(wanted, {
        "bloc_dang": ("MAX(CASE WHEN u.bloc = 'dang' THEN 1 ELSE 0 END) AS bloc_dang", []),
        "bloc_noi_chinh": ("MAX(CASE WHEN u.bloc = 'noi_chinh' THEN 1 ELSE 0 END) AS bloc_noi_chinh", []),
    })  # fmt: skip
    held_key, _ = _read(wanted, {"held_units": (f"{held_units_sql('ph')} AS held_units", [])})
    types_cols, _ = _read(wanted, {
        "planned_btv": ("MAX(CASE WHEN t.btv_managed THEN 1 ELSE 0 END) AS btv", []),
        "planned_key": ("MAX(CASE WHEN t.key_position THEN 1 ELSE 0 END) AS key_position", []),
        "planned_deputy": ("MAX(CASE WHEN t.deputy_head_or_above THEN 1 ELSE 0 END) AS deputy", []),
    })  # fmt: skip
    good_degree = (
        f"MAX(CASE WHEN kind = '{Kind.CHUYEN_MON}' AND level = 'dai_hoc' AND mode = 'chinh_quy' "
        f"AND grade IN ({grade_marks}) THEN 1 ELSE 0 END) AS cq_dai_hoc_good"
    )
    overlap_degree = (
        f"MAX(CASE WHEN kind = '{Kind.CHUYEN_MON}' AND rank >= 3 AND llct_overlap_periods >= %s "
        "THEN 1 ELSE 0 END) AS overlap_degree"
    )
    degrees_cols, degrees_params = _read(wanted, {
        "cq_dai_hoc_good": (good_degree, grades),
        "overlap_degree": (overlap_degree, [ctx["overlap_periods"]]),
    })  # fmt: skip
    # alias -> (SQL of the grouped aggregate, its parameters); joined in this order.
    histories = {
        "h": (
            f"SELECT ph.cadre_id, {held_cols}{units_cols}{held_key} "
            f"FROM {_t(PositionHolding)} ph "
            "LEFT JOIN standards pt ON pt.position_type_id = ph.position_type_id "
            f"{f'JOIN {_t(Unit)} u ON u.id = ph.unit_id ' if units_cols else ''}"
            f"WHERE {held_in_force}{only('ph.')} GROUP BY ph.cadre_id",
            [*held_params, *only_params],
        ),
        "p": (
            f"SELECT pe.cadre_id, {held_cols}{types_cols} "
            f"FROM {_t(PlanningEntry)} pe "
            f"{f'JOIN {_t(PositionType)} t ON t.id = pe.position_type_id ' if types_cols else ''}"
            "LEFT JOIN standards pt ON pt.position_type_id = pe.position_type_id "
            "WHERE pe.approved_on <= %s AND pe.term_start <= %s AND pe.term_end >= %s"
            f"{only('pe.')} GROUP BY pe.cadre_id",
            [d, year, year, *only_params],
        ),
        "q": (
            f"SELECT cadre_id, {level_cols}{degrees_cols} "
            f"FROM {_t(Qualification)} WHERE obtained_on <= %s{only()} GROUP BY cadre_id",
            [*degrees_params, d, *only_params],
        ),
        "d": (
            "SELECT cadre_id, MAX(CASE WHEN (effective_until IS NOT NULL AND effective_until >= %s) "
            "OR (effective_until IS NULL AND decided_on >= %s) THEN 1 ELSE 0 END) AS active "
            f"FROM {_t(Discipline)} WHERE decided_on <= %s{only()} GROUP BY cadre_id",
            [d, ctx["discipline_from"], d, *only_params],
        ),
        # The latest evaluation without joining back: years are unique per cadre, so the greatest
        # year*100 + rating*10 + decline belongs to the latest year and carries its values.
        "el": (
            "SELECT cadre_id, MAX(year * 100 + (CASE rating "
            f"{rating_code} ELSE 0 END) * 10 + CASE WHEN prestige_decline THEN 1 ELSE 0 END) AS latest, "
            "SUM(CASE WHEN year >= %s AND year <= %s "
            f"AND rating IN ({rating_marks}) THEN 1 ELSE 0 END) AS good "
            f"FROM {_t(Evaluation)} WHERE year <= %s{only()} GROUP BY cadre_id",
            [year - recent, year - 1, *ratings, year, *only_params],
        ),
    }

    select, params = [], []
    for name in wanted:
        expression, more, _joins = columns[name]
        select.append(f"{expression} AS {name}")
        params += more
    sql = f"SELECT {', '.join(select)} FROM {_t(Cadre)} c"
    for alias in ("h", "p", "r", "q", "d", "el"):
        if alias not in joins:
            continue
        if alias == "r":
            sql += " LEFT JOIN ranks r ON r.rank_id = c.rank_id"
            continue
        history, more = histories[alias]
        sql += f" LEFT JOIN ({history}) {alias} ON {alias}.cadre_id = c.id"
        params += more
    if restrict is not None:
        sql += f" WHERE {among('c.id')}"
        params += only_params
    if not ctes:
        return sql, params
    names = ", ".join(f"{name} AS MATERIALIZED ({cte})" for name, (cte, _params) in ctes.items())
    return f"WITH {names} {sql}", [value for _cte, more in ctes.values() for value in more] + params


def _row(columns: list[str], values) -> dict:
    row = dict(zip(columns, values, strict=True))
    for name in DATE_COLUMNS:
        if isinstance(row.get(name), str):
            row[name] = dt.date.fromisoformat(row[name][:10])
    return row


@contextmanager
def population_cursor():
    """A cursor for a query over the facts of a whole population.

    On PostgreSQL the grouped aggregates sit on the build side of hash joins, where each parallel
    worker would rebuild them all (measured on 1,000,000 cadres, 2 cores: 22 s with parallel
    workers, 9.7 s without, with room for the hash tables). So such queries run in one process
    with `CANBO_FACTS_WORK_MEM` (default 256MB) of working memory, set for their transaction only,
    and without JIT compilation: a user's scope makes the planner's estimate large enough for it to
    compile and optimise the query, which took longer than running it (1.9 s of a 2.3 s query
    for the Organization Committee's scope at 200,000 cadres).
    """
    if connection.vendor != "postgresql":
        # One statement reads one state of the data; a transaction on SQLite would take the write
        # lock (`transaction_mode` IMMEDIATE) and queue queries that could run at once.
        with connection.cursor() as cursor:
            yield cursor
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off")
        cursor.execute("SELECT set_config('work_mem', %s, true)", [FACTS_WORK_MEM])
        yield cursor


def run(sql: str, params: list) -> list[dict]:
    with population_cursor() as cursor:
        cursor.execute(sql, params)
        columns = [col[0] for col in cursor.description]
        return [_row(columns, values) for values in cursor.fetchall()]
