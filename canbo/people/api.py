"""REST API of cadre records: the list with the page's filters, and one cadre with every history."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from canbo.accounts.api import API_AUTH, Day, Pages, as_of_or_today, requires_api, responses
from canbo.audit.services import cadre_viewed
from canbo.core.capabilities import Action
from canbo.core.dates import format_partial_date
from canbo.people.selectors import CadreFilters, cadre_record, cadre_search

router = Router(tags=["cán bộ"], auth=API_AUTH)


class CadreQuery(Schema):
    q: str = ""
    don_vi: str = ""
    khoi: str = ""
    cap: str = ""
    loai: str = ""
    gioi_tinh: str = ""
    dan_toc: str = ""
    trang_thai: str = ""
    as_of: Day | None = None


# Keys as in the exchange workbook's sheets (SPEC §7), where the workbook has the field.
class HoldingOut(Schema):
    ma_don_vi: str
    ten_don_vi: str
    ma_chuc_danh: str
    ten_chuc_danh: str
    tu_ngay: dt.date
    den_ngay: dt.date | None


def _holding(h) -> dict:
    return {
        "ma_don_vi": h.unit.code, "ten_don_vi": h.unit.name,
        "ma_chuc_danh": h.position_type.code, "ten_chuc_danh": h.position_type.name,
        "tu_ngay": h.valid_from, "den_ngay": h.ended_on,
    }


class CadreOut(Schema):
    ma: str = Field(validation_alias="code")
    ho_ten: str = Field(validation_alias="full_name")
    ngay_sinh: str
    gioi_tinh: str = Field(validation_alias="gender")
    dan_toc: str = Field(validation_alias="ethnicity")
    loai: str = Field(validation_alias="category")
    ngay_nghi_huu: dt.date = Field(validation_alias="retirement_date")
    chuc_danh: list[HoldingOut]

    @staticmethod
    def resolve_ngay_sinh(cadre):
        return format_partial_date(cadre.birth_date, cadre.birth_precision)

    @staticmethod
    def resolve_chuc_danh(cadre):
        return [_holding(h) for h in cadre.current_holdings]


class QualificationOut(Schema):
    loai: str
    bac: str
    ngay_cap: dt.date
    he: str
    xep_loai: str
    chuyen_nganh: str
    noi_cap: str


class PlanningOut(Schema):
    ma_chuc_danh: str
    ma_don_vi: str | None
    nhiem_ky_tu: int
    nhiem_ky_den: int
    ngay_phe_duyet: dt.date
    con_hieu_luc: bool


class DisciplineOut(Schema):
    hinh_thuc: str
    ngay_quyet_dinh: dt.date
    hieu_luc_den: dt.date | None


class EvaluationOut(Schema):
    nam: int
    xep_loai: str
    uy_tin_giam: bool


class MovementOut(Schema):
    loai: str
    tu_don_vi: str
    den_don_vi: str
    ma_chuc_danh_moi: str | None
    tu_ngay: dt.date
    den_ngay: dt.date | None
    so_quyet_dinh: str


class ResidenceOut(Schema):
    loai: str
    dia_chi: str
    tu_ngay: dt.date
    den_ngay: dt.date | None


class AwardOut(Schema):
    hinh_thuc: str
    cap_quyet_dinh: str
    so_quyet_dinh: str
    ngay_quyet_dinh: dt.date
    ly_do: str


class SalaryOut(Schema):
    ma_ngach: str
    bac: int
    he_so: Decimal
    tu_ngay: dt.date


class FamilyOut(Schema):
    quan_he: str
    ho_ten: str
    nam_sinh: int | None
    nghe_nghiep: str
    noi_o: str


class CadreDetailOut(Schema):
    ma: str
    ho_ten: str
    ngay_sinh: str
    gioi_tinh: str
    dan_toc: str
    que_quan: str | None
    noi_sinh: str | None
    dang_vien: bool
    ngay_vao_dang: dt.date | None
    ngay_chinh_thuc: dt.date | None
    so_dinh_danh: str
    ten_goi_khac: str
    ton_giao: str
    loai: str
    ngach: str | None
    ngay_tuyen_dung: dt.date | None
    ngay_nghi_huu: dt.date
    as_of: dt.date
    tuoi: int
    da_nghi_huu: bool
    cong_tac: list[HoldingOut]
    trinh_do: list[QualificationOut]
    quy_hoach: list[PlanningOut]
    ky_luat: list[DisciplineOut]
    danh_gia: list[EvaluationOut]
    luan_chuyen: list[MovementOut]
    noi_o: list[ResidenceOut]
    khen_thuong: list[AwardOut]
    luong: list[SalaryOut]
    gia_dinh: list[FamilyOut]


@router.get("/", response=responses(list[CadreOut]), summary="Cán bộ trong phạm vi, lọc như trang danh sách")
@requires_api(Action.VIEW_RECORDS)
@paginate(Pages, page_size=50)
def cadre_list(request, filters: Query[CadreQuery]):
    values = filters.dict()
    day = as_of_or_today(values.pop("as_of"))
    return cadre_search(actor=request.auth, as_of=day, filters=CadreFilters(**values)).order_by("code")


@router.get("/{ma}", response=responses(CadreDetailOut),
            summary="Hồ sơ một cán bộ với mọi quá trình, tại ngày")
@requires_api(Action.VIEW_RECORDS)
def cadre_detail(request, ma: str, as_of: Day | None = None):
    day = as_of_or_today(as_of)
    record = cadre_record(actor=request.auth, code=ma, as_of=day)
    cadre = record.cadre
    cadre_viewed(request.auth, cadre)
    return {
        "ma": cadre.code, "ho_ten": cadre.full_name,
        "ngay_sinh": format_partial_date(cadre.birth_date, cadre.birth_precision),
        "gioi_tinh": cadre.gender, "dan_toc": cadre.ethnicity,
        "que_quan": cadre.hometown.code if cadre.hometown else None,
        "noi_sinh": cadre.birthplace.code if cadre.birthplace else None,
        "dang_vien": record.party_member, "ngay_vao_dang": record.party_join_date,
        "ngay_chinh_thuc": record.party_official_date, "so_dinh_danh": cadre.personal_id,
        "ten_goi_khac": cadre.other_names, "ton_giao": cadre.religion,
        "loai": cadre.category, "ngach": cadre.rank.code if cadre.rank else None,
        "ngay_tuyen_dung": cadre.employment_start, "ngay_nghi_huu": cadre.retirement_date,
        "as_of": day, "tuoi": record.age, "da_nghi_huu": record.retired,
        "cong_tac": [_holding(h) for h in record.holdings],
        "trinh_do": [
            {"loai": q.kind, "bac": q.level, "ngay_cap": q.obtained_on, "he": q.mode, "xep_loai": q.grade,
             "chuyen_nganh": q.major, "noi_cap": q.issuer}
            for q in record.qualifications
        ],
        "quy_hoach": [
            {"ma_chuc_danh": p.position_type.code, "ma_don_vi": p.unit.code if p.unit else None,
             "nhiem_ky_tu": p.term_start, "nhiem_ky_den": p.term_end, "ngay_phe_duyet": p.approved_on,
             "con_hieu_luc": p.in_force}
            for p in record.planning
        ],
        "ky_luat": [
            {"hinh_thuc": d.form, "ngay_quyet_dinh": d.decided_on, "hieu_luc_den": d.effective_until}
            for d in record.disciplines
        ],
        "danh_gia": [
            {"nam": e.year, "xep_loai": e.rating, "uy_tin_giam": e.prestige_decline}
            for e in record.evaluations
        ],
        "luan_chuyen": [
            {"loai": m.kind, "tu_don_vi": m.from_unit.code, "den_don_vi": m.to_unit.code,
             "ma_chuc_danh_moi": m.new_position_type.code if m.new_position_type else None,
             "tu_ngay": m.valid_from, "den_ngay": m.ended_on, "so_quyet_dinh": m.decision_no}
            for m in record.movements
        ],
        **_personal_history(record),
    }


def _personal_history(record) -> dict:
    """The personal history form's data, only ever read through `cadre_record` (the actor's scope)."""
    return {
        "noi_o": [
            {"loai": r.kind, "dia_chi": r.address, "tu_ngay": r.valid_from, "den_ngay": r.ended_on}
            for r in record.residences
        ],
        "khen_thuong": [
            {"hinh_thuc": a.form, "cap_quyet_dinh": a.decided_by, "so_quyet_dinh": a.decision_no,
             "ngay_quyet_dinh": a.decided_on, "ly_do": a.reason}
            for a in record.awards
        ],
        "luong": [
            {"ma_ngach": s.rank.code, "bac": s.step, "he_so": s.coefficient, "tu_ngay": s.valid_from}
            for s in record.salary_steps
        ],
        "gia_dinh": [
            {"quan_he": f.relation, "ho_ten": f.full_name, "nam_sinh": f.birth_year,
             "nghe_nghiep": f.occupation, "noi_o": f.residence}
            for f in record.family
        ],
    }
