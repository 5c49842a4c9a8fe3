# ruff: noqa: S608 -- SQL is assembled from fixed column names only; every value is a parameter
"""The allowed pairs of SPEC §13 with their fit, computed by the database in one query.

The pairs are `canbo.rules.proposals.rotation_pairs_sql` (the one definition of "allowed" that
`canbo check-proposal` uses). The fit is a sum of weighted conditions over the same pair facts,
each a `canbo.rules.predicates` condition (`fit_terms`), so the database computes it for every
pair and Python can recompute it for one with the conditions' `holds`:

    weights.standard × (kinds among the five whose level at D meets the seat type's requirement:
                        the warnings `tieu_chuan_<kind>` of SPEC §11 that do not hold)
    + weights.planned × (planned at D for the seat's type)
    + one point for each n in 1 … weights.years with D + n years ≤ the retirement date
      (that is min(n, weights.years) for the largest such n, 0 without a retirement date)
    + weights.woman × (woman) + weights.minority × (ethnicity given and not Kinh)
    + weights.young × (age < the parameter `tuoi_tre` at D, as the priority group T3 reads it)
"""

import datetime as dt
from dataclasses import dataclass

from canbo.core.dates import add_years
from canbo.rules.facts import population_cursor
from canbo.rules.predicates import Col, Cond, Ctx, Not
from canbo.rules.proposal_rules import WARNINGS
from canbo.rules.proposals import proposal_context, rotation_pairs_sql

STANDARD_CODES = tuple(
    f"tieu_chuan_{kind}" for kind in ("llct", "chuyen_mon", "qlnn", "ngoai_ngu", "tin_hoc")
)


@dataclass(frozen=True)
class Weights:
    """The weights of the fit and the cap per sending unit (plan I.4), SPEC §13's defaults."""

    standard: int = 20
    planned: int = 30
    years: int = 15
    woman: int = 5
    minority: int = 5
    young: int = 5
    per_unit: int = 2


@dataclass(frozen=True)
class Pair:
    """An allowed (cadre, post) pair: the cadre, their from unit, the post and the fit."""

    cadre_id: int
    cadre_code: str
    from_unit_id: int
    unit_id: int
    type_id: int
    fit: int


def fit_terms(as_of: dt.date, weights: Weights) -> list[tuple[int, Cond]]:
    """The fit as (points, condition) terms over the pair facts as of D."""
    standards = {check.code: check.condition for check in WARNINGS}
    terms = [(weights.standard, Not(standards[code])) for code in STANDARD_CODES]
    terms.append((weights.planned, Col("planned_target").true()))
    terms += [(1, Col("retirement_date") >= add_years(as_of, n)) for n in range(1, weights.years + 1)]
    terms += [
        (weights.woman, Col("woman").true()),
        (weights.minority, Col("minority").true()),
        (weights.young, Col("birth_date") > Ctx("born_after_tre")),
    ]
    return terms


def allowed_pairs(
    as_of: dt.date, weights: Weights, *, posts: list[tuple[int, int]] | None = None
) -> list[Pair]:
    """The allowed pairs as of D of the rotation pool × the posts (the key posts with a vacancy
    at D when `posts` is None, else the given (unit id, type id) pairs), with their fit."""
    ctx = proposal_context(as_of)
    pairs, params = rotation_pairs_sql(ctx, posts=posts)
    fit_sql, fit_params = _sum(fit_terms(as_of, weights), ctx)
    sql = (
        f"SELECT f.id, f.code, f.from_unit_id, f.target_unit_id, f.target_type_id, {fit_sql} AS fit "
        f"FROM ({pairs}) f"
    )
    with population_cursor() as cursor:
        cursor.execute(sql, [*fit_params, *params])
        return [Pair(*row) for row in cursor.fetchall()]


def _sum(terms: list[tuple[int, Cond]], ctx: dict) -> tuple[str, list]:
    texts, params = [], []
    for points, condition in terms:
        text, more = condition.sql(ctx)
        texts.append(f"CASE WHEN {text} THEN {int(points)} ELSE 0 END")
        params += more
    return "(" + " + ".join(texts) + ")", params
