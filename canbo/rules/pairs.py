# ruff: noqa: S608 -- SQL is assembled from table names and fixed column names only; every value is a parameter
"""Facts of posts and of (cadre, post) pairs as of a date D, computed by the database.

Three sources, each one SELECT the conditions of `canbo.rules.predicates` read as `f.<column>`:

- **post facts** (one row per post (unit U, position type P), SPEC §10): `target_unit_id`,
  `target_unit_code`, `target_type_id`, `target_type_code`, `target_level` (tinh 3, huyen 2,
  xa 1), `target_bloc`, `target_district` (the district-level locality of SPEC §11: the unit's
  locality if it is a district, its district ancestor for a commune, 0 for a province unit),
  `target_locality_path`, `target_seats` (sum of `so_luong` of the rows in force at D, both ends
  included), `target_holders` (distinct active cadres holding P in U at D), `target_vacancy`
  (seats − holders when positive, else 0), the type's flags `target_btv`, `target_key`,
  `target_non_local`, `target_deputy` and its requirements `target_req_<kind>` in force at D
  (`canbo.org.standards`);
- **the cadre's side of a proposal** (one row per cadre): the cadre's facts
  (`canbo.rules.facts`) and `hometown_path`, plus the from position chosen by SPEC §11's
  tie-break among the positions held at D (highest unit level, latest start, smallest unit code,
  smallest type code): `from_unit_id`, `from_unit_code`, `from_type_id`, `from_type_code`,
  `from_level`, `from_bloc`, `from_district`, `from_btv`, `from_key`;
- **pair facts** (one row per cadre × post): both sides, and `holds_target` (holds P in U at D),
  `planned_target` (planned at D for P), `local` (the target unit's locality contains the
  hometown), `out_of_locality`, `out_of_sector` (null without a from position), and the
  proposal itself as columns shared by every pair: `prop_kind`, `prop_start` (D),
  `prop_has_end`, `prop_end_next` (E + 1 day; D when there is no E), `prop_btv_exception`.

Every pair of a set of cadres × a set of posts comes from one query (a cross join filtered in the
database), so the rules over pairs run where the data is, for one pair or for millions.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from canbo.core.dated import in_force_sql
from canbo.org.models import Locality, PositionType, Post, Unit
from canbo.org.standards import POSITION_KINDS, position_standards_sql
from canbo.people.models import Cadre, PlanningEntry, PositionHolding
from canbo.rules import facts
from canbo.rules.predicates import All, Cond

LEVEL_RANKS = {"tinh": 3, "huyen": 2, "xa": 1}
DATE_COLUMNS = ("prop_start", "prop_end_next")


@dataclass(frozen=True)
class Proposal:
    """What is proposed, shared by every pair: the kind (`luan_chuyen` or `dieu_dong`), the start
    D, the end E (None when open) and whether the BTV recorded an exception to the term (R5)."""

    kind: str
    start: dt.date
    end: dt.date | None = None
    btv_exception: bool = False


def _t(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _level_rank(column: str) -> str:
    whens = " ".join(f"WHEN '{level}' THEN {rank}" for level, rank in LEVEL_RANKS.items())
    return f"CASE {column} {whens} END"


def _in_force(alias: str) -> str:
    """The in-force test of `alias` (core's, whose two parameters are the date twice)."""
    return in_force_sql(alias, None)[0]


def units_sql(where: str = "") -> str:
    """Per unit: `unit_id`, `unit_code`, `level_rank`, `bloc`, `district`, `locality_path` (of the
    units `where`, a condition on `u`, alone where given)."""
    return (
        f"SELECT u.id AS unit_id, u.code AS unit_code, {_level_rank('u.level')} AS level_rank, "
        "u.bloc AS bloc, "
        "COALESCE(MAX(CASE WHEN anc.level = 'huyen' THEN anc.id END), 0) AS district, "
        "l.path AS locality_path "
        f"FROM {_t(Unit)} u JOIN {_t(Locality)} l ON l.id = u.locality_id "
        f"LEFT JOIN {_t(Locality)} anc ON l.path LIKE anc.path || '%%' "
        f"{f'WHERE {where} ' if where else ''}GROUP BY u.id, u.code, u.level, u.bloc, l.path"
    )


def _cadre_ids(restrict: QuerySet | list[int] | facts.Ids | None) -> tuple[str, list]:
    """The `IN (…)` list of a restriction as SQL; '' for everyone."""
    if restrict is None:
        return "", []
    if isinstance(restrict, facts.Ids):
        return restrict.sql, list(restrict.params)
    if isinstance(restrict, list | tuple):
        return ", ".join(["%s"] * len(restrict)) or "NULL", list(restrict)
    inner, params = restrict.order_by().values("id").query.sql_with_params()
    return inner, list(params)


def _where(condition: Cond | None, ctx: dict) -> tuple[str, list]:
    if condition is None:
        return "", []
    text, params = condition.sql(ctx)
    return f" WHERE {text}", params


def posts_sql(
    ctx: dict,
    posts: list[tuple[int, int]] | None = None,
    condition: Cond | None = None,
    units: list[int] | None = None,
) -> tuple[str, list]:
    """Post facts as of `ctx['as_of']`: of the given (unit id, type id) pairs, or of every post with
    seats in force at D (of the units `units` alone where given, down to the seats and holders
    counted); `condition` (over the post columns) filters them in the database."""
    d = ctx["as_of"]
    marks, among_params = ", ".join(["%s"] * len(units or [])) or "NULL", list(units or [])

    def among(column: str) -> str:
        return f" AND {column} IN ({marks})" if units is not None else ""

    seats_in_force = _in_force("s") + among("s.unit_id")
    if posts is None:
        keys = (
            f"SELECT DISTINCT s.unit_id, s.position_type_id FROM {_t(Post)} s WHERE {seats_in_force}",
            [d, d, *among_params],
        )
    else:
        # One VALUES list, not a UNION of SELECTs: SQLite allows at most 500 terms in a compound SELECT.
        rows = ", ".join(["(%s, %s)"] * len(posts))
        keys = (
            (
                "SELECT CAST(v.column1 AS INTEGER) AS unit_id, "
                f"CAST(v.column2 AS INTEGER) AS position_type_id FROM (VALUES {rows}) v"
                if posts
                else "SELECT CAST(NULL AS INTEGER) AS unit_id, CAST(NULL AS INTEGER) AS position_type_id "
                "WHERE 1 = 0"
            ),
            [value for pair in posts for value in pair],
        )
    standards, standard_params = position_standards_sql(d)
    requirements = ", ".join(f"std.req_{kind} AS target_req_{kind}" for kind in POSITION_KINDS)
    seats, holders = "COALESCE(s.seats, 0)", "COALESCE(hd.holders, 0)"
    flags = {
        "target_btv": "btv_managed",
        "target_key": "key_position",
        "target_non_local": "non_local_required",
        "target_deputy": "deputy_head_or_above",
    }
    flag_columns = ", ".join(
        f"CASE WHEN pt.{field} THEN 1 ELSE 0 END AS {name}" for name, field in flags.items()
    )
    sql = (
        "SELECT k.unit_id AS target_unit_id, uf.unit_code AS target_unit_code, "
        "k.position_type_id AS target_type_id, pt.code AS target_type_code, "
        "uf.level_rank AS target_level, uf.bloc AS target_bloc, uf.district AS target_district, "
        f"uf.locality_path AS target_locality_path, {seats} AS target_seats, {holders} AS target_holders, "
        f"CASE WHEN {seats} > {holders} THEN {seats} - {holders} ELSE 0 END AS target_vacancy, "
        f"{flag_columns}, {requirements} "
        f"FROM ({keys[0]}) k "
        f"JOIN {_t(PositionType)} pt ON pt.id = k.position_type_id "
        f"JOIN ({units_sql(among('u.id')[5:])}) uf ON uf.unit_id = k.unit_id "
        f"JOIN ({standards}) std ON std.position_type_id = k.position_type_id "
        "LEFT JOIN (SELECT s.unit_id, s.position_type_id, SUM(s.seats) AS seats "
        f"FROM {_t(Post)} s WHERE {seats_in_force} GROUP BY s.unit_id, s.position_type_id) s "
        "ON s.unit_id = k.unit_id AND s.position_type_id = k.position_type_id "
        "LEFT JOIN (SELECT ph.unit_id, ph.position_type_id, COUNT(DISTINCT ph.cadre_id) AS holders "
        f"FROM {_t(PositionHolding)} ph JOIN {_t(Cadre)} c ON c.id = ph.cadre_id "
        f"WHERE {_in_force('ph')} AND c.retirement_date >= %s{among('ph.unit_id')} "
        "GROUP BY ph.unit_id, ph.position_type_id) hd "
        "ON hd.unit_id = k.unit_id AND hd.position_type_id = k.position_type_id"
    )
    params = [*keys[1], *among_params, *standard_params, d, d, *among_params, d, d, d, *among_params]
    where, where_params = _where(condition, ctx)
    return f"SELECT * FROM ({sql}) f{where}", params + where_params


def from_positions_sql(
    ctx: dict, restrict: QuerySet | list[int] | facts.Ids | None = None
) -> tuple[str, list]:
    """Per cadre with a position at D: the from position of SPEC §11 (`cadre_id`, `from_*`)."""
    d = ctx["as_of"]
    ids, id_params = _cadre_ids(restrict)
    only = f" AND ph.cadre_id IN ({ids})" if ids else ""
    ranked = (
        "SELECT ph.cadre_id, ph.unit_id AS from_unit_id, uf.unit_code AS from_unit_code, "
        "ph.position_type_id AS from_type_id, pt.code AS from_type_code, uf.level_rank AS from_level, "
        "uf.bloc AS from_bloc, uf.district AS from_district, "
        "CASE WHEN pt.btv_managed THEN 1 ELSE 0 END AS from_btv, "
        "CASE WHEN pt.key_position THEN 1 ELSE 0 END AS from_key, "
        "ROW_NUMBER() OVER (PARTITION BY ph.cadre_id "
        "ORDER BY uf.level_rank DESC, ph.valid_from DESC, uf.unit_code, pt.code) AS n "
        f"FROM {_t(PositionHolding)} ph JOIN ({units_sql()}) uf ON uf.unit_id = ph.unit_id "
        f"JOIN {_t(PositionType)} pt ON pt.id = ph.position_type_id WHERE {_in_force('ph')}{only}"
    )
    columns = (
        "cadre_id, from_unit_id, from_unit_code, from_type_id, from_type_code, from_level, from_bloc, "
        "from_district, from_btv, from_key"
    )
    return f"SELECT {columns} FROM ({ranked}) r WHERE n = 1", [d, d, *id_params]


CADRE_COLUMNS = (
    "id",
    "code",
    "full_name",
    "active",
    "birth_date",
    "retirement_date",
    "woman",
    "minority",
    *(f"lv_{kind}" for kind in POSITION_KINDS),
)
FROM_COLUMNS = (
    "from_unit_id",
    "from_unit_code",
    "from_type_id",
    "from_type_code",
    "from_level",
    "from_bloc",
    "from_district",
    "from_btv",
    "from_key",
)


PAIR_COLUMNS = ("holds_target", "planned_target", "local", "out_of_locality", "out_of_sector")
PROPOSAL_COLUMNS = ("prop_kind", "prop_start", "prop_has_end", "prop_end_next", "prop_btv_exception")
# The columns of the two sides each pair column is computed from.
PAIR_READS = {
    "holds_target": ("id", "target_unit_id", "target_type_id"),
    "planned_target": ("id", "target_type_id"),
    "local": ("hometown_path", "target_locality_path"),
    "out_of_locality": ("from_unit_id", "from_district", "target_district"),
    "out_of_sector": ("from_unit_id", "from_bloc", "target_bloc"),
}


def proposal_values(proposal: Proposal) -> dict:
    """The proposal's columns, the same for every pair."""
    end_next = proposal.end + dt.timedelta(days=1) if proposal.end else proposal.start
    values = (proposal.kind, proposal.start, int(bool(proposal.end)), end_next, int(proposal.btv_exception))
    return dict(zip(PROPOSAL_COLUMNS, values, strict=True))


def side_of(condition: Cond) -> str:
    """Where a condition over pair facts can be asked: of each cadre, of each post, or of each pair."""
    columns = condition.columns()
    if not columns or columns & {*PAIR_COLUMNS, *PROPOSAL_COLUMNS}:
        return "pair"
    posts = {name for name in columns if name.startswith("target_")}
    return "post" if posts == columns else "cadre" if not posts else "pair"


def _joined(parts: list[Cond]) -> Cond | None:
    return None if not parts else parts[0] if len(parts) == 1 else All(tuple(parts))


def pairs_sql(
    ctx: dict,
    proposal: Proposal,
    *,
    cadres: QuerySet | list[int] | None = None,
    cadre_condition: Cond | None = None,
    cadre_first: Cond | None = None,
    posts: list[tuple[int, int]] | None = None,
    post_condition: Cond | None = None,
    where: Cond | None = None,
    needs: set[str] = frozenset(),
    cadre_values: dict[str, tuple[str, list]] | None = None,
    columns: set[str] | None = None,
) -> tuple[str, list]:
    """Pair facts of every cadre of `cadres` meeting `cadre_condition` (over the cadre's columns)
    × every post of `posts` meeting `post_condition` (as in `posts_sql`), the pairs meeting `where`
    (over any columns). `needs`: the columns the caller reads besides `CADRE_COLUMNS`, the post's
    and the proposal's (the pair columns of `PAIR_COLUMNS` are computed only when needed).
    `cadre_values`: name -> SQL over the cadre's columns (`f.<column>`) and its parameters,
    computed once per cadre and read as a column of each pair. `columns`: the columns of each pair
    row (None: all of them); naming the few a caller reads matters over millions of pairs, since
    PostgreSQL carries every column of the rows through the joins.

    The proposal's columns are known before the query runs, so `where` is first decided as far as
    they decide it (`Cond.given`), then each of its conjuncts is asked where its columns are: of
    each cadre and each post once, only the rest of each pair. `cadre_first`, one of the conjuncts
    of `cadre_condition` that few cadres meet and that reads few histories, is asked first of every
    cadre, and the other facts are computed only for those it keeps (the rotation pool: planned for
    a key or BTV type, a few thousand of 200,000 cadres)."""
    d = ctx["as_of"]
    known = proposal_values(proposal)
    sides = {"cadre": [cadre_condition] if cadre_condition else [], "post": [], "pair": []}
    if post_condition is not None:
        sides["post"].append(post_condition)
    for part in where.given(known, ctx).conjuncts() if where is not None else ():
        sides[side_of(part)].append(part)
    ctes, cte_params, restrict = [], [], cadres
    if cadre_first is not None:
        if cadre_condition is None or cadre_first not in cadre_condition.conjuncts():
            raise ValueError("cadre_first must be one of the conjuncts of cadre_condition")
        first, first_params = facts.facts_sql(ctx, cadres, cadre_first.columns())
        text, more = cadre_first.sql(ctx)
        ctes.append(f"first_cadres AS MATERIALIZED (SELECT f.id FROM ({first}) f WHERE {text})")
        cte_params += [*first_params, *more]
        restrict = facts.Ids("SELECT id FROM first_cadres")
    cadre_where = _joined(sides["cadre"])
    pair_where = _joined(sides["pair"])
    read = set(needs) | set().union(*(part.columns() for part in sides["cadre"] + sides["pair"]))
    base, base_params = facts.facts_sql(ctx, restrict, set(CADRE_COLUMNS) | read)
    cadre_where_sql, cadre_where_params = _where(cadre_where, ctx)
    from_sql, from_params = from_positions_sql(ctx, restrict)
    post_sql, post_params = posts_sql(ctx, posts, _joined(sides["post"]))
    ids, id_params = _cadre_ids(restrict)
    only = f" AND cadre_id IN ({ids})" if ids else ""
    # Both sides are materialised first (a few thousand cadres, a few hundred posts), then crossed:
    # otherwise SQLite flattens the subqueries and loops over every unit × every cadre.
    from_columns = ", ".join(f"x.{name}" for name in FROM_COLUMNS)
    values = "".join(f", {text} AS {name}" for name, (text, _params) in (cadre_values or {}).items())
    values_params = [param for _text, more in (cadre_values or {}).values() for param in more]
    cadre_side = (
        f"SELECT f.*{values} FROM (SELECT f.*, hl.path AS hometown_path, {from_columns} "
        f"FROM ({base}) f JOIN {_t(Cadre)} cc ON cc.id = f.id "
        f"LEFT JOIN {_t(Locality)} hl ON hl.id = cc.hometown_id "
        f"LEFT JOIN ({from_sql}) x ON x.cadre_id = f.id) f{cadre_where_sql}"
    )
    pair_columns = {
        "holds_target": "CASE WHEN ht.cadre_id IS NULL THEN 0 ELSE 1 END",
        "planned_target": "CASE WHEN pl.cadre_id IS NULL THEN 0 ELSE 1 END",
        "local": "CASE WHEN c.hometown_path IS NOT NULL "
        "AND c.hometown_path LIKE p.target_locality_path || '%%' THEN 1 ELSE 0 END",
        "out_of_locality": "CASE WHEN c.from_unit_id IS NULL THEN NULL "
        "WHEN c.from_district <> p.target_district THEN 1 ELSE 0 END",
        "out_of_sector": "CASE WHEN c.from_unit_id IS NULL THEN NULL "
        "WHEN c.from_bloc <> p.target_bloc THEN 1 ELSE 0 END",
    }
    if columns is None:
        shown, sided = set(PROPOSAL_COLUMNS), ["c.*", "p.*"]
    else:
        shown = set(columns) | set().union(*(part.columns() for part in sides["pair"]))
        sided = [
            f"{'p' if name.startswith('target_') else 'c'}.{name}"
            for name in sorted(shown - {*PAIR_COLUMNS, *PROPOSAL_COLUMNS})
        ]
    wanted = [name for name in PAIR_COLUMNS if name in read | shown]
    pc_sql, pp_sql = cadre_side, post_sql
    if columns is not None:
        # Only the columns read go through the crossing: PostgreSQL unpacks each row it crosses.
        kept = shown - {*PAIR_COLUMNS, *PROPOSAL_COLUMNS} | {n for w in wanted for n in PAIR_READS[w]}
        of_posts = {name for name in kept if name.startswith("target_")}
        pc_sql = f"SELECT {', '.join(sorted(kept - of_posts))} FROM ({cadre_side}) f"
        pp_sql = f"SELECT {', '.join(sorted(of_posts))} FROM ({post_sql}) f"
    shown_known = [name for name in PROPOSAL_COLUMNS if name in shown]
    select = ", ".join(
        [*sided, *(f"{pair_columns[name]} AS {name}" for name in wanted)]
        + [f"%s AS {name}" for name in shown_known]
    )
    joins, join_params = "", []
    if "holds_target" in wanted:
        joins += (
            " LEFT JOIN (SELECT DISTINCT cadre_id, unit_id, position_type_id "
            f"FROM {_t(PositionHolding)} h WHERE {_in_force('h')}{only}) ht "
            "ON ht.cadre_id = c.id AND ht.unit_id = p.target_unit_id "
            "AND ht.position_type_id = p.target_type_id"
        )
        join_params += [d, d, *id_params]
    if "planned_target" in wanted:
        joins += (
            f" LEFT JOIN (SELECT DISTINCT cadre_id, position_type_id FROM {_t(PlanningEntry)} "
            f"WHERE approved_on <= %s AND term_start <= %s AND term_end >= %s{only}) pl "
            "ON pl.cadre_id = c.id AND pl.position_type_id = p.target_type_id"
        )
        join_params += [d, d.year, d.year, *id_params]
    ctes += [f"pc AS MATERIALIZED ({pc_sql})", f"pp AS MATERIALIZED ({pp_sql})"]
    pair_where_sql, pair_where_params = _where(pair_where, ctx)
    sql = (
        f"WITH {', '.join(ctes)} "
        f"SELECT * FROM (SELECT {select} FROM pc c CROSS JOIN pp p{joins}) f{pair_where_sql}"
    )
    params = [
        *cte_params,
        *values_params,
        *base_params,
        *from_params,
        *cadre_where_params,
        *post_params,
        *(known[name] for name in shown_known),
        *join_params,
        *pair_where_params,
    ]
    return sql, params


def as_rows(columns: list[str], values: list[tuple]) -> list[dict]:
    """Rows as dicts, with the dates SQLite returns as text read back as dates."""
    rows = []
    for row in values:
        item = dict(zip(columns, row, strict=True))
        for name in (*facts.DATE_COLUMNS, *DATE_COLUMNS):
            if isinstance(item.get(name), str):
                item[name] = dt.date.fromisoformat(item[name][:10])
        rows.append(item)
    return rows
