"""Reads of units within the actor's scope."""

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from canbo.accounts.scope import unit_condition
from canbo.core.errors import NotFound
from canbo.core.levels import Level
from canbo.org.models import Locality, Unit


def province_name() -> str:
    """The province's name, as documents write it: `Lâm Đồng`. It is the province whose units canbo keeps
    (the localities also hold other provinces, where cadres were born)."""
    root = (Locality.objects.filter(parent=None, level=Level.TINH, units__level=Level.TINH).distinct()
            .order_by("code").first())
    return root.name if root else ""


def visible_units(actor) -> QuerySet[Unit]:
    """The units `actor` sees (SPEC §1, narrowed by the user's own scope)."""
    condition = unit_condition(actor)
    return Unit.objects.all() if condition is None else Unit.objects.filter(condition)


def unit_get(*, actor, code: str) -> Unit:
    """The unit with this code if `actor` may see it; NotFound otherwise."""
    unit = visible_units(actor).select_related("parent", "locality").filter(code=code).first()
    if unit is None:
        raise NotFound(_("Không có đơn vị mã “%(code)s” trong phạm vi của bạn.") % {"code": code})
    return unit


def units_in_force(*, actor, as_of: dt.date) -> QuerySet[Unit]:
    """The units in the actor's scope that exist at D (opened on or before D, not yet closed): what
    lists, pickers and trees as of D offer. Histories name their units whatever the date."""
    return visible_units(actor).in_force(as_of)
