"""Biểu số 10-BTCTW (Hướng dẫn 11-HD/BTCTW, 2021; DOCUMENTS.md §4): the results of training and fostering
in a year, in people, for the actor's reach and a unit's subtree.

A trainee counts when they passed a course completed that year (its last day in the year), in the row of
what the course gave them: the degree or LLCT level the programme gives (by where it was held, or in
which mode), the fostering row of its programme (Party work, mass-organisation work, economic
management, knowledge updates of Quy định 164), and for QLNN, language, IT and defence-security the
qualification written into their record by the completion (a language-and-IT course counts a trainee in
each row it gave them a certificate of). Columns 4–8 split them by the level of the unit of the position
they held on the course's last day (a unit of the subtree when several), 5 and 7 being the holders of a
type from deputy head of division up; columns 10 and 11 count those courses opened by the Provincial and
by district committees. A parent row counts the people and courses of its children, each once. Each
figure keeps the enrolments (or courses) it counts, for the lists behind it.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from canbo.core.dated import in_force_q
from canbo.org.models import Unit
from canbo.people.models import PositionHolding
from canbo.people.selectors import visible_cadres
from canbo.training.models import CourseState, Enrolment, Organiser, Result, Venue

# (number shown, label, key, children or a test of (enrolment, grants)) as the form lists its rows.
_VENUES = ((_("Trong nước"), Venue.TRONG_NUOC), (_("Nước ngoài"), Venue.NUOC_NGOAI),
           (_("Liên kết"), Venue.LIEN_KET))
_QPAN_GROUPS = (_("Đối tượng 1"), _("Đối tượng 2"), _("Đối tượng 3"), _("Đối tượng 4"))
_ABROAD = ((_("Trong nước"), False), (_("Nước ngoài"), True))


def _granted(kind, level=None):
    return lambda e, grants: any(k == kind and (level is None or lv == level) for k, lv in grants)


def _by_venue(key, kind, level):
    test = _granted(kind, level)
    return [("-", label, f"{key}.{venue}", lambda e, g, v=venue: test(e, g) and e.course.venue == v)
            for label, venue in _VENUES]


def _by_mode(key, level):
    test = _granted("llct", level)
    return [("-", label, f"{key}.{mode}", lambda e, g, m=mode: test(e, g) and e.course.mode == m)
            for label, mode in ((_("Tập trung"), "tap_trung"), (_("Tại chức"), "tai_chuc"))]


def _abroad(key, test):
    return [("-", label, f"{key}.{'nuoc_ngoai' if abroad else 'trong_nuoc'}",
             lambda e, g, a=abroad: test(e, g) and (e.course.venue == Venue.NUOC_NGOAI) == a)
            for label, abroad in _ABROAD]


def _programme(*codes):
    return lambda e, grants: e.course.programme.code in codes


def _family(code):
    return lambda e, grants: e.course.programme.family.code == code


ROWS = [
    ("I", _("ĐÀO TẠO"), "dao_tao", [
        ("1", _("Chuyên môn"), "chuyen_mon", [
            ("a", _("Đại học"), "dai_hoc", _by_venue("dai_hoc", "chuyen_mon", "dai_hoc")),
            ("b", _("Thạc sĩ"), "thac_si", _by_venue("thac_si", "chuyen_mon", "thac_si")),
            ("c", _("Tiến sĩ"), "tien_si", _by_venue("tien_si", "chuyen_mon", "tien_si")),
        ]),
        ("2", _("Lý luận chính trị"), "llct", [
            ("a", _("Trung cấp"), "trung_cap_llct", _by_mode("trung_cap_llct", "trung_cap")),
            ("b", _("Cao cấp"), "cao_cap_llct", _by_mode("cao_cap_llct", "cao_cap")),
            ("c", _("Cử nhân"), "cu_nhan_llct", _by_mode("cu_nhan_llct", "cu_nhan")),
        ]),
    ]),
    ("II", _("BỒI DƯỠNG"), "boi_duong", [
        ("1", _("Kỹ năng, nghiệp vụ công tác Đảng"), "nghiep_vu_dang", _programme("nghiep_vu_dang")),
        ("2", _("Kỹ năng, nghiệp vụ công tác dân vận, Mặt trận, đoàn thể"), "nghiep_vu_doan_the",
         _programme("nghiep_vu_mat_tran_doan_the")),
        ("3", _("Quản lý nhà nước"), "qlnn", _abroad("qlnn", _granted("qlnn"))),
        ("4", _("Quản lý kinh tế"), "quan_ly_kinh_te",
         _abroad("quan_ly_kinh_te", _programme("quan_ly_kinh_te"))),
        ("5", _("Ngoại ngữ"), "ngoai_ngu", _abroad("ngoai_ngu", _granted("ngoai_ngu"))),
        ("6", _("Tin học"), "tin_hoc", _granted("tin_hoc")),
        ("7", _("Cập nhật kiến thức (Quy định 164-QĐ/TW)"), "cap_nhat_kien_thuc",
         _family("cap_nhat_kien_thuc")),
        ("8", _("Kiến thức quốc phòng – an ninh"), "qpan", [
            ("-", label, f"qpan.doi_tuong_{n}", _granted("qpan", f"doi_tuong_{n}"))
            for n, label in enumerate(_QPAN_GROUPS, start=1)]),
    ]),
]
# The columns that count people (4–8) and courses (10, 11); 3 and 9 are sums.
PEOPLE_COLUMNS = (4, 5, 6, 7, 8)
COURSE_COLUMNS = (10, 11)
SUMS = {3: (4, 6, 8), 9: (10, 11)}
# The figures that count courses: their columns and the sum of them (9).
COURSE_FIGURES = frozenset(
    {*COURSE_COLUMNS, *(total for total, parts in SUMS.items() if set(parts) <= set(COURSE_COLUMNS))}
)
_COURSE_COLUMN = {Organiser.TINH_UY: 10, Organiser.HUYEN_UY: 11}


@dataclass
class Row:
    number: str
    label: str
    key: str
    depth: int
    counted: dict[int, set] = field(default_factory=lambda: defaultdict(set))  # column -> enrolments/courses

    def value(self, column: int) -> int:
        if column in SUMS:
            return sum(self.value(part) for part in SUMS[column])
        return len(self.counted[column])

    def behind(self, column: int) -> set:
        """The enrolments (or courses) a figure counts; a sum's are its parts', each counted in one."""
        if column in SUMS:
            return set().union(*(self.counted[part] for part in SUMS[column]))
        return self.counted[column]


def _flatten(nodes, depth=0):
    for number, label, key, inner in nodes:
        row = Row(number, str(label), key, depth)
        if callable(inner):
            yield row, inner, []
        else:
            children = list(_flatten(inner, depth + 1))
            yield row, None, [r for r, _t, _c in children if r.depth == depth + 1]
            yield from children


def _grants(enrolment) -> set[tuple[str, str]]:
    """What the course gave the trainee: the programme's fixed levels and what completion wrote."""
    given = enrolment.course.programme.qualifications
    fixed = {(q["kind"], q["level"]) for q in given if not q.get("as_required")}
    return fixed | {(q.kind, q.level) for q in enrolment.qualifications.all()}


def _placed(enrolments, actor, unit: Unit | None) -> list[tuple[Enrolment, Unit, bool]]:
    """Each counted trainee with the unit of a position held on the course's last day (within the
    subtree, first in the tree) and whether a type held then leads from deputy head of division up."""
    days = {e.course.end for e in enrolments}
    seen = {day: set(visible_cadres(actor, day).filter(pk__in=[e.cadre_id for e in enrolments])
                     .values_list("pk", flat=True)) for day in days}
    held = defaultdict(list)
    for day in days:
        for holding in (PositionHolding.objects.filter(in_force_q(day), cadre__in=seen[day])
                        .select_related("unit", "position_type").order_by("unit__path")):
            held[(holding.cadre_id, day)].append(holding)
    placed = []
    for enrolment in enrolments:
        holdings = held.get((enrolment.cadre_id, enrolment.course.end), [])
        inside = [h for h in holdings if unit is None or h.unit.path.startswith(unit.path)]
        if enrolment.cadre_id in seen[enrolment.course.end] and inside:
            leads = any(h.position_type.deputy_head_or_above for h in holdings)
            placed.append((enrolment, inside[0].unit, leads))
    return placed


def form10(*, actor, year: int, unit: Unit | None = None) -> list[Row]:
    enrolments = list(Enrolment.objects.filter(
        result=Result.DAT, course__state=CourseState.HOAN_THANH, course__end__gte=dt.date(year, 1, 1),
        course__end__lte=dt.date(year, 12, 31),
    ).select_related("cadre", "course__programme__family").prefetch_related("qualifications"))
    flat = list(_flatten(ROWS))
    for enrolment, held_unit, leads in _placed(enrolments, actor, unit):
        grants = _grants(enrolment)
        level_columns = {"tinh": (4, 5), "huyen": (6, 7), "xa": (8, None)}.get(held_unit.level)
        if level_columns is None:
            continue
        for row, test, _children in flat:
            if test is None or not test(enrolment, grants):
                continue
            row.counted[level_columns[0]].add(enrolment)
            if leads and level_columns[1]:
                row.counted[level_columns[1]].add(enrolment)
            if enrolment.course.organiser in _COURSE_COLUMN:
                row.counted[_COURSE_COLUMN[enrolment.course.organiser]].add(enrolment.course)
    for row, _test, children in reversed(flat):  # children before their parents
        for child in children:
            for column in (*PEOPLE_COLUMNS, *COURSE_COLUMNS):
                row.counted[column] |= child.counted[column]
    return [row for row, _test, _children in flat]
