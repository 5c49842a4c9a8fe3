"""The optimum of SPEC §13 as a minimum-cost flow, against every assignment of small cases."""

import itertools
import random

import numpy as np

from canbo.optimize.fit import Pair, PairTable
from canbo.optimize.solve import Places, assign_greedy, assign_optimal, upper_bound


def _table(pairs: list[Pair]) -> PairTable:
    def column(name):
        return np.array([getattr(p, name) for p in pairs], dtype=np.int64)

    return PairTable(
        column("cadre_id"),
        column("unit_id"),
        column("type_id"),
        column("fit"),
        {p.cadre_id: p.cadre_code for p in pairs},
        {p.cadre_id: p.from_unit_id for p in pairs},
    )


def _best_by_search(pairs, seats, per_unit):
    """The greatest total fit over every assignment, by trying them all (each cadre: a seat or none)."""
    cadres = sorted({p.cadre_id for p in pairs})
    options = {c: [None] + [p for p in pairs if p.cadre_id == c] for c in cadres}
    best = 0
    for choice in itertools.product(*(options[c] for c in cadres)):
        chosen = [p for p in choice if p is not None]
        per_post, per_from = {}, {}
        for p in chosen:
            per_post[(p.unit_id, p.type_id)] = per_post.get((p.unit_id, p.type_id), 0) + 1
            per_from[p.from_unit_id] = per_from.get(p.from_unit_id, 0) + 1
        if all(n <= seats[post] for post, n in per_post.items()) and all(
            n <= per_unit for n in per_from.values()
        ):
            best = max(best, sum(p.fit for p in chosen))
    return best


def _valid(result, seats, per_unit):
    cadres = [p.cadre_id for p in result.chosen]
    assert len(cadres) == len(set(cadres))
    for post, n in seats.items():
        assert sum(1 for p in result.chosen if (p.unit_id, p.type_id) == post) <= n
    for unit in {p.from_unit_id for p in result.chosen}:
        assert sum(1 for p in result.chosen if p.from_unit_id == unit) <= per_unit
    assert result.total == sum(p.fit for p in result.chosen)


def test_the_flow_reaches_the_best_total_of_every_small_case():
    rng = random.Random(13)
    for _case in range(150):
        n_cadres, n_posts, n_units = rng.randint(1, 6), rng.randint(1, 3), rng.randint(1, 3)
        from_unit = {c: rng.randint(1, n_units) for c in range(n_cadres)}
        seats = {(100 + post, 1): rng.randint(1, 2) for post in range(n_posts)}
        pairs = [
            Pair(c, f"CB{c:03d}", from_unit[c], unit, type_id, rng.randint(0, 150))
            for c in range(n_cadres)
            for unit, type_id in seats
            if rng.random() < 0.6
        ]
        per_unit = rng.randint(1, 2)
        result = assign_optimal(_table(pairs), seats, per_unit)
        _valid(result, seats, per_unit)
        assert result.proved and result.bound == result.total
        assert result.total == _best_by_search(pairs, seats, per_unit)
        greedy = assign_greedy(_table(pairs), seats, per_unit, sorted(seats))
        _valid(greedy, seats, per_unit)
        assert greedy.total <= result.total and not greedy.proved


def _cases(seed: int, count: int):
    rng = random.Random(seed)
    for _case in range(count):
        n_cadres, n_posts, n_units = rng.randint(1, 6), rng.randint(1, 3), rng.randint(1, 3)
        from_unit = {c: rng.randint(1, n_units) for c in range(n_cadres)}
        codes = rng.sample(range(100), n_cadres)  # codes in another order than the ids
        seats = {(100 + post, 1 + post % 2): rng.randint(1, 2) for post in range(n_posts)}
        pairs = [
            Pair(c, f"CB{codes[c]:03d}", from_unit[c], unit, type_id, rng.randint(0, 3) * 10)
            for c in range(n_cadres)
            for unit, type_id in seats
            if rng.random() < 0.7
        ]
        yield pairs, seats, rng.randint(1, 2)


def _greedy_by_hand(pairs, seats, per_unit, order):
    taken, sent, chosen = set(), {}, []
    for post in order:
        ranked = sorted(
            (p for p in pairs if (p.unit_id, p.type_id) == post), key=lambda p: (-p.fit, p.cadre_code)
        )
        for _seat in range(seats[post]):
            free = [p for p in ranked if p.cadre_id not in taken and sent.get(p.from_unit_id, 0) < per_unit]
            if not free:
                break
            taken.add(free[0].cadre_id)
            sent[free[0].from_unit_id] = sent.get(free[0].from_unit_id, 0) + 1
            chosen.append(free[0])
    return chosen


def test_the_greedy_choice_takes_seat_by_seat_the_best_fit_then_the_smallest_code():
    for pairs, seats, per_unit in _cases(17, 150):
        order = sorted(seats, reverse=True)
        greedy = assign_greedy(_table(pairs), seats, per_unit, order)
        assert greedy.chosen == _greedy_by_hand(pairs, seats, per_unit, order)


def test_the_bound_is_never_below_the_best_total():
    for pairs, seats, per_unit in _cases(19, 150):
        if pairs:
            table = _table(pairs)
            assert upper_bound(table, Places.of(table, seats)) >= _best_by_search(pairs, seats, per_unit)


def test_within_its_time_limit_the_flow_gives_the_same_proved_optimum():
    for pairs, seats, per_unit in _cases(23, 20):
        alone = assign_optimal(_table(pairs), seats, per_unit)
        limited = assign_optimal(_table(pairs), seats, per_unit, time_limit=60)
        assert (limited.chosen, limited.total, limited.proved) == (alone.chosen, alone.total, True)


def test_seats_stay_empty_rather_than_lower_the_total():
    """The cheapest flow is the greatest total, not the most seats: A in seat 2 and B in seat 1 fill
    both seats for a total of 0."""
    seats = {(1, 1): 1, (2, 1): 1}
    pairs = [Pair(1, "A", 10, 1, 1, 100), Pair(1, "A", 10, 2, 1, 0), Pair(2, "B", 11, 1, 1, 0)]
    result = assign_optimal(_table(pairs), seats, 2)
    assert result.total == 100
    assert [(p.cadre_code, p.unit_id) for p in result.chosen] == [("A", 1)]


def test_no_pairs_no_assignment():
    result = assign_optimal(_table([]), {(1, 1): 3}, 2)
    assert (result.chosen, result.total, result.proved) == ([], 0, True)
