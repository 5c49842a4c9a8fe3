"""The checks of a rotation or transfer proposal (SPEC §11) as conditions over pair facts.

Each check and each decision is written once, in the condition language of
`canbo.rules.predicates` over the columns of `canbo.rules.pairs`: the database runs it over every
pair of a set of cadres × a set of posts (`canbo.rules.proposals.pair_table`), Python evaluates
the same clauses on one pair's row to explain it (`canbo.rules.proposals.proposal_check`), and the
rules page lists them in words (`canbo.rules.wording`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from canbo.core.levels import REQUIRED_KINDS, Bloc, Kind
from canbo.rules.predicates import All, AnyOf, Col, Cond, Ctx, Not
from canbo.rules.verdicts import CANDIDATE, EXCLUSIONS, Clause, bound

LUAN_CHUYEN, DIEU_DONG = "luan_chuyen", "dieu_dong"
IS_ROTATION = Col("prop_kind").eq(LUAN_CHUYEN)
IS_TRANSFER = Col("prop_kind").eq(DIEU_DONG)
ANY_EXCLUSION = AnyOf(tuple(condition for _code, condition, _label in EXCLUSIONS))
IN_POOL = All((CANDIDATE.condition, Not(ANY_EXCLUSION)))
OUT_OF_PLACE = AnyOf((Col("out_of_locality").true(), Col("out_of_sector").true()))
BTV_TYPE = AnyOf((Col("from_btv").true(), Col("target_btv").true()))
BTV_ROTATION = All((IS_ROTATION, AnyOf((BTV_TYPE, OUT_OF_PLACE))))


@dataclass(frozen=True)
class Check:
    """A code of `vi_pham` or `canh_bao`: it holds when all its clauses hold."""

    code: str
    rule: str  # the rule of the rule set it applies, for its title and citation
    title: str
    clauses: tuple[Clause, ...]
    # A fact every proposal is checked against whatever the rule set (not being active at D).
    always: bool = False

    @property
    def condition(self) -> Cond:
        """The clauses, run only when the rule set in force has the check's rule."""
        clauses = All(tuple(clause.condition for clause in self.clauses))
        return clauses if self.always else bound(self.rule, clauses)


@dataclass(frozen=True)
class Branch:
    value: str
    rule: str
    when: Cond

    @property
    def condition(self) -> Cond:
        """The branch's test, taken only when the rule set in force has its rule."""
        return bound(self.rule, self.when)


@dataclass(frozen=True)
class Decision:
    """A value chosen by the first branch whose condition holds (None when none does)."""

    key: str
    title: str
    branches: tuple[Branch, ...]

    def sql(self, ctx: dict) -> tuple[str, list]:
        whens, params = [], []
        for branch in self.branches:
            text, more = branch.condition.sql(ctx)
            whens.append(f"WHEN {text} THEN %s")
            params += [*more, branch.value]
        return f"CASE {' '.join(whens)} END", params

    def branch(self, row: dict, ctx: dict) -> Branch | None:
        return next((b for b in self.branches if b.condition.holds(row, ctx)), None)


def _kind_text(p) -> str:
    return p["kind_label"]


def _pool_text(p) -> str:
    row = p["row"]
    if not CANDIDATE.condition.holds(row, p["ctx"]):
        return str(
            _("không được quy hoạch chức danh diện BTV quản lý hoặc chức danh chủ chốt tại ngày bắt đầu")
        )
    reasons = [str(label) for _code, condition, label in EXCLUSIONS if condition.holds(row, p["ctx"])]
    return str(_("bị loại khỏi nguồn luân chuyển: %(reasons)s")) % {"reasons": "; ".join(reasons)}


def _exclusion_text(p) -> str:
    reasons = [str(label) for _code, condition, label in EXCLUSIONS if condition.holds(p["row"], p["ctx"])]
    return str(_("thuộc trường hợp loại trừ: %(reasons)s")) % {"reasons": "; ".join(reasons) or "–"}


def _term_text(p) -> str:
    row, params = p["row"], p["params"]
    if not row["prop_has_end"]:
        return str(_("đề xuất không có ngày kết thúc"))
    return str(
        _(
            "ngày kết thúc %(end)s: thời gian luân chuyển phải từ %(lo)s đến %(hi)s năm "
            "(ngày kết thúc + 1 ngày từ %(a)s đến %(b)s)"
        )
    ) % {
        "end": p["date"](p["end"]),
        "lo": params["nam_luan_chuyen_toi_thieu"],
        "hi": params["nam_luan_chuyen_toi_da"],
        "a": p["date"](p["ctx"]["luan_chuyen_som_nhat"]),
        "b": p["date"](p["ctx"]["luan_chuyen_muon_nhat"]),
    }


def _standard_check(kind: str) -> Check:
    return Check(
        f"tieu_chuan_{kind}",
        "D1",
        _("Chưa đạt tiêu chuẩn %(kind)s của chức danh đề xuất") % {"kind": Kind(kind).label},
        (
            Clause(
                Col(f"lv_{kind}") < Col(f"target_req_{kind}"),
                lambda p, k=kind: (
                    str(_("%(kind)s: chức danh yêu cầu %(req)s, cán bộ đạt %(lv)s"))
                    % {"kind": Kind(k).label, "req": p["level"](k, "target_req_"), "lv": p["level"](k, "lv_")}
                ),
            ),
        ),
    )


INACTIVE = Check(
    "khong_dang_cong_tac",
    "R1",
    _("Cán bộ không đang công tác"),
    (
        Clause(
            Not(Col("active").true()),
            lambda p: _("không giữ chức vụ nào tại ngày bắt đầu hoặc đã đến ngày nghỉ hưu"),
        ),
    ),
    always=True,
)

VIOLATIONS = (
    INACTIVE,
    Check(
        "R2_ngoai_nguon",
        "R2",
        _("Không thuộc nguồn luân chuyển"),
        (Clause(IS_ROTATION, _kind_text), Clause(Not(IN_POOL), _pool_text)),
    ),
    Check(
        "D1_loai_tru",
        "D1",
        _("Không đủ điều kiện điều động"),
        (Clause(IS_TRANSFER, _kind_text), Clause(ANY_EXCLUSION, _exclusion_text)),
    ),
    Check(
        "R5_thoi_han",
        "R5",
        _("Thời gian luân chuyển ngoài khoảng quy định"),
        (
            Clause(IS_ROTATION, _kind_text),
            Clause(
                Not(Col("prop_btv_exception").true()),
                lambda p: _("không có ngoại lệ do Ban Thường vụ Tỉnh ủy quyết định"),
            ),
            Clause(
                AnyOf(
                    (
                        Not(Col("prop_has_end").true()),
                        Col("prop_end_next") < Ctx("luan_chuyen_som_nhat"),
                        Col("prop_end_next") > Ctx("luan_chuyen_muon_nhat"),
                    )
                ),
                _term_text,
            ),
        ),
    ),
    Check(
        "R6_truoc_thoi_diem",
        "R6",
        _("Luân chuyển trước thời điểm thực hiện"),
        (
            Clause(IS_ROTATION, _kind_text),
            Clause(
                Col("prop_start") < Ctx("luan_chuyen_tu_ngay"),
                lambda p: (
                    str(_("ngày bắt đầu %(d)s trước ngày %(start)s"))
                    % {"d": p["date"](p["ctx"]["as_of"]), "start": p["date"](p["ctx"]["luan_chuyen_tu_ngay"])}
                ),
            ),
        ),
    ),
    Check(
        "N1_nguoi_dia_phuong",
        "N1",
        _("Bố trí người địa phương vào chức danh không bố trí người địa phương"),
        (
            Clause(
                Col("target_non_local").true(),
                lambda p: (
                    str(_("chức danh “%(type)s” không bố trí người địa phương")) % {"type": p["target_type"]}
                ),
            ),
            Clause(
                Col("local").true(),
                lambda p: (
                    str(_("quê quán %(home)s thuộc địa bàn %(place)s của đơn vị đến"))
                    % {"home": p["hometown"], "place": p["target_place"]}
                ),
            ),
        ),
    ),
    Check(
        "da_giu_vi_tri",
        "R3",
        _("Cán bộ đang giữ chính vị trí đề xuất"),
        (
            Clause(
                Col("holds_target").true(),
                lambda p: (
                    str(_("đang giữ chức danh “%(type)s” tại %(unit)s"))
                    % {"type": p["target_type"], "unit": p["target_unit"]}
                ),
            ),
        ),
    ),
)

WARNINGS = (
    *(_standard_check(str(kind)) for kind in REQUIRED_KINDS),
    Check(
        "khong_co_vi_tri_khuyet",
        "D2",
        _("Đơn vị đến không có vị trí khuyết của chức danh này"),
        (
            Clause(
                Col("target_vacancy").eq(0),
                lambda p: (
                    str(_("%(unit)s có %(seats)s vị trí “%(type)s”, %(holders)s người đang giữ"))
                    % {
                        "unit": p["target_unit"],
                        "seats": p["row"]["target_seats"],
                        "type": p["target_type"],
                        "holders": p["row"]["target_holders"],
                    }
                ),
            ),
        ),
    ),
)

DIRECTION = Decision(
    "huong",
    _("Hướng luân chuyển"),
    (
        Branch("xuong", "R3", Col("from_level") > Col("target_level")),
        Branch("len", "R3", Col("from_level") < Col("target_level")),
        Branch("ngang", "R3", Col("from_level").eq(Col("target_level"))),
    ),
)

AUTHORITY = Decision(
    "tham_quyen",
    _("Thẩm quyền quyết định"),
    (
        Branch("btv", "R7", BTV_ROTATION),
        Branch("cap_uy_don_vi", "R7", IS_ROTATION),
        Branch("btv", "D4", All((IS_TRANSFER, BTV_TYPE))),
        Branch(
            "bcs_dang_ubnd",
            "D4",
            All(
                (IS_TRANSFER, OUT_OF_PLACE, Col("from_bloc").isin(Bloc.NHA_NUOC.value, Bloc.SU_NGHIEP.value))
            ),
        ),
        Branch(
            "btc",
            "D4",
            All(
                (IS_TRANSFER, OUT_OF_PLACE, Col("from_bloc").isin(Bloc.DANG.value, Bloc.MTTQ_DOAN_THE.value))
            ),
        ),
        Branch("btv", "D4", All((IS_TRANSFER, OUT_OF_PLACE, Col("from_bloc").eq(Bloc.NOI_CHINH.value)))),
        Branch("cap_uy_don_vi", "D4", IS_TRANSFER),
    ),
)

SUPPORT = Check(
    "ho_tro_mot_lan",
    "R8",
    _("Hỗ trợ một lần kinh phí"),
    (
        Clause(BTV_ROTATION, lambda p: _("luân chuyển do Ban Thường vụ Tỉnh ủy quyết định")),
        Clause(
            Col("from_key").true(),
            lambda p: (
                str(_("chức danh đang giữ “%(type)s” là chức danh chủ chốt")) % {"type": p["from_type"]}
            ),
        ),
    ),
)

# A pair the optimiser may use: no violation at all.
ALLOWED = Not(AnyOf(tuple(check.condition for check in VIOLATIONS)))

AUTHORITY_LABELS = {
    "btv": _("Ban Thường vụ Tỉnh ủy"),
    "cap_uy_don_vi": _("Cấp ủy, lãnh đạo đơn vị theo phân cấp"),
    "bcs_dang_ubnd": _("Ban cán sự đảng UBND tỉnh"),
    "btc": _("Ban Tổ chức Tỉnh ủy (sau khi có văn bản thống nhất của Thường trực Tỉnh ủy)"),
}
DIRECTION_LABELS = {"xuong": _("từ trên xuống"), "len": _("từ dưới lên"), "ngang": _("ngang cấp")}
KIND_LABELS = {LUAN_CHUYEN: _("luân chuyển"), DIEU_DONG: _("điều động")}

# Words for the rules page (`canbo.rules.wording`): the pair columns, their values, the thresholds.
COLUMN_LABELS = {
    "prop_kind": _("loại đề xuất"),
    "prop_btv_exception": _("có ngoại lệ do Ban Thường vụ Tỉnh ủy quyết định"),
    "prop_has_end": _("đề xuất có ngày kết thúc"),
    "prop_end_next": _("ngày sau ngày kết thúc"),
    "prop_start": _("ngày bắt đầu"),
    "from_level": _("cấp của đơn vị đang công tác"),
    "target_level": _("cấp của đơn vị đến"),
    "from_bloc": _("khối của đơn vị đang công tác"),
    "from_btv": _("chức danh đang giữ thuộc diện BTV quản lý"),
    "target_btv": _("chức danh đề xuất thuộc diện BTV quản lý"),
    "from_key": _("chức danh đang giữ là chức danh chủ chốt"),
    "out_of_locality": _("ra ngoài địa phương (khác địa bàn cấp huyện)"),
    "out_of_sector": _("ra ngoài ngành (khác khối)"),
    "target_non_local": _("chức danh đề xuất không bố trí người địa phương"),
    "local": _("quê quán thuộc địa bàn của đơn vị đến"),
    "holds_target": _("đang giữ chức danh đề xuất tại đơn vị đến"),
    "target_vacancy": _("số vị trí khuyết của chức danh tại đơn vị đến"),
    **{
        f"target_req_{k}": _("yêu cầu %(k)s của chức danh đề xuất") % {"k": Kind(k).label}
        for k in REQUIRED_KINDS
    },
}
VALUE_LABELS = {"prop_kind": KIND_LABELS, "from_bloc": dict(Bloc.choices)}


THRESHOLDS = ("luan_chuyen_som_nhat", "luan_chuyen_muon_nhat", "luan_chuyen_tu_ngay")


def threshold_words(params: dict) -> dict:
    return {
        "luan_chuyen_som_nhat": _("ngày bắt đầu + %(n)s năm") % {"n": params["nam_luan_chuyen_toi_thieu"]},
        "luan_chuyen_muon_nhat": _("ngày bắt đầu + %(n)s năm") % {"n": params["nam_luan_chuyen_toi_da"]},
        "luan_chuyen_tu_ngay": _("ngày 01/%(m)02d/%(y)s")
        % {"m": params["thang_bat_dau_luan_chuyen"], "y": params["nam_bat_dau_luan_chuyen"]},
    }


def conditions_in_words(words) -> dict[str, list[tuple[str, str]]]:
    """Rule code -> [(what, condition in words)] for the checks and decisions of a proposal."""
    found: dict[str, list[tuple[str, str]]] = {}
    for check in (*VIOLATIONS, *WARNINGS, SUPPORT):
        found.setdefault(check.rule, []).append(
            (str(check.title), check.condition.describe(words))
        )
    for decision, labels in ((DIRECTION, DIRECTION_LABELS), (AUTHORITY, AUTHORITY_LABELS)):
        for branch in decision.branches:
            found.setdefault(branch.rule, []).append(
                (f"{decision.title}: {labels[branch.value]}", branch.condition.describe(words))
            )
    return found
