"""The exchange workbook of SPEC §7, defined once for the reader, the writer, the demo and the tests.

Each sheet lists its columns in order. A column has a key (row 1 of the sheet), whether it is
required, how a cell is read (`kind`), the sheet its codes refer to (`ref`), the allowed values
of an enumeration (`choices`) and, for a whole number, its plausible range (`bounds`, a function of
today from `canbo.core.bounds`; dates, birth dates and terms have the bounds of their kind).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from canbo.core import bounds
from canbo.core.levels import Bloc, Grade, Kind, Level, Mode, level_codes
from canbo.people.models import (
    COEFFICIENTS,
    STEPS,
    Category,
    Gender,
    MovementKind,
    Rating,
    Relation,
    ResidenceKind,
)

# How a cell is read (see canbo.people.cells).
TEXT = "text"  # free text, trimmed
TITLE = "title"  # the name of a locality, unit, position type or rank: text with a letter
NAME = "name"  # a person's name: letters, no digits
CODE = "code"  # a code (canbo.core.codes); 672 and 672.0 typed as numbers are the code "672"
DATE = "date"  # a date cell, or text YYYY-MM-DD or dd/mm/yyyy
BIRTH = "birth"  # like DATE, also YYYY-MM or YYYY; keeps the precision
BOOL = "bool"  # 0/1
INT = "int"  # a whole number
ENUM = "enum"  # one of `choices`
TERM = "term"  # a term of office "2020-2025"
ID_NUMBER = "id_number"  # a personal identification number: exactly 12 digits, kept as text
DECIMAL = "decimal"  # a number with at most two decimals, "4,98" or "4.98"


@dataclass(frozen=True)
class Column:
    key: str
    kind: str = TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # sheet whose `ma` this code must name
    max_length: int | None = None
    bounds: Callable | None = None  # INT, DECIMAL: today -> (lowest, highest)


@dataclass(frozen=True)
class Sheet:
    name: str
    label: str
    columns: tuple[Column, ...]
    unique_key: str | None = "ma"  # column whose values may not repeat within the sheet
    required: bool = True  # a workbook without this sheet is refused (else: the sheet has no rows)
    keys: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self):
        object.__setattr__(self, "keys", tuple(column.key for column in self.columns))

    def index(self, key: str) -> int:
        return self.keys.index(key)


def _enum(key: str, choices, required: bool = False) -> Column:
    values = tuple(choices.values) if hasattr(choices, "values") else tuple(choices)
    return Column(key, ENUM, required, values)


def _level(key: str, kind: str) -> Column:
    return Column(key, ENUM, False, tuple(level_codes(kind)))


KIND_CODES = tuple(Kind.values)
ALL_LEVEL_CODES = tuple(sorted({code for kind in KIND_CODES for code in level_codes(kind)}))

LOCALITIES = Sheet(
    "dia_ban",
    _("Địa bàn"),
    (
        Column("ma", CODE, True, max_length=20),
        Column("ten", TITLE, True, max_length=200),
        _enum("cap", Level, True),
        Column("ma_cha", CODE, ref="dia_ban"),
    ),
)

UNITS = Sheet(
    "don_vi",
    pgettext_lazy("số nhiều", "Đơn vị"),
    (
        Column("ma", CODE, True, max_length=30),
        Column("ten", TITLE, True, max_length=255),
        _enum("cap", Level, True),
        _enum("khoi", Bloc, True),
        Column("ma_cha", CODE, ref="don_vi"),
        Column("dia_ban", CODE, True, ref="dia_ban"),
        Column("tu_ngay", DATE),
        Column("den_ngay", DATE),
        Column("ma_don_vi_ke_thua", CODE, ref="don_vi"),
    ),
)

POSITION_TYPES = Sheet(
    "chuc_danh",
    pgettext_lazy("số nhiều", "Chức danh"),
    (
        Column("ma", CODE, True, max_length=30),
        Column("ten", TITLE, True, max_length=255),
        _level("llct", Kind.LLCT),
        _level("chuyen_mon", Kind.CHUYEN_MON),
        _level("qlnn", Kind.QLNN),
        _level("ngoai_ngu", Kind.NGOAI_NGU),
        _level("tin_hoc", Kind.TIN_HOC),
        Column("dien_btv", BOOL),
        Column("chu_chot", BOOL),
        Column("khong_nguoi_dia_phuong", BOOL),
        Column("tu_pho_phong", BOOL),
        Column("can_cu", TEXT, max_length=255),
    ),
)

# Model fields behind the `chuc_danh` and `ngach` columns after `ma`: the catalogue row's, then its
# first standard version's (`org.StandardVersion`), in column order. The loader writes them and
# the exporter reads them.
POSITION_TYPE_FIELDS = ("name", "btv_managed", "key_position", "non_local_required", "deputy_head_or_above")
POSITION_STANDARD_FIELDS = (
    "req_llct",
    "req_chuyen_mon",
    "req_qlnn",
    "req_ngoai_ngu",
    "req_tin_hoc",
    "source",
)
RANK_FIELDS = ("name",)
RANK_STANDARD_FIELDS = ("req_qlnn", "req_ngoai_ngu", "req_tin_hoc")

# Model fields behind the `can_bo` columns, in column order (`ngay_sinh` is a date and its precision).
CADRE_FIELDS = (
    "code",
    "full_name",
    "birth_date",
    "birth_precision",
    "gender",
    "ethnicity",
    "hometown_id",
    "birthplace_id",
    "party_member",
    "party_join_date",
    "category",
    "rank_id",
    "employment_start",
    "personal_id",
    "other_names",
    "religion",
    "party_official_date",
)

RANKS = Sheet(
    "ngach",
    pgettext_lazy("số nhiều", "Ngạch"),
    (
        Column("ma", CODE, True, max_length=30),
        Column("ten", TITLE, True, max_length=255),
        _level("qlnn", Kind.QLNN),
        _level("ngoai_ngu", Kind.NGOAI_NGU),
        _level("tin_hoc", Kind.TIN_HOC),
    ),
)

CADRES = Sheet(
    "can_bo",
    pgettext_lazy("số nhiều", "Cán bộ"),
    (
        Column("ma", CODE, True, max_length=30),
        Column("ho_ten", NAME, True, max_length=120),
        Column("ngay_sinh", BIRTH, True),
        _enum("gioi_tinh", Gender, True),
        Column("dan_toc", TEXT, max_length=40),
        Column("que_quan", CODE, ref="dia_ban"),
        Column("noi_sinh", CODE, ref="dia_ban"),
        Column("dang_vien", BOOL),
        Column("ngay_vao_dang", DATE),
        _enum("loai", Category, True),
        Column("ngach", CODE, ref="ngach"),
        Column("ngay_tuyen_dung", DATE),
        Column("so_dinh_danh", ID_NUMBER),
        Column("ten_goi_khac", TEXT, max_length=200),
        Column("ton_giao", TEXT, max_length=60),
        Column("ngay_chinh_thuc", DATE),
    ),
)

HOLDINGS = Sheet(
    "cong_tac",
    _("Quá trình công tác"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        Column("ma_don_vi", CODE, True, ref="don_vi"),
        Column("ma_chuc_danh", CODE, True, ref="chuc_danh"),
        Column("tu_ngay", DATE, True),
        Column("den_ngay", DATE),
    ),
    unique_key=None,
)

QUALIFICATIONS = Sheet(
    "trinh_do",
    _("Trình độ"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        _enum("loai", KIND_CODES, True),
        Column("bac", ENUM, True, ALL_LEVEL_CODES),  # must also belong to `loai` (checked per row)
        Column("ngay_cap", DATE, True),
        _enum("he", Mode),
        _enum("xep_loai", Grade),
        Column("chuyen_nganh", TEXT, max_length=200),
        Column("so_tiet_trung_llct", INT, bounds=bounds.llct_periods),
        Column("noi_cap", TEXT, max_length=200),
    ),
    unique_key=None,
)

PLANNING = Sheet(
    "quy_hoach",
    _("Quy hoạch"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        Column("ma_chuc_danh", CODE, True, ref="chuc_danh"),
        Column("ma_don_vi", CODE, ref="don_vi"),
        Column("nhiem_ky", TERM, True),
        Column("ngay_phe_duyet", DATE, True),
    ),
    unique_key=None,
)

DISCIPLINE = Sheet(
    "ky_luat",
    _("Kỷ luật"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        Column("hinh_thuc", TEXT, True, max_length=100),
        Column("ngay_quyet_dinh", DATE, True),
        Column("hieu_luc_den", DATE),
    ),
    unique_key=None,
)

EVALUATIONS = Sheet(
    "danh_gia",
    _("Đánh giá"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        Column("nam", INT, True, bounds=bounds.years),
        _enum("xep_loai", Rating, True),
        Column("uy_tin_giam", BOOL),
    ),
    unique_key=None,
)

MOVEMENTS = Sheet(
    "luan_chuyen",
    _("Luân chuyển, điều động"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        _enum("loai", MovementKind, True),
        Column("tu_don_vi", CODE, True, ref="don_vi"),
        Column("den_don_vi", CODE, True, ref="don_vi"),
        Column("ma_chuc_danh_moi", CODE, ref="chuc_danh"),
        Column("tu_ngay", DATE, True),
        Column("den_ngay", DATE),
        Column("so_quyet_dinh", TEXT, max_length=60),
    ),
    unique_key=None,
)

POSTS = Sheet(
    "vi_tri",
    pgettext_lazy("trang tính", "Vị trí"),
    (
        Column("ma_don_vi", CODE, True, ref="don_vi"),
        Column("ma_chuc_danh", CODE, True, ref="chuc_danh"),
        Column("so_luong", INT, True, bounds=bounds.seats),
        Column("tu_ngay", DATE),
        Column("den_ngay", DATE),
    ),
    unique_key=None,
)

RESIDENCES = Sheet(
    "noi_o",
    _("Nơi ở"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        _enum("loai", ResidenceKind, True),
        Column("dia_chi", TEXT, True, max_length=255),
        Column("tu_ngay", DATE, True),
        Column("den_ngay", DATE),
    ),
    unique_key=None,
    required=False,
)

AWARDS = Sheet(
    "khen_thuong",
    _("Khen thưởng"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        Column("hinh_thuc", TEXT, True, max_length=200),
        Column("cap_quyet_dinh", TEXT, max_length=200),
        Column("so_quyet_dinh", TEXT, max_length=60),
        Column("ngay_quyet_dinh", DATE, True),
        Column("ly_do", TEXT, max_length=255),
    ),
    unique_key=None,
    required=False,
)

SALARY = Sheet(
    "luong",
    _("Quá trình lương"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        Column("ma_ngach", CODE, True, ref="ngach"),
        Column("bac", INT, True, bounds=lambda today: STEPS),
        Column("he_so", DECIMAL, True, bounds=lambda today: COEFFICIENTS),
        Column("tu_ngay", DATE, True),
    ),
    unique_key=None,
    required=False,
)

FAMILY = Sheet(
    "gia_dinh",
    _("Quan hệ gia đình"),
    (
        Column("ma_can_bo", CODE, True, ref="can_bo"),
        _enum("quan_he", Relation, True),
        Column("ho_ten", NAME, True, max_length=120),
        Column("nam_sinh", INT, bounds=bounds.family_birth_years),
        Column("nghe_nghiep", TEXT, max_length=200),
        Column("noi_o", TEXT, max_length=255),
    ),
    unique_key=None,
    required=False,
)

# In load order: every sheet refers only to sheets before it.
SHEETS: tuple[Sheet, ...] = (
    LOCALITIES,
    UNITS,
    POSITION_TYPES,
    RANKS,
    CADRES,
    HOLDINGS,
    QUALIFICATIONS,
    PLANNING,
    DISCIPLINE,
    EVALUATIONS,
    MOVEMENTS,
    POSTS,
    RESIDENCES,
    AWARDS,
    SALARY,
    FAMILY,
)
SHEET_BY_NAME = {sheet.name: sheet for sheet in SHEETS}

# Columns whose end date may not precede the start date: sheet -> (start key, end key).
DATE_RANGES = {
    "cong_tac": ("tu_ngay", "den_ngay"),
    "luan_chuyen": ("tu_ngay", "den_ngay"),
    "ky_luat": ("ngay_quyet_dinh", "hieu_luc_den"),
    "vi_tri": ("tu_ngay", "den_ngay"),
    "don_vi": ("tu_ngay", "den_ngay"),
    "noi_o": ("tu_ngay", "den_ngay"),
}

# Requirement columns of position types and ranks: key -> kind.
REQUIREMENT_KINDS = {
    "llct": Kind.LLCT,
    "chuyen_mon": Kind.CHUYEN_MON,
    "qlnn": Kind.QLNN,
    "ngoai_ngu": Kind.NGOAI_NGU,
    "tin_hoc": Kind.TIN_HOC,
}
