"""N1 (I.3): positions flagged `khong_nguoi_dia_phuong` must not be held by a local.

A violation is a position held at D whose type has the flag, in a unit whose locality contains
the holder's hometown (the same locality or one below it). Locality paths make containment a
prefix test that the database answers in one query. The rule runs only when the rule set in
force at D has it.
"""

import datetime as dt

from django.db.models import F, QuerySet

from canbo.core.dated import in_force_q
from canbo.people.models import PositionHolding
from canbo.rules.selectors import rule_set_in_force, rules_in_force

RULE = "N1"


def violations(as_of: dt.date, holdings: QuerySet | None = None, rules: dict | None = None) -> QuerySet:
    """`rules`: the rules in force at D when the caller has them (`ctx["rules"]`)."""
    base = holdings if holdings is not None else PositionHolding.objects.all()
    if RULE not in (rules if rules is not None else rules_in_force(rule_set_in_force(as_of))):
        return base.none()
    return (
        base.filter(
            in_force_q(as_of),
            position_type__non_local_required=True,
            cadre__hometown__isnull=False,
            cadre__hometown__path__startswith=F("unit__locality__path"),
        )
        .select_related("cadre", "cadre__hometown", "unit", "unit__locality", "position_type")
        .order_by("cadre__code", "unit__code", "id")
    )
