"""The rule conditions in words, for the rules page: the same condition objects the database runs
(`canbo.rules.verdicts`), phrased term by term with the parameters in force."""

from django.utils.translation import gettext as _

from canbo.core.levels import Kind, label_of
from canbo.rules import proposal_rules
from canbo.rules.predicates import Col, Ctx
from canbo.rules.verdicts import (
    CANDIDATE,
    EXCLUSIONS,
    FULL_TIME,
    PRIORITIES,
    PROGRAMMES,
    REVIEW,
    SPLIT,
    grade_name,
    rating_name,
)

KIND_COLUMNS = ("req_", "lv_", "held_", "planned_", "rank_")


def _flag_labels() -> dict[str, str]:
    return {
        "active": _("đang công tác (giữ chức vụ tại ngày xem, chưa nghỉ hưu)"),
        "planned_btv": _("quy hoạch chức danh diện BTV quản lý"),
        "planned_key": _("quy hoạch chức danh chủ chốt"),
        "planned_deputy": _("quy hoạch chức danh từ phó trưởng phòng trở lên"),
        "bloc_dang": _("công tác ở đơn vị khối Đảng"),
        "bloc_noi_chinh": _("công tác ở đơn vị khối Nội chính"),
        "woman": _("cán bộ nữ"),
        "minority": _("người dân tộc thiểu số"),
        "cq_dai_hoc_good": _("có bằng đại học chính quy đạt xếp loại tối thiểu"),
        "overlap_degree": _("có bằng đại học trở lên trùng đủ số tiết chương trình trung cấp LLCT - HC"),
        "discipline_active": _("đang trong thời hạn kỷ luật"),
        "latest_prestige_decline": _("đánh giá gần nhất ghi uy tín giảm sút"),
        **{name: str(label) for name, label in proposal_rules.COLUMN_LABELS.items()},
    }


class Words:
    def __init__(self, params: dict[str, int]):
        self.params = params
        self.AND, self.OR, self.NOT = _("và"), _("hoặc"), _("không")

    def rule_in_force(self, code: str) -> str:
        """Nothing to say: the rules page lists only the rules of the set it shows."""
        return ""

    def _column(self, name: str) -> str:
        for prefix in KIND_COLUMNS:
            if name.startswith(prefix) and name[len(prefix) :] in Kind.values:
                kind = Kind(name[len(prefix) :]).label
                return {
                    "req_": _("yêu cầu %(k)s"),
                    "lv_": _("trình độ %(k)s đạt được"),
                    "held_": _("yêu cầu %(k)s của chức danh đang giữ"),
                    "planned_": _("yêu cầu %(k)s của chức danh quy hoạch"),
                    "rank_": _("yêu cầu %(k)s của ngạch"),
                }[prefix] % {"k": kind}
        return _flag_labels().get(name, name)

    def _value(self, column: str, value) -> str:
        if isinstance(value, Col):
            return self._column(value.name)
        if value in proposal_rules.VALUE_LABELS.get(column, {}):
            return str(proposal_rules.VALUE_LABELS[column][value])
        for prefix in KIND_COLUMNS:
            if column.startswith(prefix) and column[len(prefix) :] in Kind.values and isinstance(value, int):
                return label_of(column[len(prefix) :], value)
        return str(value)

    def term(self, column: str, op: str, other) -> str:
        p = self.params
        if isinstance(other, Ctx) and other.name in proposal_rules.THRESHOLDS:
            symbol = {"<": _("trước"), ">": _("sau")}.get(op, op)
            return f"{self._column(column)} {symbol} {proposal_rules.threshold_words(p)[other.name]}"
        if column == "good_evals_prev":
            return _("%(n)s năm liền trước đều được đánh giá %(rating)s trở lên") % {
                "n": p.get("so_nam_danh_gia"),
                "rating": rating_name(p.get("muc_danh_gia_toi_thieu")),
            }
        if column == "cq_dai_hoc_good":
            return _("có bằng đại học chính quy loại %(grade)s trở lên") % {
                "grade": grade_name(p.get("xep_loai_bang_toi_thieu"))
            }
        if isinstance(other, Ctx):
            return {
                "born_after_tre": _("dưới %(n)s tuổi") % {"n": p.get("tuoi_tre")},
                "born_after_tap_trung": _("dưới %(n)s tuổi") % {"n": p.get("tuoi_tap_trung")},
                "born_after_sau_dai_hoc": _("không quá %(n)s tuổi") % {"n": p.get("tuoi_sau_dai_hoc")},
                "employed_by_sau_dai_hoc": _("được tuyển dụng từ %(n)s năm trở lên")
                % {"n": p.get("nam_cong_tac_sau_dai_hoc")},
                "retire_from_dai_hoc": _("còn ít nhất %(a)s + %(b)s năm đến ngày nghỉ hưu")
                % {"a": p.get("nam_dao_tao_dai_hoc"), "b": p.get("nam_cong_tac_con_lai")},
                "retire_from_trung_cap": _("còn ít nhất %(a)s + %(b)s năm đến ngày nghỉ hưu")
                % {"a": p.get("nam_dao_tao_trung_cap"), "b": p.get("nam_cong_tac_con_lai")},
            }[other.name]
        if column == "latest_rating":
            return _("đánh giá gần nhất: không hoàn thành nhiệm vụ")
        if op == "=" and other == 1 and column in _flag_labels():
            return self._column(column)
        if op == "in":
            values = _(" hoặc ").join(self._value(column, v) for v in other)
            return f"{self._column(column)} {_('là')} {values}"
        if op == ">=":
            return _("%(col)s từ %(value)s trở lên") % {
                "col": self._column(column),
                "value": self._value(column, other),
            }
        symbol = {"<": _("thấp hơn"), "<=": _("không quá"), ">": _("cao hơn"), "=": _("là"), "<>": _("khác")}[
            op
        ]
        return f"{self._column(column)} {symbol} {self._value(column, other)}"


def conditions_by_rule(params: dict[str, int]) -> dict[str, list[tuple[str, str]]]:
    """Rule code -> [(what, condition in words)] for every rule canbo computes."""
    words = Words(params)
    found: dict[str, list[tuple[str, str]]] = {}
    for verdict in [*REVIEW, *PROGRAMMES, CANDIDATE]:
        found.setdefault(verdict.rule, []).append((str(verdict.title), verdict.condition.describe(words)))
    for verdict in SPLIT.values():
        found[verdict.rule].append((str(verdict.title), verdict.clauses[-1].condition.describe(words)))
    found["T2"] = [(_("Học tập trung"), FULL_TIME.describe(words))]
    found["T3"] = [(str(label), cond.describe(words)) for _code, cond, label in PRIORITIES]
    found["R2"] = [(str(label), cond.describe(words)) for _code, cond, label in EXCLUSIONS]
    for code, entries in proposal_rules.conditions_in_words(words).items():
        found.setdefault(code, []).extend(entries)
    return found
