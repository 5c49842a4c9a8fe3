"""The kinds of a cadre's record that officials edit by hand, each described once: the sheet of the
exchange workbook whose columns (and so whose checks) its form has, the model field each column fills,
and the service that adds a row. One form and one set of views serve them all (canbo.people.record_forms,
canbo.people.record_views)."""

from collections.abc import Callable
from dataclasses import dataclass

from canbo.people import schema, services
from canbo.people.models import (
    Award,
    Cadre,
    Discipline,
    Evaluation,
    FamilyMember,
    Movement,
    PlanningEntry,
    PositionHolding,
    Qualification,
    Residence,
    SalaryStep,
)


@dataclass(frozen=True)
class RecordKind:
    slug: str  # in the URL: /can-bo/<code>/<slug>/…
    sheet: schema.Sheet
    model: type
    # column key -> model field (a tuple for a column that fills two: a birth date, a term)
    fields: dict[str, str | tuple[str, str]]
    add: Callable | None = None  # the service adding a row: add(actor=…, cadre=…, **fields)
    section: str = ""  # id of the section of the cadre page that lists the rows

    @property
    def title(self) -> str:
        return self.sheet.label


KINDS = (
    RecordKind("cong-tac", schema.HOLDINGS, PositionHolding, {
        "ma_don_vi": "unit", "ma_chuc_danh": "position_type", "tu_ngay": "valid_from", "den_ngay": "valid_to",
    }, services.holding_add, "h-holdings"),
    RecordKind("trinh-do", schema.QUALIFICATIONS, Qualification, {
        "loai": "kind", "bac": "level", "ngay_cap": "obtained_on", "he": "mode", "xep_loai": "grade",
        "chuyen_nganh": "major", "so_tiet_trung_llct": "llct_overlap_periods", "noi_cap": "issuer",
    }, services.qualification_add, "h-qualifications"),
    RecordKind("quy-hoach", schema.PLANNING, PlanningEntry, {
        "ma_chuc_danh": "position_type", "ma_don_vi": "unit", "nhiem_ky": ("term_start", "term_end"),
        "ngay_phe_duyet": "approved_on",
    }, services.planning_add, "h-planning"),
    RecordKind("ky-luat", schema.DISCIPLINE, Discipline, {
        "hinh_thuc": "form", "ngay_quyet_dinh": "decided_on", "hieu_luc_den": "effective_until",
    }, services.discipline_add, "h-discipline"),
    RecordKind("danh-gia", schema.EVALUATIONS, Evaluation, {
        "nam": "year", "xep_loai": "rating", "uy_tin_giam": "prestige_decline",
    }, services.evaluation_add, "h-evaluations"),
    RecordKind("luan-chuyen", schema.MOVEMENTS, Movement, {
        "loai": "kind", "tu_don_vi": "from_unit", "den_don_vi": "to_unit",
        "ma_chuc_danh_moi": "new_position_type", "tu_ngay": "valid_from", "den_ngay": "valid_to",
        "so_quyet_dinh": "decision_no",
    }, services.movement_add, "h-movements"),
    RecordKind("noi-o", schema.RESIDENCES, Residence, {
        "loai": "kind", "dia_chi": "address", "tu_ngay": "valid_from", "den_ngay": "valid_to",
    }, services.residence_add, "h-residences"),
    RecordKind("khen-thuong", schema.AWARDS, Award, {
        "hinh_thuc": "form", "cap_quyet_dinh": "decided_by", "so_quyet_dinh": "decision_no",
        "ngay_quyet_dinh": "decided_on", "ly_do": "reason",
    }, services.award_add, "h-awards"),
    RecordKind("luong", schema.SALARY, SalaryStep, {
        "ma_ngach": "rank", "bac": "step", "he_so": "coefficient", "tu_ngay": "valid_from",
    }, services.salary_step_add, "h-salary"),
    RecordKind("gia-dinh", schema.FAMILY, FamilyMember, {
        "quan_he": "relation", "ho_ten": "full_name", "nam_sinh": "birth_year", "nghe_nghiep": "occupation",
        "noi_o": "residence",
    }, services.family_member_add, "h-family"),
)
KIND_BY_SLUG = {kind.slug: kind for kind in KINDS}
KIND_BY_MODEL = {kind.model._meta.label: kind for kind in KINDS}

# The cadre's own fields: the `can_bo` sheet.
CADRE = RecordKind("can-bo", schema.CADRES, Cadre, {
    "ma": "code", "ho_ten": "full_name", "ngay_sinh": ("birth_date", "birth_precision"),
    "gioi_tinh": "gender", "dan_toc": "ethnicity", "que_quan": "hometown", "noi_sinh": "birthplace",
    "dang_vien": "party_member", "ngay_vao_dang": "party_join_date", "loai": "category", "ngach": "rank",
    "ngay_tuyen_dung": "employment_start",
    "so_dinh_danh": "personal_id", "ten_goi_khac": "other_names", "ton_giao": "religion",
    "ngay_chinh_thuc": "party_official_date",
})

# The first position of a cadre being added, so that the office adding them sees them afterwards.
FIRST_HOLDING_KEYS = ("ma_don_vi", "ma_chuc_danh", "tu_ngay")


class KindConverter:
    """`<kind:kind>` in a URL: the slug of one of KINDS."""

    regex = "|".join(kind.slug for kind in KINDS)

    def to_python(self, value: str) -> RecordKind:
        return KIND_BY_SLUG[value]

    def to_url(self, value) -> str:
        return value.slug if isinstance(value, RecordKind) else value

