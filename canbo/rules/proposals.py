# ruff: noqa: S608 -- SQL is assembled from fixed column names only; every value is a parameter
"""Running the rules over proposals: every pair in one query, one pair explained, vacancies.

- `pair_table`: the checks of `canbo.rules.proposal_rules` over every pair of a set of cadres × a
  set of posts, decided by the database in one query (a 0/1 column per code, `huong`,
  `tham_quyen`), e.g. the allowed pairs of a rotation pool for the optimiser;
- `proposal_check`: one proposal (SPEC §11) evaluated in Python on its pair's facts row, as the
  JSON of `canbo check-proposal` and explained code by code with the rule and the clause;
- `vacancies`: the posts with a vacancy at D (SPEC §10).
"""

import datetime as dt

from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from canbo.core.dates import add_years
from canbo.core.levels import label_of
from canbo.org.models import PositionType, Unit
from canbo.org.standards import POSITION_KINDS
from canbo.people.models import Cadre
from canbo.rules import engine, facts, pairs
from canbo.rules.explain import citations
from canbo.rules.pairs import Proposal
from canbo.rules.predicates import Col, Cond
from canbo.rules.proposal_rules import (
    ALLOWED,
    AUTHORITY,
    AUTHORITY_LABELS,
    DIRECTION,
    DIRECTION_LABELS,
    IN_POOL,
    INACTIVE,
    KIND_LABELS,
    LUAN_CHUYEN,
    SUPPORT,
    VIOLATIONS,
    WARNINGS,
    Check,
)
from canbo.rules.verdicts import PLANNED_FOR_ROTATION

CHECKS = (*VIOLATIONS, *WARNINGS, SUPPORT)


def flag_name(check: Check) -> str:
    """The 0/1 column of a check in `pair_table` (lower case: PostgreSQL folds unquoted names)."""
    return f"k_{check.code.lower()}"


def proposal_context(start: dt.date) -> dict:
    """The values of D and of the parameters in force at D that the checks compare with."""
    ctx = engine.context_for(start)
    params = ctx["params"]
    ctx["luan_chuyen_som_nhat"] = add_years(start, params["nam_luan_chuyen_toi_thieu"])
    ctx["luan_chuyen_muon_nhat"] = add_years(start, params["nam_luan_chuyen_toi_da"])
    ctx["luan_chuyen_tu_ngay"] = dt.date(
        params["nam_bat_dau_luan_chuyen"], params["thang_bat_dau_luan_chuyen"], 1
    )
    return ctx


def pair_table_sql(
    ctx: dict, proposal: Proposal, *, columns: tuple[str, ...] | None = None, **choice
) -> tuple[str, list]:
    """The SELECT of `pair_table` (unordered), for callers that compute more over its rows in the
    database: the pairs chosen as the keyword arguments of `canbo.rules.pairs.pairs_sql` say."""
    needs = set().union(*(check.condition.columns() for check in CHECKS))
    for decision in (DIRECTION, AUTHORITY):
        needs |= set().union(*(branch.condition.columns() for branch in decision.branches))
    needs |= set(pairs.PAIR_COLUMNS if columns is None else columns)
    base, base_params = pairs.pairs_sql(ctx, proposal, needs=needs, **choice)
    select, params = [], []
    for check in CHECKS:
        text, more = check.condition.sql(ctx)
        select.append(f"CASE WHEN {text} THEN 1 ELSE 0 END AS {flag_name(check)}")
        params += more
    for decision in (DIRECTION, AUTHORITY):
        text, more = decision.sql(ctx)
        select.append(f"{text} AS {decision.key}")
        params += more
    wanted = "f.*" if columns is None else ", ".join(f"f.{name}" for name in columns)
    return f"SELECT {wanted}, {', '.join(select)} FROM ({base}) f", params + base_params


def pair_table(ctx: dict, proposal: Proposal, **choice) -> list[dict]:
    """Pair facts with the verdict of every check (`flag_name`), `huong` and `tham_quyen`, for every
    pair of the cadres × posts chosen as in `canbo.rules.pairs.pairs_sql` (the keyword arguments
    of `pair_table_sql`). `columns`: the pair facts to return (all of them
    when None); fetching fewer is much faster over many pairs."""
    sql, params = pair_table_sql(ctx, proposal, **choice)
    return fetch_rows(f"SELECT * FROM ({sql}) f ORDER BY f.id, f.target_unit_id, f.target_type_id", params)


def fetch_rows(sql: str, params: list) -> list[dict]:
    """The rows of a query over the facts, as dicts with dates read back as dates."""
    with facts.population_cursor() as cursor:
        cursor.execute(sql, params)
        return pairs.as_rows([col[0] for col in cursor.description], cursor.fetchall())


FIT_COLUMNS = (
    "id",
    "code",
    "target_unit_id",
    "target_unit_code",
    "target_type_id",
    "target_type_code",
    "from_unit_id",
    "planned_target",
    "birth_date",
    "retirement_date",
    "woman",
    "minority",
    *(f"lv_{kind}" for kind in POSITION_KINDS),
    *(f"target_req_{kind}" for kind in POSITION_KINDS),
)


def rotation_choice(
    ctx: dict, *, posts: list[tuple[int, int]] | None = None, cadres: QuerySet | list[int] | None = None
) -> tuple[Proposal, dict]:
    """The allowed pairs of SPEC §13, as the proposal and the keyword arguments of
    `canbo.rules.pairs.pairs_sql`: cadres of the rotation pool at D (`ctx = proposal_context(D)`;
    only the ids `cadres` when given) × the posts (the key posts with a vacancy at D, or the given
    (unit id, type id) pairs), for a rotation from D to D + the minimum term − 1 day with no
    violation, to a unit other than the cadre's own."""
    as_of = ctx["as_of"]
    end = add_years(as_of, ctx["params"]["nam_luan_chuyen_toi_thieu"]) - dt.timedelta(days=1)
    key_vacancies = (Col("target_vacancy") > 0) & Col("target_key").true()
    return Proposal(LUAN_CHUYEN, as_of, end), {
        "cadres": cadres,
        "cadre_condition": IN_POOL,
        "cadre_first": PLANNED_FOR_ROTATION,
        "posts": posts,
        "post_condition": None if posts is not None else key_vacancies,
        "where": ALLOWED & Col("from_unit_id").ne(Col("target_unit_id")),
    }


def rotation_pairs(
    as_of: dt.date, *, posts: list[tuple[int, int]] | None = None, cadres: list[int] | None = None
) -> list[dict]:
    """The allowed pairs as of D (`rotation_choice`) with the pair facts the fit is computed from
    (`FIT_COLUMNS`) and the checks, by cadre then post."""
    ctx = proposal_context(as_of)
    proposal, choice = rotation_choice(ctx, posts=posts, cadres=cadres)
    return pair_table(ctx, proposal, columns=FIT_COLUMNS, **choice)


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else _("chưa rõ")


def _presenter(
    row: dict, ctx: dict, proposal: Proposal, cadre: Cadre, unit: Unit, position_type: PositionType
):
    from_type = PositionType.objects.filter(id=row["from_type_id"]).values_list("name", flat=True).first()
    return {
        "row": row,
        "ctx": ctx,
        "params": ctx["params"],
        "date": _date,
        "end": proposal.end,
        "kind_label": str(_("đề xuất %(kind)s")) % {"kind": KIND_LABELS[proposal.kind]},
        "level": lambda kind, prefix: label_of(kind, row[f"{prefix}{kind}"]),
        "target_type": position_type.name,
        "target_unit": unit.name,
        "target_place": unit.locality.name,
        "hometown": cadre.hometown.name if cadre.hometown else _("chưa rõ"),
        "from_type": from_type or "",
    }


def _explained(check: Check, row: dict, ctx: dict, presenter: dict, rules: dict) -> dict:
    rule = rules.get(check.rule)
    return {
        "ma": check.code,
        "tieu_de": str(check.title),
        "quy_tac": check.rule,
        "ten_quy_tac": rule.title if rule else "",
        "can_cu": rule.citation if rule else "",
        "su_kien": [
            str(clause.text(presenter)) for clause in check.clauses if clause.condition.holds(row, ctx)
        ],
    }


def proposal_check(
    *, cadre: Cadre, unit: Unit, position_type: PositionType, proposal: Proposal
) -> tuple[dict, dict]:
    """The JSON of SPEC §11 for one proposal, and its explanation (each code with its rule, the
    clause it cites and the facts behind it; the direction, the authority and the support)."""
    ctx = proposal_context(proposal.start)
    (row,) = pair_table(ctx, proposal, cadres=[cadre.id], posts=[(unit.id, position_type.id)])
    rules = citations(proposal.start)
    presenter = _presenter(row, ctx, proposal, cadre, unit, position_type)
    if INACTIVE.condition.holds(row, ctx):
        result = {
            "hop_le": False,
            "vi_pham": [INACTIVE.code],
            "canh_bao": [],
            "tu_don_vi": None,
            "huong": None,
            "tham_quyen": None,
            "ho_tro_mot_lan": None,
        }
        return result, {"vi_pham": [_explained(INACTIVE, row, ctx, presenter, rules)], "canh_bao": []}
    violations = [check for check in VIOLATIONS if check.condition.holds(row, ctx)]
    warnings = [check for check in WARNINGS if check.condition.holds(row, ctx)]
    direction, authority = DIRECTION.branch(row, ctx), AUTHORITY.branch(row, ctx)
    support = SUPPORT.condition.holds(row, ctx)
    result = {
        "hop_le": not violations,
        "vi_pham": [check.code for check in violations],
        "canh_bao": [check.code for check in warnings],
        "tu_don_vi": row["from_unit_code"],
        "huong": direction.value if direction else None,
        "tham_quyen": authority.value if authority else None,
        "ho_tro_mot_lan": support,
    }
    explanation = {
        "vi_pham": [_explained(check, row, ctx, presenter, rules) for check in violations],
        "canh_bao": [_explained(check, row, ctx, presenter, rules) for check in warnings],
        "huong": _decision_words(direction, DIRECTION_LABELS, rules),
        "tham_quyen": _decision_words(authority, AUTHORITY_LABELS, rules),
        "ho_tro_mot_lan": _explained(SUPPORT, row, ctx, presenter, rules) if support else None,
        "tu_don_vi": row["from_unit_code"],
        "row": row,
    }
    return result, explanation


def _decision_words(branch, labels: dict, rules: dict) -> dict | None:
    if branch is None:
        return None
    rule = rules.get(branch.rule)
    return {
        "gia_tri": branch.value,
        "nhan": str(labels[branch.value]),
        "quy_tac": branch.rule,
        "ten_quy_tac": rule.title if rule else "",
        "can_cu": rule.citation if rule else "",
    }


def vacancies(
    as_of: dt.date,
    *,
    units: QuerySet | None = None,
    key_only: bool = False,
    unit_ids: list[int] | None = None,
) -> list[dict]:
    """Posts with a vacancy at D (SPEC §10), of the units of `units` (None: all) and of the units
    `unit_ids` (counted for those alone), sorted by unit code then type code: the post facts rows."""
    condition = Col("target_vacancy") > 0
    if key_only:
        condition = condition & Col("target_key").true()
    return posts(as_of, units=units, condition=condition, unit_ids=unit_ids)


def posts(
    as_of: dt.date,
    *,
    units: QuerySet | None = None,
    condition: Cond | None = None,
    unit_ids: list[int] | None = None,
) -> list[dict]:
    """The posts with seats in force at D, with their seats and holders (`pairs.posts_sql`), of the
    units of `units` (None: all) and `unit_ids`, meeting `condition`; by unit code then type code."""
    sql, params = pairs.posts_sql({"as_of": as_of}, None, condition, unit_ids)
    if units is not None:
        try:
            inner, inner_params = units.order_by().values("id").query.sql_with_params()
        except EmptyResultSet:  # a scope that holds no unit
            return []
        sql = f"SELECT * FROM ({sql}) v WHERE v.target_unit_id IN ({inner})"
        params += list(inner_params)
    rows = fetch_rows(sql, params)
    return sorted(rows, key=lambda r: (r["target_unit_code"], r["target_type_code"]))


def vacancies_json(rows: list[dict]) -> dict:
    return {
        "khuyet": [
            {
                "ma_don_vi": r["target_unit_code"],
                "ma_chuc_danh": r["target_type_code"],
                "so_luong": int(r["target_seats"]),
                "dang_giu": int(r["target_holders"]),
                "khuyet": int(r["target_vacancy"]),
            }
            for r in rows
        ]
    }
