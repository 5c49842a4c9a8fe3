"""The counts of the home page over the user's scope at D: cadres, those holding a position, units,
positions held and cadres planned. Every sign-in lands on this page; the counts are made once per
date and data version for the whole workforce, grouped by the units that decide scopes
(`canbo.people.reach`), and summed over the groups each user's scope reaches."""

import datetime as dt

from django.db.models import Exists, OuterRef, Value

from canbo.core.data_cache import remembered
from canbo.org.models import Unit
from canbo.people import reach
from canbo.people.active import active_q_for_cadres, held_positions
from canbo.people.models import Cadre, PlanningEntry
from canbo.people.selectors import planned_q


def scope_figures(*, actor, as_of: dt.date) -> dict:
    within = reach.reach_of(actor)
    planned = PlanningEntry.objects.filter(planned_q(as_of), cadre=OuterRef("pk"))
    cadres = Cadre.objects.order_by().values(
        "id",
        one=Value(1),
        holding=reach.flag(active_q_for_cadres(as_of)),
        planned=reach.flag(Exists(planned)),
    )
    by_cadre = reach.grouped_sums(cadres.query.sql_with_params(), ["one", "holding", "planned"], as_of)
    counted, holding, planned_count = reach.sum_within(within, by_cadre, 3)
    held = held_positions(as_of).order_by().values("cadre_id", "unit_id", one=Value(1))
    by_unit = reach.grouped_sums(
        held.query.sql_with_params(), ["one"], as_of, cadre="cadre_id", by=("unit_id",)
    )
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
        "planned": planned_count,
    }
