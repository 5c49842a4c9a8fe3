"""Qualification kinds and their ordered levels (SPEC §2, §7).

Each level is stored twice: its code (`cao_cap`, `bac_3`, …) as typed in the workbook, and its
rank, an integer whose order is the order of the kind. Requirements are ranks, so "owes" is a
plain integer comparison that the database can run over the whole workforce.
"""

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    LLCT = "llct", _("Lý luận chính trị")
    CHUYEN_MON = "chuyen_mon", _("Chuyên môn")
    QLNN = "qlnn", _("Quản lý nhà nước")
    NGOAI_NGU = "ngoai_ngu", _("Ngoại ngữ")
    TIN_HOC = "tin_hoc", _("Tin học")
    QPAN = "qpan", _("Quốc phòng – an ninh")


# Numbered labels, worded in the reader's language when shown (`%` on a lazy text would word it once,
# in the language active when this module is imported).
_step = lazy(lambda n: gettext("Bậc %(n)s") % {"n": n}, str)
_group = lazy(lambda n: gettext("Đối tượng %(n)s") % {"n": n}, str)

# kind -> ordered (code, rank, label); rank 0 is "none" and never stored as a qualification.
LEVELS: dict[str, list[tuple[str, int, str]]] = {
    Kind.LLCT: [
        ("so_cap", 1, _("Sơ cấp")),
        ("trung_cap", 2, _("Trung cấp")),
        ("cao_cap", 3, _("Cao cấp")),
        ("cu_nhan", 3, _("Cử nhân")),
    ],
    Kind.CHUYEN_MON: [
        ("trung_cap", 1, _("Trung cấp")),
        ("cao_dang", 2, _("Cao đẳng")),
        ("dai_hoc", 3, _("Đại học")),
        ("thac_si", 4, _("Thạc sĩ")),
        ("tien_si", 5, _("Tiến sĩ")),
    ],
    Kind.QLNN: [
        ("chuyen_vien", 1, _("Chuyên viên")),
        ("chuyen_vien_chinh", 2, _("Chuyên viên chính")),
        ("chuyen_vien_cao_cap", 3, _("Chuyên viên cao cấp")),
    ],
    Kind.NGOAI_NGU: [(f"bac_{n}", n, _step(n)) for n in range(1, 7)],
    Kind.TIN_HOC: [("co_ban", 1, _("Cơ bản")), ("nang_cao", 2, _("Nâng cao"))],
    Kind.QPAN: [(f"doi_tuong_{n}", n, _group(n)) for n in range(1, 5)],
}

# The five kinds a position type or a rank can require (QPAN is recorded, never required).
REQUIRED_KINDS = (Kind.LLCT, Kind.CHUYEN_MON, Kind.QLNN, Kind.NGOAI_NGU, Kind.TIN_HOC)

NONE_LABEL = _("Không")


def rank_of(kind: str, code: str | None) -> int:
    """Rank of a level code within its kind; empty means none (0). Raises KeyError when unknown."""
    if not code:
        return 0
    for level_code, rank, _label in LEVELS[kind]:
        if level_code == code:
            return rank
    raise KeyError(code)


def code_of(kind: str, rank: int) -> str:
    """Canonical level code of a rank (the first code listed with it); '' for none."""
    if rank <= 0:
        return ""
    for level_code, level_rank, _label in LEVELS[kind]:
        if level_rank == rank:
            return level_code
    raise KeyError(rank)


def label_of(kind: str, rank: int) -> str:
    if rank <= 0:
        return str(NONE_LABEL)
    for _code, level_rank, label in LEVELS[kind]:
        if level_rank == rank:
            return str(label)
    raise KeyError(rank)


def qualification_words(item: dict) -> str:
    """What a programme's pass gives, one entry (`{"kind", "level", "as_required"}`), in words:
    "Lý luận chính trị: Cao cấp", or the level the trainee's standard required."""
    kind = Kind(item["kind"]).label
    if item.get("as_required"):
        return _("%(kind)s: mức theo tiêu chuẩn người học phải đạt") % {"kind": kind}
    labels = {code: label for code, _rank, label in LEVELS[item["kind"]]}
    level = labels.get(item.get("level"), item.get("level"))
    return f"{kind}: {level}"


def level_codes(kind: str) -> list[str]:
    return [code for code, _rank, _label in LEVELS[kind]]


def rank_choices(kind: str) -> list[tuple[int, str]]:
    """Choices for a requirement field: none, then each distinct rank of the kind."""
    seen: dict[int, str] = {0: NONE_LABEL}
    for _code, rank, label in LEVELS[kind]:
        seen.setdefault(rank, label)
    return list(seen.items())


class Mode(models.TextChoices):
    CHINH_QUY = "chinh_quy", _("Chính quy")
    TAI_CHUC = "tai_chuc", _("Tại chức")
    TU_XA = "tu_xa", _("Từ xa")
    LIEN_THONG = "lien_thong", _("Liên thông")


class Grade(models.TextChoices):
    XUAT_SAC = "xuat_sac", _("Xuất sắc")
    GIOI = "gioi", _("Giỏi")
    KHA = "kha", _("Khá")
    TB_KHA = "tb_kha", _("Trung bình khá")
    TRUNG_BINH = "trung_binh", _("Trung bình")


# Best first: a grade "tb_kha or better" is one whose index here is <= that of tb_kha.
GRADE_ORDER = [Grade.XUAT_SAC, Grade.GIOI, Grade.KHA, Grade.TB_KHA, Grade.TRUNG_BINH]


class Level(models.TextChoices):
    """Administrative level of a locality or unit (cấp)."""

    TINH = "tinh", _("Tỉnh")
    HUYEN = "huyen", _("Huyện")
    XA = "xa", _("Xã")


class Bloc(models.TextChoices):
    DANG = "dang", _("Khối Đảng")
    NOI_CHINH = "noi_chinh", _("Khối nội chính")
    NHA_NUOC = "nha_nuoc", _("Khối nhà nước")
    MTTQ_DOAN_THE = "mttq_doan_the", _("Mặt trận Tổ quốc, đoàn thể")
    SU_NGHIEP = "su_nghiep", _("Đơn vị sự nghiệp")
