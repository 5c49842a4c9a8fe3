"""REST API of the unit tree and the people in each unit, scoped like the pages."""

import datetime as dt

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from canbo.accounts.api import API_AUTH, Day, Pages, as_of_or_today, requires_api, responses
from canbo.core.capabilities import Action
from canbo.org.selectors import units_in_force
from canbo.people.units import unit_record

router = Router(tags=["đơn vị"], auth=API_AUTH)


# Keys as in the exchange workbook's `don_vi` and `cong_tac` sheets (SPEC §7).
class UnitOut(Schema):
    ma: str = Field(validation_alias="code")
    ten: str = Field(validation_alias="name")
    cap: str = Field(validation_alias="level")
    khoi: str = Field(validation_alias="bloc")
    ma_cha: str | None
    dia_ban: str
    tu_ngay: dt.date | None = Field(validation_alias="valid_from")
    den_ngay: dt.date | None = Field(validation_alias="valid_to")
    ma_don_vi_ke_thua: str | None

    @staticmethod
    def resolve_ma_cha(unit):
        return unit.parent.code if unit.parent_id else None

    @staticmethod
    def resolve_ma_don_vi_ke_thua(unit):
        return unit.successor.code if unit.successor_id else None

    @staticmethod
    def resolve_dia_ban(unit):
        return unit.locality.code


class UnitHoldingOut(Schema):
    ma_can_bo: str
    ho_ten: str
    ma_chuc_danh: str
    ten_chuc_danh: str
    tu_ngay: dt.date
    den_ngay: dt.date | None


class UnitDetailOut(Schema):
    don_vi: UnitOut
    as_of: dt.date
    don_vi_truc_thuoc: list[str]
    cong_tac: list[UnitHoldingOut]


@router.get("/", response=responses(list[UnitOut]), summary="Đơn vị trong phạm vi, đang hoạt động tại ngày")
@requires_api(Action.VIEW_RECORDS)
@paginate(Pages, page_size=100)
def unit_list(request, cap: str = "", khoi: str = "", as_of: Day | None = None):
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
def unit_detail(request, ma: str, as_of: Day | None = None):
    day = as_of_or_today(as_of)
    record = unit_record(actor=request.auth, code=ma, as_of=day)
    return {
        "don_vi": record.unit,
        "as_of": day,
        "don_vi_truc_thuoc": [child.code for child in record.children],
        "cong_tac": [
            {
                "ma_can_bo": h.cadre.code, "ho_ten": h.cadre.full_name,
                "ma_chuc_danh": h.position_type.code, "ten_chuc_danh": h.position_type.name,
                "tu_ngay": h.valid_from, "den_ngay": h.ended_on,
            }
            for h in record.holdings
        ],
    }
