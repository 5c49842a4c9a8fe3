"""The review at two dates side by side: each of the six figures at the first and the second date,
how many people entered it and how many left it between them, and who (by code).

The counts come from kept sums over the whole workforce, moved by each write
(`canbo.rules.engine.review_pair_sums_by_reach`): a cadre behind a figure at both dates, within the
user's scope at each, is in neither group, so "entered" is the second date's figure less those and
"left" the first's less those. Where the sums are not kept (a unit's officer before any warming),
the people behind each figure at each date are compared instead; the people of a group are always
found that way, when their list is opened."""

import datetime as dt

from canbo.org.models import Unit
from canbo.people import reach
from canbo.reports.selectors import ids_behind_each, review, subtree_ids
from canbo.rules import engine
from canbo.rules.verdicts import REVIEW

GROUPS = ("vao", "ra")  # entered, left


def review_compare(*, actor, first: dt.date, second: dt.date, unit: Unit | None = None) -> list[dict]:
    """A row per figure: its count at each date, and how many entered (`vao`) and left (`ra`)."""
    shared = unit is None and reach.shares_population(actor)
    rows = engine.review_pair_sums_by_reach(
        engine.context_for(first), engine.context_for(second), only_kept=not shared
    )
    if rows is None:
        return [{**row, "vao": len(row["vao"]), "ra": len(row["ra"])}
                for row in _compared(actor, first, second, unit)]
    at_first, at_second = (review(actor=actor, as_of=day, unit=unit) for day in (first, second))
    within, under = reach.reach_of(actor), None if unit is None else subtree_ids(unit)

    def counted(held, btv) -> bool:
        return within.covers(held, btv) and (under is None or bool(under & reach.unit_ids(held)))

    kept = [row[4:] for row in rows if counted(row[0], row[1]) and counted(row[2], row[3])]
    both = [sum(column) for column in zip(*kept, strict=True)] if kept else [0] * len(REVIEW)
    found = []
    for verdict, at_both in zip(REVIEW, both, strict=True):
        before, after = (_total(figures[verdict.key]) for figures in (at_first, at_second))
        found.append({"verdict": verdict, "first": before, "second": after,
                      "vao": after - at_both, "ra": before - at_both})
    return found


def moved_people(
    *, actor, first: dt.date, second: dt.date, unit: Unit | None, key: str, group: str
) -> list[int]:
    """The ids of the people who entered (`vao`) or left (`ra`) the figure `key`, by code."""
    row = next(row for row in _compared(actor, first, second, unit) if row["verdict"].key == key)
    return row[group]


def _total(figure) -> int:
    return figure["tong"] if isinstance(figure, dict) else figure


def _compared(actor, first: dt.date, second: dt.date, unit: Unit | None) -> list[dict]:
    at_first = ids_behind_each(actor=actor, as_of=first, unit=unit)
    at_second = ids_behind_each(actor=actor, as_of=second, unit=unit)
    rows = []
    for verdict in REVIEW:
        before, after = at_first[verdict.key], at_second[verdict.key]
        kept_before, kept_after = set(before), set(after)
        rows.append(
            {
                "verdict": verdict,
                "first": len(before),
                "second": len(after),
                "vao": [pk for pk in after if pk not in kept_before],
                "ra": [pk for pk in before if pk not in kept_after],
            }
        )
    return rows
