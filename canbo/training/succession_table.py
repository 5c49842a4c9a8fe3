"""One term of a position type's succession as a report (`canbo.core.report`): the cadres planned
for it, each with the posts held at D, the unit they are planned at, age, gender, years left before
retirement, whether they meet the type's standard at D, what they lack and the programmes that
would close it. The page shows one term at a time (the current one unless another is chosen),
sorted, cut into pages and exported like every other list."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.core.report import Column, Kind, Link, Report, url_maker
from canbo.people.working_lists import person_cells
from canbo.rules.models import RuleSet
from canbo.training.succession import Term, plannings, succession, term_counts

TERM_PARAMETER = "nhiem_ky"
GROUP_PARAMETER = "nhom"


def term_value(term: Term) -> str:
    return f"{term.start}-{term.end}"


def chosen_term(terms: list[Term], year: int, asked: str = "") -> Term | None:
    """The term `asked` (`2020-2025`) when there is one; otherwise the latest term whose years
    include `year`, or the latest term (`terms` are latest first)."""
    found = next((term for term in terms if term_value(term) == asked), None)
    current = next((term for term in terms if term.start <= year <= term.end), None)
    return found or current or (terms[0] if terms else None)


def chosen_succession(*, actor, position_type, as_of, unit, asked: str, rule_set: RuleSet | None,
                      group: str = "") -> tuple[list[Term], Term | None, Report | None]:
    """A type's terms with their counts, the term asked for (`chosen_term`) with its candidates and
    structure, and its candidates as a report (only those one of the term's figures counts, when
    `group` names it: a key of `Term.structure`); the scope is probed once for all three."""
    scope = {"actor": actor, "position_type": position_type, "as_of": as_of, "unit": unit}
    entries = plannings(**scope)
    terms = term_counts(**scope, entries=entries)
    term = chosen_term(terms, as_of.year, asked)
    if term is None:
        return terms, None, None
    term = succession(**scope, term=(term.start, term.end), entries=entries)[0]
    name = position_type.name
    return terms, term, candidates_report(term, as_of=as_of, rule_set=rule_set, type_name=name, group=group)


def candidates_report(term: Term, *, as_of, rule_set: RuleSet | None, type_name: str,
                      group: str = "") -> Report:
    """The candidates of `term` (those of `group` when given) in the order `succession` lists them
    (Vietnamese name order), without the posts they hold: `with_posts` reads those for the rows shown
    (a term may have thousands)."""
    record, unit_page = url_maker("people:cadre_detail"), url_maker("org:unit_detail")
    programmes = reverse("training:programmes") + "?" + urlencode({"bo": rule_set.code if rule_set else ""})
    rows = []
    for candidate in term.candidates:
        if group and group not in candidate.groups:
            continue
        cadre, unit = candidate.entry.cadre, candidate.entry.unit
        closing: dict[int, Link] = {}
        for gap in candidate.gaps:
            for programme in gap.programmes:
                link = Link(programme.name, f"{programmes}#chuong-trinh-{programme.pk}")
                closing.setdefault(programme.pk, link)
        rows.append({
            "id": cadre.pk,
            "ma": cadre.code,
            "ho_ten": Link(cadre.full_name, record(cadre.code)),
            "don_vi_quy_hoach": Link(unit.name, unit_page(unit.code)) if unit else None,
            "tuoi": candidate.age,
            "gioi_tinh": cadre.get_gender_display(),
            "nam_con_lai": candidate.years_left,
            "dat_chuan": _("Đạt") if candidate.ready else _("Chưa đạt"),
            "con_thieu": [gap.words for gap in candidate.gaps],
            "chuong_trinh": list(closing.values()),
        })
    columns = [
        Column("ma", _("Mã")),
        Column("ho_ten", _("Họ và tên"), Kind.CADRE),
        Column("chuc_danh", _("Đang giữ"), Kind.LIST, sortable=False),
        Column("don_vi_quy_hoach", _("Đơn vị quy hoạch"), Kind.UNIT),
        Column("tuoi", _("Tuổi"), Kind.NUMBER),
        Column("gioi_tinh", _("Giới tính")),
        Column("nam_con_lai", _("Còn công tác (năm)"), Kind.NUMBER),
        Column("dat_chuan", _("Tiêu chuẩn")),
        Column("con_thieu", _("Còn thiếu"), Kind.LIST, sortable=False),
        Column("chuong_trinh", _("Chương trình bù được"), Kind.LIST, sortable=False),
    ]
    title = _("Nguồn kế cận %(type)s, nhiệm kỳ %(a)s–%(b)s – %(d)s") % {
        "type": type_name, "a": term.start, "b": term.end, "d": as_of.strftime("%d/%m/%Y")}
    return Report(title, columns, rows, _("Không có cán bộ nào trong nhiệm kỳ này."))


def with_posts(rows: list[dict], as_of) -> list[dict]:
    """`rows` of `candidates_report` with the posts each cadre holds at D."""
    cells = person_cells([row["id"] for row in rows], as_of)
    for row in rows:
        row["chuc_danh"] = cells[row["id"]]["chuc_danh"]
    return rows
