"""Deciding a condition before the query runs: what `Cond.given` leaves, and `Cond.conjuncts`, hold
of a row exactly when the whole condition does."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from canbo.rules.pairs import PROPOSAL_COLUMNS
from canbo.rules.predicates import All, Const
from canbo.rules.proposal_rules import ALLOWED, IN_POOL
from canbo.rules.verdicts import PLANNED_FOR_ROTATION

RULES = st.sets(st.sampled_from(["R1", "R2", "R3", "R5", "R6", "N1", "D1", "D2", "R7"]))
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2022, 12, 31)))
FLAG = st.one_of(st.none(), st.integers(0, 1))


def _ctx(rules: set[str]) -> dict:
    return {
        "rules": dict.fromkeys(rules),
        "luan_chuyen_som_nhat": dt.date(2020, 10, 1),
        "luan_chuyen_muon_nhat": dt.date(2022, 10, 1),
        "luan_chuyen_tu_ngay": dt.date(2017, 10, 1),
    }


def _row(data, condition) -> dict:
    row = {}
    for name in sorted(condition.columns()):
        if name == "prop_kind":
            row[name] = data.draw(st.sampled_from(["luan_chuyen", "dieu_dong"]))
        elif name in ("prop_start", "prop_end_next"):
            row[name] = data.draw(DATES)
        elif name == "latest_rating":
            row[name] = data.draw(st.sampled_from([None, "tot", "khong_hoan_thanh"]))
        else:
            row[name] = data.draw(FLAG)
    return row


@given(st.data(), RULES)
def test_what_the_proposal_leaves_of_a_condition_holds_as_the_condition_does(data, rules):
    ctx = _ctx(rules)
    condition = ALLOWED
    row = _row(data, condition)
    known = {name: row[name] for name in PROPOSAL_COLUMNS if name in row}
    left = condition.given(known, ctx)
    assert not left.columns() & set(PROPOSAL_COLUMNS)
    assert left.holds(row, ctx) == condition.holds(row, ctx)
    parts = left.conjuncts()
    assert all(part.holds(row, ctx) for part in parts) == condition.holds(row, ctx)
    assert not any(isinstance(part, Const) and part.value for part in parts)


@given(st.data(), RULES)
def test_the_pool_narrowed_first_by_its_planned_condition(data, rules):
    ctx = _ctx(rules)
    row = _row(data, IN_POOL)
    assert PLANNED_FOR_ROTATION in IN_POOL.conjuncts()
    assert All(IN_POOL.conjuncts()).holds(row, ctx) == IN_POOL.holds(row, ctx)
