"""Optimal rotation proposals (SPEC §13): the seats, the allowed pairs with their fit, the optimum."""

import datetime as dt

from django.utils.translation import gettext as _

from canbo.accounts.scope import sees_everything
from canbo.core.capabilities import Action, require
from canbo.optimize.fit import PairTable, Weights, allowed_pairs, weights_at
from canbo.optimize.seats import Post, vacancy_seats
from canbo.optimize.solve import Assignment, assign_optimal
from canbo.people.selectors import visible_cadres

# The stages a run reports: pairs, the optimum, the greedy choice, the explanations.
STAGES = 4


def _silent(done: int, total: int | None = None, message: str | None = None) -> None:
    return None


def rotation_proposal(
    *,
    actor,
    as_of: dt.date,
    posts: dict[tuple[int, int], Post] | None = None,
    weights: Weights | None = None,
    progress=_silent,
    time_limit: float | None = None,
) -> tuple[dict[tuple[int, int], Post], PairTable, Assignment]:
    """The seats (the key vacancies at D when `posts` is None), the allowed pairs and an assignment
    of maximum total fit of the rotation pool at D to them: of its members the actor sees at D
    (the whole pool for the province-wide roles and the command line). `progress(done, total,
    message)` hears of each stage (a job's progress, `canbo.jobs.runner.Progress`); `time_limit`:
    the seconds the solver may take (`canbo.optimize.solve.assign_optimal`); `weights`: those of rule P1
    in force at D unless given."""
    require(actor, Action.CHECK_PROPOSAL)
    weights = weights or weights_at(as_of)
    progress(0, STAGES, _("Đang lập các cặp cán bộ – vị trí được phép"))
    seats = vacancy_seats(as_of) if posts is None else posts
    reach = None if sees_everything(actor) else visible_cadres(actor, as_of)
    pairs = allowed_pairs(as_of, weights, posts=None if posts is None else list(posts), cadres=reach)
    progress(1, STAGES, _("Đang giải bài toán phân công tối ưu (%(n)s cặp được phép)") % {"n": len(pairs)})
    counts = {key: post.count for key, post in seats.items()}
    return seats, pairs, assign_optimal(pairs, counts, weights.per_unit, time_limit)


def proposal_json(seats: dict[tuple[int, int], Post], result: Assignment) -> dict:
    """SPEC §13's JSON: status, objective, bound and the pairs sorted by unit, type and cadre code."""
    rows = sorted(
        (
            seats[(p.unit_id, p.type_id)].unit_code,
            seats[(p.unit_id, p.type_id)].type_code,
            p.cadre_code,
            p.fit,
        )
        for p in result.chosen
    )
    return {
        "trang_thai": "toi_uu" if result.proved else "kha_thi",
        "muc_tieu": result.total,
        "can_tren": result.bound,
        "phan_cong": [
            {"ma_can_bo": cadre, "ma_don_vi": unit, "ma_chuc_danh": type_code, "diem": fit}
            for unit, type_code, cadre, fit in rows
        ],
    }
