"""The review's facts pass run by parts of the workforce at once (`canbo.core.parts`) gives the same
figures as one pass, for every user's scope; a write committed between the parts makes it run
again as one pass."""

import datetime as dt

import pytest
from django.db import connection

from canbo.accounts.models import Role
from canbo.core import deltas, moving, parts
from canbo.core.data_cache import data_token
from canbo.core.models import GroupedFigures, GroupedRows, RememberedResult
from canbo.people import reach, reach_groups
from canbo.people.models import Cadre
from canbo.rules import engine

DAY = dt.date(2018, 1, 1)


@pytest.fixture
def spied_parts(monkeypatch):
    """The parts each pass ran, as lists of ranges (None: the whole)."""
    runs: list[list] = []
    compute_of = parts.run_in_parts

    def spy(model, compute, combine, token):
        runs.append([])

        def recorded(part):
            runs[-1].append(part)
            return compute(part)

        return compute_of(model, recorded, combine, token)

    monkeypatch.setattr(reach, "run_in_parts", spy)
    return runs


def sums(count: int, monkeypatch) -> list[list]:
    monkeypatch.setenv(parts.PARTS_ENV, str(count))
    RememberedResult.objects.all().delete()
    GroupedFigures.objects.all().delete()
    return engine.review_sums_by_reach(engine.context_for(DAY))


@pytest.mark.django_db(transaction=True)
def test_the_figures_by_parts_equal_those_of_one_pass(small_province, spied_parts, monkeypatch):
    p = small_province
    users = [p.user("btc", Role.BTC), p.user("btc_dt", Role.BTC, "HU-DT"), p.user("hr", Role.UNIT_HR, "SNV")]
    whole = sums(1, monkeypatch)
    in_three = sums(3, monkeypatch)
    assert spied_parts[0] == [None]
    ranges = spied_parts[1]
    assert len(ranges) == 3 and all(isinstance(part, parts.IdRange) for part in ranges)
    ids = set(Cadre.objects.values_list("id", flat=True))
    assert {i for r in ranges for i in ids if r.low <= i < r.high} == ids
    assert sum(1 for r in ranges for i in ids if r.low <= i < r.high) == len(ids)
    for user in users:
        reached = reach.reach_of(user)
        assert reach_groups.sum_within(reached, in_three, engine.REVIEW_WIDTH) == reach_groups.sum_within(
            reached, whole, engine.REVIEW_WIDTH
        )
    assert any(any(row[2:]) for row in whole)  # the province has cadres behind some figure


def kept_rows() -> list[tuple]:
    return sorted((chunk, sorted(rows)) for chunk, rows in GroupedRows.objects.values_list("chunk", "rows"))


@pytest.mark.django_db(transaction=True)
def test_the_rows_kept_by_parts_are_those_of_one_pass(small_province, spied_parts, monkeypatch):
    """Put together by the database (`canbo.core.stored_rows`), a chunk of ids that two ranges
    share is kept whole, once."""
    with deltas.keeping_rows():
        whole, rows_of_whole = sums(1, monkeypatch), kept_rows()
        in_three, rows_of_three = sums(3, monkeypatch), kept_rows()
    assert [len(ranges) for ranges in spied_parts] == [1, 3]
    assert len({cadre // moving.CHUNK for cadre in Cadre.objects.values_list("id", flat=True)}) < 3
    assert GroupedFigures.objects.get().seq is not None
    assert in_three == whole and rows_of_three == rows_of_whole
    assert sorted(entry[0] for _chunk, rows in rows_of_whole for entry in rows) == sorted(
        Cadre.objects.values_list("id", flat=True)
    )


@pytest.mark.django_db
def test_inside_a_transaction_the_pass_is_one(small_province, spied_parts, monkeypatch):
    assert connection.in_atomic_block
    sums(3, monkeypatch)
    assert spied_parts == [[None]]


@pytest.mark.django_db(transaction=True)
def test_a_write_between_the_parts_makes_one_pass(small_province, monkeypatch):
    monkeypatch.setenv(parts.PARTS_ENV, "2")
    seen: list = []
    tokens = iter([1, 2])

    def compute(part):
        seen.append(part)
        return [part]

    result = parts.run_in_parts(Cadre, compute, lambda results: results, lambda: next(tokens))
    assert result == [None] and seen[-1] is None and len(seen) == 3
    seen.clear()
    assert len(parts.run_in_parts(Cadre, compute, lambda results: results, data_token)) == 2
    assert None not in seen
