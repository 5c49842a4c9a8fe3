"""A review figure split by units, for the chart of the review page.

The bars are the units charted (the children of the unit chosen, or the top of the user's tree, or
the children of that top when it is a single unit) that hold people of the figure, the ones with the
most first, at most `size` of them; a last bar counts the people of the
figure under none of the units shown (people at the unit itself, under units too small to show,
or, for `btc`, BTV-managed cadres in state units), so the bars account for everyone in the
figure. Each bar opens a list of exactly its people: a unit's through `don_vi`, the last one
through `people_behind(..., outside=<the units shown>)`.
"""

import datetime as dt
from dataclasses import dataclass

from canbo.org.models import Unit
from canbo.org.selectors import units_in_force
from canbo.people import reach, reach_groups
from canbo.reports.selectors import population, subtree_ids, verdict_for_key
from canbo.rules import engine

CHART_UNITS = 24
CHART_UNITS_COUNTED = 500


@dataclass
class Chart:
    bars: list[tuple[Unit, int]]
    rest: int     # people of the figure under none of the units of `bars`
    hidden: int   # units with people of the figure but too small to show


def chart_units(*, actor, unit: Unit | None, as_of: dt.date) -> list[Unit]:
    """The units in force at D a chart splits a figure by: the children of `unit`, or the top of
    the user's tree, or the children of that top when it is one unit (a district's officer sees
    its offices and communes rather than one bar); at most CHART_UNITS_COUNTED of them."""
    units = units_in_force(actor=actor, as_of=as_of)
    if unit is None:
        top = list(units.exclude(parent__in=units).order_by("code")[:CHART_UNITS_COUNTED])
        if len(top) != 1:
            return top
        unit = top[0]
    return list(units.filter(parent=unit).order_by("code")[:CHART_UNITS_COUNTED])


def review_chart(*, actor, as_of: dt.date, key: str, unit: Unit | None, size: int = CHART_UNITS) -> Chart:
    units = chart_units(actor=actor, unit=unit, as_of=as_of)
    charted = {u.id for u in units}
    under = {
        unit_id: {int(a) for a in path.strip("/").split("/") if a and int(a) in charted}
        for unit_id, path in Unit.objects.values_list("id", "path")
    }
    counted = _held_from_sums(actor, as_of, key, unit)
    if counted is None:
        restrict = population(actor=actor, as_of=as_of, unit=unit)
        people = engine.units_of_matching(engine.context_for(as_of), verdict_for_key(key).condition, restrict)
        counted = [(held, 1) for held in people.values()]
    bars_of = [(set().union(*(under.get(u, ()) for u in held)), n) for held, n in counted]
    counts = dict.fromkeys(charted, 0)
    for bars, n in bars_of:
        for unit_id in bars:
            counts[unit_id] += n
    ranked = sorted((u for u in units if counts[u.id]), key=lambda u: (-counts[u.id], u.path))  # none at 0
    shown = ranked[:size]
    shown_ids = {u.id for u in shown}
    rest = sum(n for bars, n in bars_of if not bars & shown_ids)
    return Chart(bars=[(u, counts[u.id]) for u in shown], rest=rest, hidden=len(ranked) - len(shown))


def _held_from_sums(
    actor, as_of: dt.date, key: str, unit: Unit | None
) -> list[tuple[frozenset[int], int]] | None:
    """The people of the figure as (units held at D, how many) per group of the review's kept sums
    (`selectors.review`): everyone in a group holds the same units, so the chart needs no pass over
    the people. None where the figure is not a review figure or the sums are not kept."""
    column = engine.review_column(key)
    rows = None if column is None else engine.review_sums_by_reach(engine.context_for(as_of), only_kept=True)
    if rows is None:
        return None
    within, held_under = reach.reach_of(actor), None if unit is None else subtree_ids(unit)
    counted = []
    for row in rows:
        held = reach_groups.unit_ids(row[0])
        if row[2 + column] and within.covers(row[0], row[1]) and (held_under is None or held & held_under):
            counted.append((held, row[2 + column]))
    return counted


def shown_units(
    *, actor, as_of: dt.date, key: str, unit: Unit | None, size: int = CHART_UNITS
) -> list[Unit]:
    """The units that have a bar in the chart of `key` (what its last bar leaves out)."""
    split = review_chart(actor=actor, as_of=as_of, key=key, unit=unit, size=size)
    return [bar_unit for bar_unit, _n in split.bars]
