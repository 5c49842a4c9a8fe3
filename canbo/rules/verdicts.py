"""Every verdict of SPEC §8–§9 as a conjunction of clauses over the facts (`canbo.rules.facts`).

A clause pairs a condition with the sentence that explains it. The verdict's condition is the
AND of its clauses: the database runs it over the whole workforce (`canbo.rules.engine`), and
`canbo.rules.explain` evaluates the same clauses on one person's facts row to say, clause by
clause, why the verdict holds or not. The rules page lists the same clauses.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from canbo.core.levels import GRADE_ORDER, Grade, Kind
from canbo.people.models import Rating
from canbo.rules.facts import RATING_CODES
from canbo.rules.predicates import All, AnyOf, Col, Cond, Ctx, Not, RuleInForce

LLCT, CM, QLNN, NN, TH = "llct", "chuyen_mon", "qlnn", "ngoai_ngu", "tin_hoc"
TRUNG_CAP_LLCT, CAO_CAP_LLCT = 2, 3
TRUNG_CAP_CM, CAO_DANG, DAI_HOC = 1, 2, 3


@dataclass(frozen=True)
class Clause:
    condition: Cond
    # What the clause asks, in words; `kind`: the requirement it is about, for naming its sources.
    text: Callable
    kind: str | None = None


@dataclass(frozen=True)
class Verdict:
    key: str
    rule: str  # code of the rule in the rule set: it runs only when the set in force has it
    title: str
    clauses: tuple[Clause, ...]
    extra: dict = field(default_factory=dict)

    @property
    def condition(self) -> Cond:
        return bound(self.rule, All(tuple(clause.condition for clause in self.clauses)))


def bound(rule: str, condition: Cond) -> Cond:
    """`condition`, run only when the rule set in force has the rule `rule`."""
    return All((RuleInForce(rule), condition))


def grade_name(place: int | None) -> str:
    """The degree grade at a place of `GRADE_ORDER` (1 = best)."""
    return str(Grade(GRADE_ORDER[place - 1]).label).lower() if place else "?"


def rating_name(code: int | None) -> str:
    """The evaluation rating of a code of `RATING_CODES` (1 = best)."""
    names = {number: rating for rating, number in RATING_CODES.items()}
    return str(Rating(names[code]).label).lower() if code in names else "?"


def _active() -> Clause:
    return Clause(
        Col("active").true(), lambda p: _("đang giữ chức vụ tại ngày xem và chưa đến ngày nghỉ hưu")
    )


def _requires(kind: str, *ranks: int) -> Clause:
    column = Col(f"req_{kind}")
    condition = (
        column.eq(ranks[0])
        if len(ranks) == 1
        else (column >= ranks[0] if ranks[-1] is None else column.isin(*ranks))
    )
    return Clause(
        condition,
        lambda p, k=kind: (
            _("yêu cầu %(kind)s: %(level)s") % {"kind": Kind(k).label, "level": p["req_label"](k)}
        ),
        kind=kind,
    )


def _below(kind: str, rank: int | None = None) -> Clause:
    other = Col(f"req_{kind}") if rank is None else rank
    return Clause(
        Col(f"lv_{kind}") < other,
        lambda p, k=kind: (
            _("trình độ %(kind)s đạt được: %(level)s") % {"kind": Kind(k).label, "level": p["lv_label"](k)}
        ),
    )


def _owes(kind: str) -> Clause:
    return Clause(
        Col(f"lv_{kind}") < Col(f"req_{kind}"),
        lambda p, k=kind: (
            _("%(kind)s: yêu cầu %(req)s, đạt được %(lv)s")
            % {"kind": Kind(k).label, "req": p["req_label"](k), "lv": p["lv_label"](k)}
        ),
        kind=kind,
    )


def _owes_language_or_it() -> Clause:
    condition = AnyOf((Col("lv_ngoai_ngu") < Col("req_ngoai_ngu"), Col("lv_tin_hoc") < Col("req_tin_hoc")))
    return Clause(
        condition,
        lambda p: (
            _("ngoại ngữ: yêu cầu %(rn)s, đạt %(ln)s; tin học: yêu cầu %(rt)s, đạt %(lt)s")
            % {
                "rn": p["req_label"](NN),
                "ln": p["lv_label"](NN),
                "rt": p["req_label"](TH),
                "lt": p["lv_label"](TH),
            }
        ),
        kind="ngoai_ngu_tin_hoc",
    )


def _retires_after(ctx_key: str, course_param: str) -> Clause:
    return Clause(
        Col("retirement_date") >= Ctx(ctx_key),
        lambda p, k=ctx_key, c=course_param: (
            _(
                "nghỉ hưu ngày %(retire)s, không sớm hơn %(limit)s "
                "(%(course)s năm học và %(left)s năm công tác còn lại)"
            )
            % {
                "retire": p["date"](p["row"]["retirement_date"]),
                "limit": p["date"](p["ctx"][k]),
                "course": p["params"][c],
                "left": p["params"]["nam_cong_tac_con_lai"],
            }
        ),
    )


_HOAN_CHINH_CLAUSES = (
    _active(),
    _below(LLCT, TRUNG_CAP_LLCT),
    Clause(Col("planned_deputy").true(), lambda p: _("được quy hoạch chức danh từ phó trưởng phòng trở lên")),
    Clause(
        Col("overlap_degree").true(),
        lambda p: (
            _("có bằng đại học trở lên với từ %(n)s tiết trùng chương trình trung cấp LLCT - HC")
            % {"n": p["params"]["so_tiet_trung_llct"]}
        ),
    ),
)
_CHUYEN_MON_TRUNG_CAP = (_active(), _requires(CM, TRUNG_CAP_CM, CAO_DANG), _below(CM, TRUNG_CAP_CM))

REVIEW = [
    Verdict(
        "thieu_cao_cap_llct",
        "thieu_cao_cap_llct",
        _("Nợ bằng cao cấp LLCT"),
        (_active(), _requires(LLCT, CAO_CAP_LLCT), _below(LLCT, CAO_CAP_LLCT)),
    ),
    Verdict(
        "thieu_trung_cap_llct",
        "thieu_trung_cap_llct",
        _("Nợ bằng trung cấp LLCT"),
        (_active(), _requires(LLCT, TRUNG_CAP_LLCT), _below(LLCT, TRUNG_CAP_LLCT)),
    ),
    Verdict(
        "thieu_dai_hoc",
        "thieu_dai_hoc",
        _("Nợ bằng đại học"),
        (_active(), _requires(CM, DAI_HOC, None), _below(CM, DAI_HOC)),
    ),
    Verdict(
        "thieu_trung_cap_chuyen_mon",
        "thieu_trung_cap_chuyen_mon",
        _("Nợ bằng trung cấp chuyên môn"),
        _CHUYEN_MON_TRUNG_CAP,
    ),
    Verdict(
        "thieu_ngoai_ngu_tin_hoc",
        "thieu_ngoai_ngu_tin_hoc",
        _("Chưa đạt chuẩn ngoại ngữ, tin học"),
        (_active(), _owes_language_or_it()),
    ),
    Verdict("thieu_qlnn", "thieu_qlnn", _("Thiếu chứng chỉ quản lý nhà nước"), (_active(), _owes(QLNN))),
]
REVIEW_BY_KEY = {v.key: v for v in REVIEW}

# The split of `thieu_trung_cap_chuyen_mon`: appointed (held positions and rank alone require it)
# or planned (only planning does).
_APPOINTED = Clause(
    Col("held_chuyen_mon") >= TRUNG_CAP_CM,
    lambda p: _("chức danh đang giữ đã yêu cầu trình độ chuyên môn này"),
)
SPLIT = {
    "bo_nhiem": Verdict(
        "bo_nhiem", "thieu_trung_cap_chuyen_mon", _("Đã bổ nhiệm"), (*_CHUYEN_MON_TRUNG_CAP, _APPOINTED)
    ),
    "quy_hoach": Verdict(
        "quy_hoach",
        "thieu_trung_cap_chuyen_mon",
        _("Quy hoạch"),
        (
            *_CHUYEN_MON_TRUNG_CAP,
            Clause(
                Not(_APPOINTED.condition),
                lambda p: _("chỉ chức danh được quy hoạch yêu cầu trình độ chuyên môn này"),
            ),
        ),
    ),
}

PROGRAMMES = [
    Verdict(
        "cao_cap_llct",
        "T1",
        _("Cao cấp lý luận chính trị"),
        (_active(), _requires(LLCT, CAO_CAP_LLCT), _below(LLCT, CAO_CAP_LLCT)),
        {"llct": True},
    ),
    Verdict(
        "hoan_chinh_trung_cap_llct",
        "T5",
        _("Hoàn chỉnh chương trình trung cấp lý luận chính trị"),
        _HOAN_CHINH_CLAUSES,
        {"llct": True},
    ),
    Verdict(
        "trung_cap_llct",
        "T4",
        _("Trung cấp lý luận chính trị"),
        (
            _active(),
            _requires(LLCT, TRUNG_CAP_LLCT),
            _below(LLCT, TRUNG_CAP_LLCT),
            Clause(
                Not(All(tuple(c.condition for c in _HOAN_CHINH_CLAUSES))),
                lambda p: _("không thuộc diện hoàn chỉnh chương trình trung cấp LLCT"),
            ),
        ),
        {"llct": True},
    ),
    Verdict(
        "sau_dai_hoc",
        "T6",
        _("Sau đại học"),
        (
            _active(),
            Clause(
                Col("lv_chuyen_mon").eq(DAI_HOC),
                lambda p: (
                    _("trình độ chuyên môn cao nhất là đại học (đạt %(lv)s)") % {"lv": p["lv_label"](CM)}
                ),
            ),
            Clause(
                Col("cq_dai_hoc_good").true(),
                lambda p: (
                    _("bằng đại học hệ chính quy, loại %(grade)s trở lên")
                    % {"grade": grade_name(p["params"].get("xep_loai_bang_toi_thieu"))}
                ),
            ),
            Clause(
                Col("employment_start") <= Ctx("employed_by_sau_dai_hoc"),
                lambda p: (
                    _("tuyển dụng từ %(n)s năm trở lên (ngày tuyển dụng %(d)s)")
                    % {
                        "n": p["params"]["nam_cong_tac_sau_dai_hoc"],
                        "d": p["date"](p["row"]["employment_start"]),
                    }
                ),
            ),
            Clause(
                Col("birth_date") > Ctx("born_after_sau_dai_hoc"),
                lambda p: (
                    _("không quá %(n)s tuổi (hiện %(age)s tuổi)")
                    % {"n": p["params"]["tuoi_sau_dai_hoc"], "age": p["age"]}
                ),
            ),
            Clause(
                Col("good_evals_prev").eq(Ctx("evaluation_years")),
                lambda p: (
                    _("%(n)s năm liền trước (%(a)s–%(b)s) đều được đánh giá %(rating)s trở lên")
                    % {
                        "n": p["ctx"]["evaluation_years"],
                        "a": p["ctx"]["year"] - (p["ctx"]["evaluation_years"] or 0),
                        "b": p["ctx"]["year"] - 1,
                        "rating": rating_name(p["params"].get("muc_danh_gia_toi_thieu")),
                    }
                ),
            ),
        ),
    ),
    Verdict(
        "dai_hoc",
        "T7",
        _("Đại học"),
        (
            _active(),
            _requires(CM, DAI_HOC, None),
            _below(CM, DAI_HOC),
            _retires_after("retire_from_dai_hoc", "nam_dao_tao_dai_hoc"),
        ),
    ),
    Verdict(
        "trung_cap_chuyen_mon",
        "T8",
        _("Trung cấp chuyên môn"),
        (
            *_CHUYEN_MON_TRUNG_CAP,
            _retires_after("retire_from_trung_cap", "nam_dao_tao_trung_cap"),
        ),
    ),
    Verdict("qlnn", "QLNN", _("Bồi dưỡng quản lý nhà nước"), (_active(), _owes(QLNN))),
    Verdict("ngoai_ngu_tin_hoc", "T9", _("Ngoại ngữ, tin học"), (_active(), _owes_language_or_it())),
]
PROGRAMMES_BY_KEY = {v.key: v for v in PROGRAMMES}

# T2: mode of the LLCT programmes; T3: priority groups (a list ranks those planned for a
# BTV-managed position first, then by how many groups a cadre belongs to, then by code).
MODE_RULE, PRIORITY_RULE, EXCLUSION_RULE = "T2", "T3", "R2"
FULL_TIME = bound(MODE_RULE, Col("birth_date") > Ctx("born_after_tap_trung"))
PRIORITIES = [
    (code, bound(PRIORITY_RULE, condition), label)
    for code, condition, label in (
        ("khoi_dang", Col("bloc_dang").true(), _("khối Đảng")),
        ("noi_chinh", Col("bloc_noi_chinh").true(), _("khối Nội chính")),
        ("nu", Col("woman").true(), _("cán bộ nữ")),
        ("tre", Col("birth_date") > Ctx("born_after_tre"), _("cán bộ trẻ")),
        ("dan_toc_thieu_so", Col("minority").true(), _("người dân tộc thiểu số")),
        ("quy_hoach_btv", Col("planned_btv").true(), _("quy hoạch chức danh diện BTV quản lý")),
    )
]
PRIORITY_LABELS = {code: label for code, _cond, label in PRIORITIES}

# R1, R2: the rotation pool.
# Planned for a BTV-managed or key type: of R1's conditions, the one few cadres meet.
PLANNED_FOR_ROTATION = AnyOf((Col("planned_btv").true(), Col("planned_key").true()))
CANDIDATE = Verdict(
    "ung_vien_luan_chuyen",
    "R1",
    _("Thuộc đối tượng luân chuyển"),
    (
        _active(),
        Clause(
            PLANNED_FOR_ROTATION,
            lambda p: _("được quy hoạch chức danh diện BTV quản lý hoặc chức danh chủ chốt"),
        ),
    ),
)
EXCLUSIONS = [
    (code, bound(EXCLUSION_RULE, condition), label)
    for code, condition, label in (
        ("ky_luat", Col("discipline_active").true(), _("đang trong thời hạn kỷ luật")),
        ("uy_tin_giam", Col("latest_prestige_decline").true(), _("uy tín giảm sút (đánh giá gần nhất)")),
        (
            "khong_dat_tieu_chuan",
            Col("latest_rating").eq("khong_hoan_thanh"),
            _("đánh giá gần nhất: không hoàn thành nhiệm vụ"),
        ),
    )
]
EXCLUSION_LABELS = {code: label for code, _cond, label in EXCLUSIONS}
