"""REST API of the unit tree and the people in each unit, scoped like the pages."""

import datetime as dt

from ninja import Router, Schema
from ninja.pagination import paginate

from canbo.accounts.api import API_AUTH, IsoDate, Pages, as_of_or_today, requires_api, responses
from canbo.core.capabilities import Action
from canbo.org.selectors import units_in_force
from canbo.people.units import unit_record

router = Router(tags=["đơn vị"], auth=API_AUTH)


class UnitOut(Schema):
    code: str
    name: str
    level: str
    bloc: str
    parent_code: str | None
    locality_code: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor_code: str | None

    @staticmethod
    def resolve_parent_code(unit):
        return unit.parent.code if unit.parent_id else None

    @staticmethod
    def resolve_successor_code(unit):
        return unit.successor.code if unit.successor_id else None

    @staticmethod
    def resolve_locality_code(unit):
        return unit.locality.code


class UnitHoldingOut(Schema):
    cadre_code: str
    cadre_name: str
    position_type_code: str
    position_type_name: str
    valid_from: dt.date
    valid_to: dt.date | None


class UnitDetailOut(Schema):
    unit: UnitOut
    as_of: dt.date
    children: list[str]
    holdings: list[UnitHoldingOut]


@router.get("/", response=responses(list[UnitOut]), summary="Đơn vị trong phạm vi, đang hoạt động tại ngày")
@requires_api(Action.VIEW_RECORDS)
@paginate(Pages, page_size=100)
def unit_list(request, cap: str = "", khoi: str = "", as_of: IsoDate | None = None):
    units = units_in_force(actor=request.auth, as_of=as_of_or_today(as_of))
    units = units.select_related("parent", "locality", "successor").order_by("path")
    if cap:
        units = units.filter(level=cap)
    if khoi:
        units = units.filter(bloc=khoi)
    return units


@router.get("/{ma}", response=responses(UnitDetailOut),
            summary="Một đơn vị: đơn vị trực thuộc, người giữ chức danh tại ngày")
@requires_api(Action.VIEW_RECORDS)
def unit_detail(request, ma: str, as_of: IsoDate | None = None):
    day = as_of_or_today(as_of)
    record = unit_record(actor=request.auth, code=ma, as_of=day)
    return {
        "unit": record.unit,
        "as_of": day,
        "children": [child.code for child in record.children],
        "holdings": [
            {
                "cadre_code": h.cadre.code, "cadre_name": h.cadre.full_name,
                "position_type_code": h.position_type.code, "position_type_name": h.position_type.name,
                "valid_from": h.valid_from, "valid_to": h.valid_to,
            }
            for h in record.holdings
        ],
    }
