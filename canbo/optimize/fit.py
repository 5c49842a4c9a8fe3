# ruff: noqa: S608 -- SQL is assembled from fixed column names only; every value is a parameter
"""The allowed pairs of SPEC §13 with their fit, computed by the database in one query.

The pairs are `canbo.rules.proposals.rotation_choice` (the one definition of "allowed" that
`canbo check-proposal` uses). The fit is a sum of weighted conditions over the same pair facts,
each a `canbo.rules.predicates` condition (`Fit`), so the database computes it for every pair and
Python can recompute it for one (`Fit.of`):

    weights.standard × (kinds among the five whose level at D meets the seat type's requirement:
                        the warnings `tieu_chuan_<kind>` of SPEC §11 that do not hold)
    + weights.planned × (planned at D for the seat's type)
    + min(n, weights.years) for the largest n with D + n years ≤ the retirement date (0 when none)
    + weights.woman × (woman) + weights.minority × (ethnicity given and not Kinh)
    + weights.young × (age < the parameter `tuoi_tre` at D, as the priority group T3 reads it)
"""

import datetime as dt
from dataclasses import dataclass
from itertools import chain

import numpy as np
from django.utils.translation import gettext as _

from canbo.core.dates import add_years
from canbo.core.levels import Kind
from canbo.people.models import Cadre
from canbo.rules.facts import population_cursor
from canbo.rules.pairs import from_positions_sql, pairs_sql, side_of
from canbo.rules.predicates import Col, Cond, Ctx, Not
from canbo.rules.proposal_rules import WARNINGS
from canbo.rules.proposals import proposal_context, rotation_choice

STANDARD_KINDS = ("llct", "chuyen_mon", "qlnn", "ngoai_ngu", "tin_hoc")


@dataclass(frozen=True)
class Weights:
    """The weights of the fit and the cap per sending unit (plan I.4): the parameters of rule P1."""

    standard: int
    planned: int
    years: int
    woman: int
    minority: int
    young: int
    per_unit: int


# The parameter of rule P1 giving each weight.
WEIGHT_PARAMETERS = {
    "standard": "diem_tieu_chuan",
    "planned": "diem_quy_hoach",
    "years": "diem_so_nam_toi_da",
    "woman": "diem_nu",
    "minority": "diem_dan_toc_thieu_so",
    "young": "diem_tre",
    "per_unit": "so_can_bo_toi_da_mot_don_vi",
}


def weights_at(as_of: dt.date) -> Weights:
    """The weights in force at D (the parameters of the rule set in force)."""
    params = proposal_context(as_of)["params"]
    return Weights(**{name: params[key] for name, key in WEIGHT_PARAMETERS.items()})


@dataclass(frozen=True)
class Pair:
    """An allowed (cadre, post) pair: the cadre, their from unit, the post and the fit."""

    cadre_id: int
    cadre_code: str
    from_unit_id: int
    unit_id: int
    type_id: int
    fit: int


@dataclass(frozen=True)
class PairTable:
    """Allowed pairs as columns (one entry per pair: cadre id, post's unit id and type id, fit) and,
    per cadre, the code and the from unit: 1.8 million pairs stay four integer arrays."""

    cadre: np.ndarray
    unit: np.ndarray
    kind: np.ndarray
    fit: np.ndarray
    codes: dict[int, str]
    from_unit: dict[int, int]

    def __len__(self) -> int:
        return len(self.cadre)

    def pair(self, index: int) -> Pair:
        cadre = int(self.cadre[index])
        return Pair(
            cadre,
            self.codes[cadre],
            self.from_unit[cadre],
            int(self.unit[index]),
            int(self.kind[index]),
            int(self.fit[index]),
        )


@dataclass(frozen=True)
class Fit:
    """The fit of SPEC §13 over the pair facts as of D: the sum of the points of the `terms` that
    hold, plus the greatest n of `years` whose condition holds (D + n years ≤ the retirement date;
    0 when none does)."""

    terms: list[tuple[int, Cond, str]]
    years: list[tuple[int, Cond]]

    def sql(self, ctx: dict) -> tuple[str, list]:
        """The sum as SQL over `f`, each condition decided as far as the rules in force decide it."""
        texts, params = [], []
        for points, condition, _label in self.terms:
            if points:
                text, more = condition.given({}, ctx).sql(ctx)
                texts.append(f"CASE WHEN {text} THEN {int(points)} ELSE 0 END")
                params += more
        steps = []
        for n, condition in sorted(self.years, key=lambda step: -step[0]):
            text, more = condition.given({}, ctx).sql(ctx)
            steps.append(f"WHEN {text} THEN {int(n)}")
            params += more
        if steps:
            texts.append(f"CASE {' '.join(steps)} ELSE 0 END")
        return "(" + (" + ".join(texts) or "0") + ")", params

    def split(self, keep) -> tuple["Fit", "Fit"]:
        """The terms whose condition `keep` accepts (the years too when it accepts all of theirs),
        and the others: the fit is the sum of the two."""
        kept = all(keep(condition) for _n, condition in self.years)
        return (
            Fit([term for term in self.terms if keep(term[1])], self.years if kept else []),
            Fit([term for term in self.terms if not keep(term[1])], [] if kept else self.years),
        )

    def columns(self) -> set[str]:
        """The pair facts columns the fit reads."""
        conditions = [condition for _p, condition, _l in self.terms] + [c for _n, c in self.years]
        return set().union(*(condition.columns() for condition in conditions))

    def of(self, row: dict, ctx: dict) -> int:
        """The same sum for one pair facts row, in Python."""
        return sum(points for _label, points in self.parts(row, ctx))

    def parts(self, row: dict, ctx: dict) -> list[tuple[str, int]]:
        """Why one pair has its fit: each term that holds, with its points (the years left last)."""
        found = [
            (label, points) for points, condition, label in self.terms if points and condition.holds(row, ctx)
        ]
        years = max((n for n, condition in self.years if condition.holds(row, ctx)), default=0)
        if years:
            found.append(
                (
                    str(_("Còn ít nhất %(n)s năm công tác (tối đa tính %(top)s)"))
                    % {"n": years, "top": len(self.years)},
                    years,
                )
            )
        return found


def fit_of_pairs(as_of: dt.date, weights: Weights) -> Fit:
    standards = {check.code: check.condition for check in WARNINGS}
    terms = [
        (
            weights.standard,
            Not(standards[f"tieu_chuan_{kind}"]),
            str(_("Đạt tiêu chuẩn %(kind)s của chức danh") % {"kind": Kind(kind).label}),
        )
        for kind in STANDARD_KINDS
    ]
    terms += [
        (weights.planned, Col("planned_target").true(), str(_("Được quy hoạch chức danh này"))),
        (weights.woman, Col("woman").true(), str(_("Cán bộ nữ"))),
        (weights.minority, Col("minority").true(), str(_("Cán bộ người dân tộc thiểu số"))),
        (weights.young, Col("birth_date") > Ctx("born_after_tre"), str(_("Cán bộ trẻ"))),
    ]
    years = [(n, Col("retirement_date") >= add_years(as_of, n)) for n in range(1, weights.years + 1)]
    return Fit(terms, years)


def allowed_pairs(
    as_of: dt.date, weights: Weights, *, posts: list[tuple[int, int]] | None = None, cadres=None
) -> PairTable:
    """The allowed pairs as of D of the rotation pool (only its members among `cadres`, a queryset,
    when given) × the posts (the key posts with a vacancy at D when `posts` is None, else the given
    (unit id, type id) pairs), with their fit."""
    ctx = proposal_context(as_of)
    proposal, choice = rotation_choice(ctx, posts=posts, cadres=cadres)
    fit = fit_of_pairs(as_of, weights)
    # The terms over the cadre's facts alone are added up once per cadre, the others per pair.
    own, shared = fit.split(lambda condition: side_of(condition) == "cadre")
    pairs, params = pairs_sql(
        ctx,
        proposal,
        needs=fit.columns(),
        cadre_values={"fit_own": own.sql(ctx)},
        columns={"id", "target_unit_id", "target_type_id", "fit_own", *shared.columns()},
        **choice,
    )
    fit_sql, fit_params = shared.sql(ctx)
    sql = f"SELECT f.id, f.target_unit_id, f.target_type_id, f.fit_own + {fit_sql} AS fit FROM ({pairs}) f"
    with population_cursor() as cursor:
        cursor.execute(sql, [*fit_params, *params])
        # The rows' values straight into one array: no array of row objects first (0.2–0.3 s less).
        table = np.fromiter(chain.from_iterable(cursor.fetchall()), dtype=np.int64).reshape(-1, 4)
    cadres = np.unique(table[:, 0]).tolist()
    from_sql, from_params = from_positions_sql(ctx, cadres)
    with population_cursor() as cursor:
        cursor.execute(f"SELECT r.cadre_id, r.from_unit_id FROM ({from_sql}) r", from_params)
        from_unit = dict(cursor.fetchall())
    codes = dict(Cadre.objects.filter(id__in=cadres).values_list("id", "code"))
    return PairTable(table[:, 0], table[:, 1], table[:, 2], table[:, 3], codes, from_unit)
