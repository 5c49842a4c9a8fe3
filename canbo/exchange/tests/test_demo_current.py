"""The demo carries planning for the current terms, without changing anything before it."""

import datetime as dt

from canbo.exchange.demo import build
from canbo.exchange.demo.people import HORIZON

SIZE, SEED = 1500, 11


def _without_current(monkeypatch):
    monkeypatch.setattr(build, "plan_current_terms", lambda people, seed: None)
    return build.demo_rows(size=SIZE, seed=SEED)


def test_current_terms_are_planned_and_in_force_today(monkeypatch):
    rows = build.demo_rows(size=SIZE, seed=SEED)
    terms = {}
    for _code, _type, _unit, term, approved in rows["quy_hoach"]:
        terms.setdefault(term, []).append(approved)
    assert len(terms[(2025, 2030)]) > 10 and len(terms[(2026, 2031)]) > 5
    assert all(day <= HORIZON for term in ((2025, 2030), (2026, 2031)) for day in terms[term])
    # Evaluations up to the last full year before the demo's "now".
    assert max(year for _code, year, *_rest in rows["danh_gia"]) == HORIZON.year - 1
    assert rows == build.demo_rows(size=SIZE, seed=SEED)  # deterministic for a seed


def test_nothing_before_the_new_approvals_changes(monkeypatch):
    monkeypatch.setattr(build, "fill_vacated", lambda *arguments: None)  # its own test: successors
    with_current = build.demo_rows(size=SIZE, seed=SEED)
    before = _without_current(monkeypatch)
    for sheet, values in before.items():
        if sheet != "quy_hoach":
            assert with_current[sheet] == values, sheet
    added = [row for row in with_current["quy_hoach"] if row not in before["quy_hoach"]]
    assert [row for row in with_current["quy_hoach"] if row not in added] == before["quy_hoach"]
    assert min(approved for *_rest, approved in added) > dt.date(2017, 6, 30)
