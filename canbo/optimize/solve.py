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

from canbo.optimize.fit import Pair, PairTable

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


def _index(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values (non-negative integers), sorted, and each entry's place among them: by
    counting rather than sorting, which over 1.8 million pairs is several times faster."""
    present = np.bincount(values) > 0
    distinct = np.flatnonzero(present)
    place = np.cumsum(present) - 1
    return distinct, place[values]


def assign_optimal(pairs: PairTable, seats: Seats, per_unit: int) -> Assignment:
    """An assignment of maximum total fit: each cadre at most one seat, each post at most its seats,
    at most `per_unit` cadres from any one from unit, allowed pairs only."""
    if not len(pairs):
        return Assignment([], 0, 0)
    cadres, cadre_of_pair = _index(pairs.cadre)
    units, unit_of_cadre = _index(np.array([pairs.from_unit[int(c)] for c in cadres], dtype=np.int64))
    # A post as one integer: unit id × (greatest type id + 1) + type id.
    span = int(pairs.kind.max()) + 1
    posts, post_of_pair = _index(pairs.unit * span + pairs.kind)
    capacity = np.array([seats[(int(key) // span, int(key) % span)] for key in posts], dtype=np.int64)
    source, sink = 0, 1
    unit_at, cadre_at = 2, 2 + len(units)
    post_at = cadre_at + len(cadres)
    n_units, n_cadres, n_posts, n_pairs = len(units), len(cadres), len(posts), len(pairs)
    flow = int(min(n_cadres, capacity.sum()))

    def full(n: int, value: int) -> np.ndarray:
        return np.full(n, value, dtype=np.int64)

    tails = np.concatenate(
        [
            full(n_units, source),
            unit_at + unit_of_cadre,
            cadre_at + cadre_of_pair,
            post_at + np.arange(n_posts),
            [source],
        ]
    )
    heads = np.concatenate(
        [
            unit_at + np.arange(n_units),
            cadre_at + np.arange(n_cadres),
            post_at + post_of_pair,
            full(n_posts, sink),
            [sink],
        ]
    )
    capacities = np.concatenate([full(n_units, per_unit), full(n_cadres + n_pairs, 1), capacity, [flow]])
    costs = np.concatenate([full(n_units + n_cadres, 0), -pairs.fit, full(n_posts + 1, 0)])
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        *(part.astype(np.int64, copy=False) for part in (tails, heads, capacities, costs))
    )
    solver.set_node_supply(source, flow)
    solver.set_node_supply(sink, -flow)
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise SolverFailed(str(status))
    first_pair = n_units + n_cadres
    taken = np.nonzero(solver.flows(np.arange(first_pair, first_pair + n_pairs)))[0]
    total = -int(solver.optimal_cost())
    return Assignment([pairs.pair(int(i)) for i in taken], total, total)


def assign_greedy(pairs: PairTable, seats: Seats, per_unit: int, order: list[tuple[int, int]]) -> Assignment:
    """What an official does by hand: seat by seat in `order`, the best-fitting cadre still free
    (ties by cadre code) whose from unit has sent fewer than `per_unit`. Not proved optimal."""
    candidates = defaultdict(list)
    for index in np.lexsort((pairs.kind, pairs.unit)):
        candidates[(int(pairs.unit[index]), int(pairs.kind[index]))].append(int(index))
    taken, sent, chosen = set(), defaultdict(int), []
    for post in order:
        ranked = sorted(
            candidates[post], key=lambda i: (-int(pairs.fit[i]), pairs.codes[int(pairs.cadre[i])])
        )
        for _seat in range(seats[post]):
            pick = next(
                (
                    i
                    for i in ranked
                    if int(pairs.cadre[i]) not in taken
                    and sent[pairs.from_unit[int(pairs.cadre[i])]] < per_unit
                ),
                None,
            )
            if pick is None:
                break
            found = pairs.pair(pick)
            taken.add(found.cadre_id)
            sent[found.from_unit_id] += 1
            chosen.append(found)
    return Assignment(chosen, sum(p.fit for p in chosen), None)
