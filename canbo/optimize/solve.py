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

import multiprocessing
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


@dataclass(frozen=True)
class Places:
    """The pairs' cadres and posts numbered: the distinct cadre ids and each pair's cadre's place
    among them, each post's seats and each pair's post's place (posts as unit id × span + type id)."""

    cadres: np.ndarray
    cadre_of_pair: np.ndarray
    posts: np.ndarray
    post_of_pair: np.ndarray
    capacity: np.ndarray

    @classmethod
    def of(cls, pairs: PairTable, seats: Seats) -> "Places":
        cadres, cadre_of_pair = _index(pairs.cadre)
        span = int(pairs.kind.max()) + 1
        posts, post_of_pair = _index(pairs.unit * span + pairs.kind)
        capacity = np.array([seats[(int(key) // span, int(key) % span)] for key in posts], dtype=np.int64)
        return cls(cadres, cadre_of_pair, posts, post_of_pair, capacity)


def _optimum(pairs: PairTable, places: Places, per_unit: int) -> tuple[int, np.ndarray]:
    """The greatest total fit and the pairs (indexes) that reach it, by the minimum-cost flow."""
    cadres, capacity = places.cadres, places.capacity
    units, unit_of_cadre = _index(np.array([pairs.from_unit[int(c)] for c in cadres], dtype=np.int64))
    source, sink = 0, 1
    unit_at, cadre_at = 2, 2 + len(units)
    post_at = cadre_at + len(cadres)
    n_units, n_cadres, n_posts, n_pairs = len(units), len(cadres), len(capacity), len(pairs)
    flow = int(min(n_cadres, capacity.sum()))

    def full(n: int, value: int) -> np.ndarray:
        return np.full(n, value, dtype=np.int64)

    tails = np.concatenate(
        [
            full(n_units, source),
            unit_at + unit_of_cadre,
            cadre_at + places.cadre_of_pair,
            post_at + np.arange(n_posts),
            [source],
        ]
    )
    heads = np.concatenate(
        [
            unit_at + np.arange(n_units),
            cadre_at + np.arange(n_cadres),
            post_at + places.post_of_pair,
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
    return -int(solver.optimal_cost()), np.nonzero(solver.flows(np.arange(first_pair, first_pair + n_pairs)))[
        0
    ]


def _optimum_into(send, pairs: PairTable, places: Places, per_unit: int) -> None:
    try:
        send.send(_optimum(pairs, places, per_unit))
    except SolverFailed as failed:
        send.send(failed)


def upper_bound(pairs: PairTable, places: Places) -> int:
    """A total fit no assignment exceeds: each post filled with its best-fitting allowed cadres, a
    cadre allowed to take several seats and no cap per unit (or, when smaller, the best fit of each
    of as many cadres as there are seats, the best cadres first)."""
    order = np.lexsort((-pairs.fit, places.post_of_pair))
    post = places.post_of_pair[order]
    starts = np.searchsorted(post, np.arange(len(places.capacity)))
    kept = np.arange(len(order)) - starts[post] < places.capacity[post]
    by_post = int(pairs.fit[order][kept].sum())
    best = np.zeros(len(places.cadres), dtype=np.int64)
    np.maximum.at(best, places.cadre_of_pair, pairs.fit)
    by_cadre = int(np.sort(best)[::-1][: int(places.capacity.sum())].sum())
    return min(by_post, by_cadre)


def assign_optimal(
    pairs: PairTable, seats: Seats, per_unit: int, time_limit: float | None = None
) -> Assignment:
    """An assignment of maximum total fit: each cadre at most one seat, each post at most its seats,
    at most `per_unit` cadres from any one from unit, allowed pairs only.

    With `time_limit` (seconds) the flow runs in a child process, stopped when the limit ends first:
    OR-Tools' flow solver has no limit of its own and keeps the interpreter until it ends. The
    answer is then the greedy choice (seat by seat in the order of the posts' ids), not proved
    optimal, with `upper_bound` as its bound."""
    if not len(pairs):
        return Assignment([], 0, 0)
    places = Places.of(pairs, seats)
    if time_limit is None:
        total, taken = _optimum(pairs, places, per_unit)
        return Assignment([pairs.pair(int(i)) for i in taken], total, total)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_optimum_into, args=(send, pairs, places, per_unit), daemon=True)
    child.start()
    send.close()
    try:
        if receive.poll(time_limit):
            try:
                outcome = receive.recv()
            except EOFError:  # the child ended without an answer
                outcome = SolverFailed(str(child.exitcode))
            if isinstance(outcome, SolverFailed):
                raise outcome
            total, taken = outcome
            return Assignment([pairs.pair(int(i)) for i in taken], total, total)
    finally:
        child.kill()
        child.join()
        receive.close()
    greedy = assign_greedy(pairs, seats, per_unit, sorted(seats))
    return Assignment(greedy.chosen, greedy.total, max(greedy.total, upper_bound(pairs, places)))


def assign_greedy(pairs: PairTable, seats: Seats, per_unit: int, order: list[tuple[int, int]]) -> Assignment:
    """What an official does by hand: seat by seat in `order`, the best-fitting cadre still free
    (ties by cadre code) whose from unit has sent fewer than `per_unit`. Not proved optimal."""
    if not len(pairs):
        return Assignment([], 0, None)
    places = Places.of(pairs, seats)
    codes = np.array([pairs.codes[int(c)] for c in places.cadres])
    code_rank = np.empty(len(codes), dtype=np.int64)
    code_rank[np.argsort(codes, kind="stable")] = np.arange(len(codes))
    # Each post's candidates together, the best fit first, then by cadre code.
    ranked = np.lexsort((code_rank[places.cadre_of_pair], -pairs.fit, places.post_of_pair))
    bounds = np.searchsorted(places.post_of_pair[ranked], np.arange(len(places.capacity) + 1))
    where = {}
    span = int(pairs.kind.max()) + 1
    for place, key in enumerate(places.posts.tolist()):
        where[(key // span, key % span)] = ranked[bounds[place] : bounds[place + 1]].tolist()
    cadre_of = pairs.cadre.tolist()
    taken, sent, chosen = set(), defaultdict(int), []
    for post in order:
        candidates = iter(where.get(post, ()))
        for _seat in range(seats[post]):
            pick = next(
                (
                    i
                    for i in candidates
                    if cadre_of[i] not in taken and sent[pairs.from_unit[cadre_of[i]]] < per_unit
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
