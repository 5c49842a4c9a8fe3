"""The comparison of two dates from the whole workforce's kept sums (how many behind each figure at
both dates, grouped by the units deciding scopes at each) gives the counts the people give, for four
roles, over the scope and three subtrees, on the province of the figure-link tests with one more
cadre who moved from Sở Nội vụ to Đức Trọng between the dates, behind a figure at both."""

import datetime as dt

import pytest

from canbo.accounts.system import system_actor
from canbo.core.deltas import forget_all, keeping_rows
from canbo.core.models import GroupedFigures
from canbo.dashboard.compare import review_compare
from canbo.org.models import Unit
from canbo.people import services
from canbo.people.models import Cadre
from canbo.reports.tests.test_figure_links import province  # noqa: F401
from canbo.reports.tests.test_kept_sums import ROLES
from canbo.rules import engine

pytestmark = pytest.mark.django_db
FIRST, SECOND = dt.date(2010, 1, 1), dt.date(2020, 1, 1)


def _compared(actor) -> dict:
    found = {}
    for unit in [None, *Unit.objects.filter(code__in=["TU", "HU-DT", "SNV"])]:
        for row in review_compare(actor=actor, first=FIRST, second=SECOND, unit=unit):
            found[unit.code if unit else None, row["verdict"].key] = (
                row["first"], row["vao"], row["ra"], row["second"]
            )
    return found


@pytest.fixture
def moved(province):  # noqa: F811
    """A Chuyên viên without a degree (behind `thieu_dai_hoc` at both dates), in Sở Nội vụ until 2014,
    then in UBND huyện Đức Trọng: outside the district's scope at the first date, inside at the second."""
    system = system_actor()
    cadre = services.cadre_create(actor=system, code="CHUYEN", full_name="Lý Văn Chuyển", gender="nam",
                                  birth_date=dt.date(1980, 3, 3), category="cong_chuc")
    moves = (("SNV", dt.date(2005, 1, 1), dt.date(2014, 12, 31)), ("UB-DT", dt.date(2015, 1, 1), None))
    for unit, start, end in moves:
        services.holding_add(actor=system, cadre=cadre, unit=province.units[unit],
                             position_type=province.types["CV"], valid_from=start, valid_to=end)
    return province


@pytest.mark.parametrize(("role", "scope_unit"), ROLES)
def test_kept_sums_give_the_counts_the_people_give(moved, monkeypatch, role, scope_unit):
    actor = moved.user(f"pair_{role}", role, scope_unit)
    forget_all()
    with monkeypatch.context() as nothing_kept:
        nothing_kept.setattr(engine, "review_pair_sums_by_reach", lambda then, now, only_kept=False: None)
        counted = _compared(actor)
    engine.review_pair_sums_by_reach(engine.context_for(FIRST), engine.context_for(SECOND))  # kept
    assert _compared(actor) == counted
    assert sum(entered + left for _first, entered, left, _second in counted.values()) >= 3


def test_kept_sums_move_with_a_write_to_one_cadre(moved, monkeypatch):
    actor = moved.user("pair_hr", "unit_hr", "HU-DT")
    forget_all()
    with keeping_rows():
        engine.review_pair_sums_by_reach(engine.context_for(FIRST), engine.context_for(SECOND))
    degree = {"kind": "chuyen_mon", "level": "dai_hoc", "obtained_on": dt.date(2012, 6, 1)}
    services.qualification_add(actor=system_actor(), cadre=Cadre.objects.get(code="CHUYEN"), **degree)
    kept = _compared(actor)
    assert GroupedFigures.objects.exclude(seq=None).exists()  # moved, not counted again
    with monkeypatch.context() as nothing_kept:
        nothing_kept.setattr(engine, "review_pair_sums_by_reach", lambda then, now, only_kept=False: None)
        assert kept == _compared(actor)
