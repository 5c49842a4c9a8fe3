"""Reads of posts, vacancies and proposal checks, within the actor's scope.

A code the actor may not see is an unknown code (`UnknownCode`, a `NotFound`): pages and the API
answer 404, the proposal form names the field, commands exit with its message. A unit filter is
read by `canbo.org.selectors.unit_get`, like every other page's.
"""

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from canbo.core import deltas, moving
from canbo.core.errors import NotFound
from canbo.org.models import PositionType, Unit
from canbo.org.selectors import visible_units
from canbo.people import reach
from canbo.people.active import held_positions
from canbo.people.models import Cadre, PositionHolding
from canbo.people.selectors import visible_cadres
from canbo.rules import proposals
from canbo.rules.pairs import Proposal


class UnknownCode(NotFound):
    """A cadre, unit or position type code that does not exist, or that the actor may not see."""

    def __init__(self, what: str, code: str):
        messages = {
            "don_vi": _("Không có đơn vị mã “%(code)s”."),
            "chuc_danh": _("Không có chức danh mã “%(code)s”."),
            "can_bo": _("Không có cán bộ mã “%(code)s” trong phạm vi của bạn."),
        }
        super().__init__(messages[what] % {"code": code})
        self.what, self.code = what, code


def any_unit(*, code: str) -> Unit:
    """A target unit may lie outside the actor's scope (a rotation goes elsewhere)."""
    unit = Unit.objects.select_related("locality").filter(code=code).first()
    if unit is None:
        raise UnknownCode("don_vi", code)
    return unit


def position_type(*, code: str) -> PositionType:
    found = PositionType.objects.filter(code=code).first()
    if found is None:
        raise UnknownCode("chuc_danh", code)
    return found


def cadre_in_scope(*, actor, code: str, as_of: dt.date) -> Cadre:
    cadre = visible_cadres(actor, as_of).select_related("hometown").filter(code=code).first()
    if cadre is None:
        raise UnknownCode("can_bo", code)
    return cadre


def vacancy_list(*, actor, as_of: dt.date, unit: Unit | None = None, key_only: bool = False) -> list[dict]:
    """Vacancies at D of the units the actor sees (of `unit`'s subtree when given), each with the
    names of its unit and type and the holders at D."""
    units: QuerySet = visible_units(actor)
    if unit is not None:
        units = units.filter(path__startswith=unit.path)
    rows = proposals.vacancies(as_of, units=units, key_only=key_only)
    names = dict(Unit.objects.filter(id__in={r["target_unit_id"] for r in rows}).values_list("id", "name"))
    types = dict(
        PositionType.objects.filter(id__in={r["target_type_id"] for r in rows}).values_list("id", "name")
    )
    holders: dict[tuple, list] = {}
    holdings = (
        held_positions(as_of).filter(unit_id__in={r["target_unit_id"] for r in rows}).select_related("cadre")
    )
    for holding in holdings.order_by("cadre__code"):
        holders.setdefault((holding.unit_id, holding.position_type_id), []).append(holding.cadre)
    for row in rows:
        row["unit_name"] = names[row["target_unit_id"]]
        row["type_name"] = types[row["target_type_id"]]
        row["holders"] = holders.get((row["target_unit_id"], row["target_type_id"]), [])
    return rows


def key_vacancy_count(*, actor, as_of: dt.date) -> int:
    """How many key posts have a vacant seat at D in the units the actor sees (`vacancy_list` with
    `key_only`): the key vacancies of the whole province per unit, kept, and counted again for the
    units a write touched (`canbo.core.deltas`), counted over the actor's units."""

    def rows(ids: frozenset[int] | None) -> list[tuple[int, list]]:
        found = proposals.vacancies(as_of, key_only=True, unit_ids=None if ids is None else sorted(ids))
        return [(row["target_unit_id"], [row["target_unit_id"], 1]) for row in found]

    units = deltas.grouped(("key vacancies", as_of), rows, 1, touched=_units_touched)
    within = reach.reach_of(actor)
    return sum(n for unit_id, n in units if within.sees_unit(unit_id))


def _units_touched(touched: moving.Touched) -> frozenset[int]:
    """The units whose holders a write may have changed: the units of the positions it wrote and
    of every position its cadres hold or held (a cadre's retirement date decides whether they hold)."""
    held = PositionHolding.objects.filter(cadre_id__in=touched.cadres).values_list("unit_id", flat=True)
    return touched.units | frozenset(held)


def proposal_check(*, actor, cadre_code: str, unit_code: str, type_code: str, proposal: Proposal):
    """The JSON of SPEC §11 and its explanation, for a cadre the actor sees."""
    cadre = cadre_in_scope(actor=actor, code=cadre_code, as_of=proposal.start)
    unit = any_unit(code=unit_code)
    target_type = position_type(code=type_code)
    result, explanation = proposals.proposal_check(
        cadre=cadre, unit=unit, position_type=target_type, proposal=proposal
    )
    left = Unit.objects.filter(code=result["tu_don_vi"]).first() if result["tu_don_vi"] else None
    explanation.update({"cadre": cadre, "unit": unit, "position_type": target_type, "from_unit": left})
    return result, explanation
