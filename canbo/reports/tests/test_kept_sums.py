"""A unit's figures and the review's chart by unit read from the whole workforce's kept sums
(grouped by the units each cadre holds) equal those counted over the people themselves, for every
figure, several roles and subtrees, on the province of the figure-link tests (retired people in open
positions, BTV-managed cadres in state units, a person holding two positions in one subtree)."""

import datetime as dt

import pytest

from canbo.core.deltas import forget_all
from canbo.org.models import Unit
from canbo.reports import chart, selectors
from canbo.reports.tests.test_figure_links import province  # noqa: F401
from canbo.rules import engine
from canbo.rules.verdicts import REVIEW, SPLIT

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2020, 1, 1)
KEYS = [v.key for v in REVIEW] + [f"thieu_trung_cap_chuyen_mon.{k}" for k in SPLIT]
ROLES = [("btv", None), ("btc", None), ("snv", None), ("unit_hr", "HU-DT")]


def _figures(actor) -> dict:
    found = {}
    for unit in [None, *Unit.objects.filter(code__in=["TU", "HU-DT", "UB-DT", "SNV"])]:
        code = unit.code if unit else None
        found[code] = selectors.review(actor=actor, as_of=AS_OF, unit=unit)
        for key in KEYS:
            split = chart.review_chart(actor=actor, as_of=AS_OF, key=key, unit=unit, size=2)
            found[code, key] = ([(u.code, n) for u, n in split.bars], split.rest, split.hidden)
    return found


@pytest.mark.parametrize(("role", "scope_unit"), ROLES)
def test_kept_sums_give_what_the_people_give(province, monkeypatch, role, scope_unit):  # noqa: F811
    actor = province.user(f"kept_{role}", role, scope_unit)
    forget_all()
    with monkeypatch.context() as nothing_kept:
        nothing_kept.setattr(engine, "review_sums_by_reach", lambda ctx, only_kept=False: None)
        counted = _figures(actor)
    engine.review_sums_by_reach(engine.context_for(AS_OF))  # the whole workforce's sums, kept
    assert _figures(actor) == counted
    charts = [value for key, value in counted.items() if isinstance(key, tuple)]
    assert sum(n for bars, _rest, _hidden in charts for _unit, n in bars) >= 3

