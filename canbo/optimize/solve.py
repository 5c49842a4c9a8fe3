"""Assigning cadres to seats (SPEC §13): the proved optimum, and the greedy choice of an official.

The optimum is a minimum-cost flow, which is exactly the assignment problem with the cap per
sending unit:

    source ─(cap: per unit, cost 0)→ from unit ─(cap 1)→ cadre ─(cap 1, cost −fit)→ post
           ─(cap: its seats)→ sink,         and source ─(cap K, cost 0)→ sink,

with K units of flow from source to sink, K = min(cadres, seats). A flow that sends one unit along
source → unit → cadre → post → sink is the cadre taking a seat of the post: each cadre at most once
(its one incoming arc has capacity 1), each post at most its seats, each sending unit at most its
cap; the bypass arc lets seats stay empty at no cost, so the cheapest flow is the assignment of
greatest total fit, not the largest one. With integral capacities the minimum-cost flow problem has
an integral optimal flow, which OR-Tools' solver returns; it ends only at an optimum, so the result
is proved optimal (its value is its own upper bound). Measured against CP-SAT in bench/optimize.py.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from canbo.optimize.fit import Pair

Seats = dict[tuple[int, int], int]


@dataclass(frozen=True)
class Assignment:
    """The chosen pairs, their total fit, and the best upper bound known (`total` when proved
    optimal, None when none was sought)."""

    chosen: list[Pair]
    total: int
    bound: int | None

    @property
    def proved(self) -> bool:
        return self.bound == self.total


class SolverFailed(RuntimeError):
    pass


def assign_optimal(pairs: list[Pair], seats: Seats, per_unit: int) -> Assignment:
    """An assignment of maximum total fit: each cadre at most one seat, each post at most its seats,
    at most `per_unit` cadres from any one from unit, allowed pairs only."""
    if not pairs:
        return Assignment([], 0, 0)
    units = {unit: n for n, unit in enumerate(sorted({p.from_unit_id for p in pairs}))}
    cadres = {cadre: n for n, cadre in enumerate(sorted({p.cadre_id for p in pairs}))}
    posts = {post: n for n, post in enumerate(sorted({(p.unit_id, p.type_id) for p in pairs}))}
    source, sink = 0, 1
    unit_at, cadre_at = 2, 2 + len(units)
    post_at = cadre_at + len(cadres)
    cadre_unit = {p.cadre_id: p.from_unit_id for p in pairs}
    tails = [
        np.full(len(units), source),
        np.array([unit_at + units[cadre_unit[c]] for c in cadres]),
        np.array([cadre_at + cadres[p.cadre_id] for p in pairs]),
        post_at + np.arange(len(posts)),
        np.array([source]),
    ]
    heads = [
        unit_at + np.arange(len(units)),
        cadre_at + np.arange(len(cadres)),
        np.array([post_at + posts[(p.unit_id, p.type_id)] for p in pairs]),
        np.full(len(posts), sink),
        np.array([sink]),
    ]
    flow = min(len(cadres), sum(seats[post] for post in posts))
    capacities = [
        np.full(len(units), per_unit),
        np.ones(len(cadres)),
        np.ones(len(pairs)),
        np.array([seats[post] for post in posts]),
        np.array([flow]),
    ]
    costs = [
        np.zeros(len(units)),
        np.zeros(len(cadres)),
        np.array([-p.fit for p in pairs]),
        np.zeros(len(posts)),
        np.zeros(1),
    ]
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        *(np.concatenate(part).astype(np.int64) for part in (tails, heads, capacities, costs))
    )
    solver.set_node_supply(source, flow)
    solver.set_node_supply(sink, -flow)
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise SolverFailed(str(status))
    first_pair = len(units) + len(cadres)
    taken = solver.flows(np.arange(first_pair, first_pair + len(pairs)))
    chosen = [pair for pair, used in zip(pairs, taken, strict=True) if used]
    total = -int(solver.optimal_cost())
    return Assignment(chosen, total, total)


def assign_greedy(pairs: list[Pair], seats: Seats, per_unit: int, order: list[tuple[int, int]]) -> Assignment:
    """What an official does by hand: seat by seat in `order`, the best-fitting cadre still free
    (ties by cadre code) whose from unit has sent fewer than `per_unit`. Not proved optimal."""
    candidates = defaultdict(list)
    for pair in pairs:
        candidates[(pair.unit_id, pair.type_id)].append(pair)
    taken, sent, chosen = set(), defaultdict(int), []
    for post in order:
        ranked = sorted(candidates[post], key=lambda p: (-p.fit, p.cadre_code))
        for _seat in range(seats[post]):
            pick = next(
                (p for p in ranked if p.cadre_id not in taken and sent[p.from_unit_id] < per_unit), None
            )
            if pick is None:
                break
            taken.add(pick.cadre_id)
            sent[pick.from_unit_id] += 1
            chosen.append(pick)
    total = sum(p.fit for p in chosen)
    return Assignment(chosen, total, None)
