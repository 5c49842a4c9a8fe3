"""The working lists of the review as reports (`canbo.core.report`): the people behind a figure,
the eligible lists, the rotation pool and the non-local violations. Each function returns the
table its page renders and its export writes; every column sorts."""

import dataclasses
import datetime as dt
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.core.capabilities import Action, can
from canbo.core.report import PAGE_SIZE, Column, Kind, Link, Ordering, Report, arranged, sort_rows, url_maker
from canbo.org.models import Unit
from canbo.people.working_lists import person_cells, person_columns
from canbo.reports import selectors
from canbo.rules.verdicts import EXCLUSION_LABELS, PRIORITY_LABELS, PROGRAMMES_BY_KEY

EMPTY_HINT = _("Thử chọn ngày xem hoặc đơn vị khác.")


def _with_person(rows: list[dict], as_of: dt.date, id_of=lambda row: row["id"]) -> list[dict]:
    """Each row with the person's cells; the code links to their verdicts."""
    cells = person_cells([id_of(row) for row in rows], as_of)
    verdicts = url_maker("reports:cadre_verdicts")
    for row in rows:
        row.update(cells[id_of(row)])
        row["ma"] = Link(row["ma"], verdicts(row["ma"]))
    return rows


def people_columns() -> list[Column]:
    return [*person_columns(), Column("ly_do", _("Lý do"))]


def people_report(
    *, actor, as_of: dt.date, key: str, title: str, unit: Unit | None = None, outside=None,
    ordering: Ordering | None = None, page_number: int = 1, whole: bool = False,
) -> Report:
    """The people behind a figure. The page reads the kept ids and builds its fifty rows only; a
    person column sorts the whole list by reading the person columns of every id; the reason,
    worded per person, sorts the rows when they fit on one page. `whole`: every row (export)."""
    ordering = ordering or Ordering()
    scope = {"actor": actor, "as_of": as_of, "key": key, "unit": unit, "outside": outside}
    columns = people_columns()
    reason = columns[-1]
    report = Report(title, columns, [], _("Không có cán bộ nào trong danh sách này."), EMPTY_HINT)
    if whole:
        _total, rows = selectors.people_behind(**scope)
        report.rows = _reason_rows(rows, as_of)
        return arranged(report, ordering)
    column = report.column(ordering.key)
    by_person = column is not None and column is not reason

    def order(ids: list[int]) -> list[int]:
        if not by_person:
            return ids
        cells = person_cells(ids, as_of)
        return sort_rows(ids, column, ordering.descending, row_of=cells.__getitem__)

    total, rows = selectors.people_behind(**scope, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE,
                                          order=order)
    shown = Paginator(range(total), PAGE_SIZE).get_page(page_number).number
    if shown != page_number:  # past the last page: show the last one
        total, rows = selectors.people_behind(**scope, limit=PAGE_SIZE, offset=(shown - 1) * PAGE_SIZE,
                                              order=order)
    report.rows, report.total, report.page_number = _reason_rows(rows, as_of), total, shown
    if total > PAGE_SIZE:
        report.columns[-1] = Column("ly_do", reason.label, sortable=False)
    if column is reason and total <= PAGE_SIZE:
        report.rows = sort_rows(report.rows, reason, ordering.descending)
    if by_person or (column is reason and total <= PAGE_SIZE):
        report.ordering = ordering
    return report


def _reason_rows(rows: list[dict], as_of: dt.date) -> list[dict]:
    return _with_person([{"id": row["id"], "ly_do": row["reason"]} for row in rows], as_of)


def eligible_report(*, actor, as_of: dt.date, programme: str, unit: Unit | None = None) -> Report:
    """The eligible cadres of a programme in the order of the priority groups (`TT`)."""
    verdict = PROGRAMMES_BY_KEY[programme]
    found = selectors.eligible_lists(actor=actor, as_of=as_of, programme=programme, unit=unit)
    modes = {"tap_trung": _("tập trung"), "tai_chuc": _("tại chức")}
    rows = _with_person([
        {"id": r["id"], "tt": number, "hinh_thuc": str(modes.get(r["mode"], "")),
         "uu_tien": [str(PRIORITY_LABELS[code]) for code in r["priorities"]]}
        for number, r in enumerate(found, start=1)
    ], as_of)
    columns = [Column("tt", _("TT"), Kind.NUMBER), *person_columns()]
    if verdict.extra.get("llct"):
        columns.append(Column("hinh_thuc", _("Hình thức")))
    columns.append(Column("uu_tien", _("Nhóm ưu tiên"), Kind.LIST))
    title = _("%(title)s – %(day)s") % {"title": verdict.title, "day": as_of.strftime("%d/%m/%Y")}
    empty = _("Không có cán bộ nào thuộc đối tượng chương trình này.")
    return Report(title, columns, rows, empty, EMPTY_HINT)


def rotation_pool_report(*, actor, as_of: dt.date, unit: Unit | None = None) -> tuple[Report, dict]:
    """The candidates for rotation with the conclusion and the reasons for excluding each; and the
    pool itself (its two counts)."""
    pool = selectors.rotation_pool(actor=actor, as_of=as_of, unit=unit)
    may_draft, propose = can(actor, Action.DRAFT_PROPOSALS), reverse("rotation:proposal_new")
    rows = []
    for row in sorted(pool["rows"], key=lambda r: r["code"]):
        reasons = [str(label) for code, label in EXCLUSION_LABELS.items() if row[f"x_{code}"]]
        conclusion = _("Loại trừ") if reasons else _("Đủ điều kiện")
        proposal = f"{propose}?{urlencode({'ma_can_bo': row['code'], 'loai': 'luan_chuyen'})}"
        rows.append({"id": row["id"], "ket_luan": str(conclusion), "ly_do_loai_tru": reasons,
                     "_action": proposal if may_draft and not reasons else None})
    columns = [*person_columns(), Column("ket_luan", _("Kết luận")),
               Column("ly_do_loai_tru", _("Lý do loại trừ"), Kind.LIST)]
    title = _("Nguồn luân chuyển – %(d)s") % {"d": as_of.strftime("%d/%m/%Y")}
    report = Report(title, columns, _with_person(rows, as_of),
                    _("Chưa có cán bộ nào thuộc đối tượng luân chuyển."),
                    _("Nguồn luân chuyển gồm cán bộ có quy hoạch còn hiệu lực tại ngày xem."),
                    action_label=_("Đề xuất luân chuyển") if may_draft else "")
    return report, pool


def non_local_report(*, actor, as_of: dt.date) -> Report:
    """Each key post held by a person from the unit's own area, with the person's other posts."""
    unit_page = url_maker("org:unit_detail")
    rows = _with_person([
        {"id": h.cadre_id, "vi_tri": h.position_type.name,
         "don_vi_vi_pham": Link(h.unit.name, unit_page(h.unit.code)),
         "dia_ban": h.unit.locality.name, "que_quan": h.cadre.hometown.name, "tu_ngay": h.valid_from}
        for h in selectors.non_local(actor=actor, as_of=as_of)
    ], as_of)
    person = person_columns()
    columns = [*person[:3], Column("vi_tri", _("Chức danh")),
               Column("don_vi_vi_pham", _("Đơn vị"), Kind.UNIT), Column("dia_ban", _("Địa bàn đơn vị")),
               Column("que_quan", _("Quê quán")), Column("tu_ngay", _("Từ ngày"), Kind.DATE), person[5]]
    title = _("Bố trí không là người địa phương – %(d)s") % {"d": as_of.strftime("%d/%m/%Y")}
    return Report(title, columns, rows, _("Không có vi phạm tại ngày này."))


def listed_people(
    ids: list[int], *, title: str, as_of: dt.date, empty: str, page_number: int = 1, whole: bool = False
) -> Report:
    """The cadres of `ids`, in that order, with the person columns at D: one page of rows, or every
    row (`whole`, for the export). The columns do not sort: the order is the list's own."""
    columns = [dataclasses.replace(column, sortable=False) for column in person_columns()]
    report = Report(title, columns, [], empty)
    if not whole:
        page_number = Paginator(ids, PAGE_SIZE).get_page(page_number).number
        report.total, report.page_number = len(ids), page_number
        ids = ids[(page_number - 1) * PAGE_SIZE : page_number * PAGE_SIZE]
    cells = person_cells(ids, as_of)
    report.rows = [cells[pk] for pk in ids]
    return report
