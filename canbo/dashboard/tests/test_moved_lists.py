"""The people behind a figure, kept and then moved by the facts of the cadres a write touched,
equal those found from scratch, for every kind of write and every scope; a write that may change
everyone finds them again."""

import pytest

from canbo.accounts.system import system_actor
from canbo.core import deltas, kept_lists
from canbo.dashboard.tests.test_deltas import (
    CADRE_WRITES,
    POST_WRITES,
    SCOPES,
    D,
    _discipline,
    _holding_moved,
    _position_type,
)
from canbo.reports.selectors import people_behind
from canbo.rules.verdicts import REVIEW

pytestmark = pytest.mark.django_db


def behind_each(actors) -> dict:
    """Every actor's ordered ids behind each figure (the people list's pages, read whole)."""
    return {
        (actor.username, verdict.key): [row["id"] for row in people_behind(
            actor=actor, as_of=D, key=verdict.key, limit=1000)[1]]
        for actor in actors for verdict in REVIEW
    }


@pytest.fixture
def actors(small_province):
    found = [system_actor()] + [small_province.user(name, role, unit) for name, role, unit in SCOPES]
    behind_each(found)  # found and kept
    return found


@pytest.fixture
def asked(monkeypatch):
    """The cadres each list was asked for again: None for everyone."""
    made = []
    ordered = kept_lists.ordered_ids

    def spied(parts, found):
        return ordered(parts, lambda ids: made.append(ids) or found(ids))

    monkeypatch.setattr(kept_lists, "ordered_ids", spied)
    return made


@pytest.mark.parametrize("write", CADRE_WRITES, ids=lambda w: w.__name__.strip("_"))
def test_a_write_to_a_few_cadres_moves_the_kept_lists_to_what_finding_them_again_gives(
    write, small_province, actors, asked
):
    before = behind_each(actors)
    write(small_province, system_actor())
    moved = behind_each(actors)
    assert asked and all(ids is not None and 0 < len(ids) <= 2 for ids in asked)
    deltas.forget_all()
    assert moved == behind_each(actors)
    # Each write but a move within one district and a discipline changes someone's list somewhere.
    assert (moved != before) == (write not in (_holding_moved, _discipline))


def test_a_write_that_may_change_everyone_finds_the_lists_again(small_province, actors, asked):
    _position_type(small_province, system_actor())
    moved = behind_each(actors)
    assert asked and all(ids is None for ids in asked)
    deltas.forget_all()
    assert moved == behind_each(actors)


@pytest.mark.parametrize("write", POST_WRITES, ids=lambda w: w.__name__.strip("_"))
def test_a_write_to_a_post_leaves_the_kept_lists_as_they_were(write, small_province, actors, asked):
    before = behind_each(actors)
    write(small_province, system_actor())
    assert behind_each(actors) == before and asked == []
    deltas.forget_all()
    assert behind_each(actors) == before
