"""The counts of the home page over the user's scope at D: cadres, those holding a position, units,
positions held and cadres planned. Every sign-in lands on this page, so they are kept until the data
changes: counted once per date for the whole workforce, grouped by the units that decide scopes
(`canbo.people.reach`), and summed over the groups each user's scope reaches; a unit's subtree is
counted on its own while those are not kept."""

import datetime as dt

from django.db.models import Exists, OuterRef, Value

from canbo.core.data_cache import remembered, remembered_over
from canbo.org.models import Unit
from canbo.org.selectors import visible_units
from canbo.people import reach, reach_groups
from canbo.people.active import active_q_for_cadres, held_positions
from canbo.people.models import Cadre, PlanningEntry
from canbo.people.selectors import planned_q, visible_cadres


def _planned(as_of: dt.date) -> Exists:
    return Exists(PlanningEntry.objects.filter(planned_q(as_of), cadre=OuterRef("pk")))


def scope_figures(*, actor, as_of: dt.date) -> dict:
    only_kept = not reach.shares_population(actor)
    cadres = Cadre.objects.order_by().values(
        "id",
        one=Value(1),
        holding=reach.flag(active_q_for_cadres(as_of)),
        planned=reach.flag(_planned(as_of)),
    )
    by_cadre = reach.grouped_sums(
        reach.among(cadres), ["one", "holding", "planned"], as_of, only_kept=only_kept
    )
    held = held_positions(as_of).order_by().values("cadre_id", "unit_id", one=Value(1))
    by_unit = reach.grouped_sums(
        reach.among(held, "cadre_id"), ["one"], as_of, cadre="cadre_id", by=("unit_id",), only_kept=only_kept
    )
    if by_cadre is None or by_unit is None:
        return _counted_over_scope(actor, as_of)
    within = reach.reach_of(actor)
    counted, holding, planned = reach_groups.sum_within(within, by_cadre, 3)
    holdings = sum(
        n for keys_held, keys_btv, unit_id, n in by_unit
        if within.sees_unit(unit_id) and within.covers(keys_held, keys_btv)
    )
    units = len(within.units) if within.units is not None else remembered(("units",), Unit.objects.count)
    return {
        "cadres": counted,
        "holding_cadres": holding,
        "units": units,
        "holdings": holdings,
        "planned": planned,
    }


def _counted_over_scope(actor, as_of: dt.date) -> dict:
    cadres = visible_cadres(actor, as_of)
    units = visible_units(actor)
    counted = {
        "cadres": cadres,
        "holding_cadres": cadres.filter(active_q_for_cadres(as_of)),
        "units": units,
        "holdings": held_positions(as_of).filter(cadre__in=cadres, unit__in=units),
        "planned": cadres.filter(_planned(as_of)),
    }

    def count() -> dict:
        return {name: query.count() for name, query in counted.items()}

    return remembered_over(counted.values(), ("scope figures",), count)
