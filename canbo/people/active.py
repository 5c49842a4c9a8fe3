"""Who is active at a date D: one definition for every page, counter and list (SPEC §9).

A cadre is active at D when they hold a position at D (from ≤ D, no end or end ≥ D) and D is on
or before their retirement date. The facts' `active` column (`canbo.rules.facts`) is the same
condition in SQL and stays the reference; these are its ORM forms. A position of a cadre who has
retired is held until the retirement date: after it, it is no longer "being held".
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet

from canbo.core.dated import in_force_q
from canbo.people.models import PositionHolding


def not_retired_q(as_of: dt.date, prefix: str = "") -> Q:
    """Cadres (reached through `prefix`) whose retirement date is D or later."""
    return Q(**{f"{prefix}retirement_date__gte": as_of})


def held_q(as_of: dt.date) -> Q:
    """Positions being held at D: valid at D, by a cadre not retired at D."""
    return in_force_q(as_of) & not_retired_q(as_of, "cadre__")


def held_positions(as_of: dt.date) -> QuerySet[PositionHolding]:
    return PositionHolding.objects.filter(held_q(as_of))


def active_q_for_cadres(as_of: dt.date, where: Q | None = None) -> Q:
    """Cadres active at D; `where` narrows the position that makes them active (e.g. a subtree)."""
    positions = PositionHolding.objects.filter(in_force_q(as_of), cadre=OuterRef("pk"))
    if where is not None:
        positions = positions.filter(where)
    return not_retired_q(as_of) & Q(Exists(positions))

