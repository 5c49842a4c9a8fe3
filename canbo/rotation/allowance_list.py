"""The list of one-time allowances (R8) for the finance office: the rotations whose decision was issued
within a period, granting the allowance, of the cadres within the actor's reach (a unit's subtree
narrows it to rotations leaving or entering it), with the amount fixed by each decision and the total."""

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from canbo.core.capabilities import Action, require
from canbo.core.report import Column, Kind, Link, Report, url_maker
from canbo.org.models import Unit
from canbo.rotation.proposal_selectors import visible_proposals


def allowance_report(*, actor, start: dt.date, end: dt.date, unit: Unit | None = None) -> Report:
    require(actor, Action.VIEW_ALLOWANCES)
    proposals = visible_proposals(actor).filter(
        decision_date__gte=start, decision_date__lte=end, allowance__isnull=False
    )
    if unit is not None:
        proposals = proposals.filter(
            Q(from_unit__path__startswith=unit.path) | Q(to_unit__path__startswith=unit.path)
        )
    record, page = url_maker("people:cadre_detail"), url_maker("rotation:proposal_detail")
    rows = [
        {
            "so_quyet_dinh": Link(p.decision_no, page(str(p.pk))),
            "ngay_quyet_dinh": p.decision_date,
            "ma_can_bo": p.cadre.code,
            "ho_ten": Link(p.cadre.full_name, record(p.cadre.code)),
            "tu_don_vi": p.from_unit.name if p.from_unit else "",
            "den": f"{p.position_type.name}, {p.to_unit.name}",
            "tu_ngay": p.start,
            "so_tien": p.allowance,
        }
        for p in proposals.order_by("decision_date", "pk")
    ]
    columns = [
        Column("so_quyet_dinh", _("Số quyết định")),
        Column("ngay_quyet_dinh", _("Ngày quyết định"), Kind.DATE),
        Column("ma_can_bo", _("Mã cán bộ")),
        Column("ho_ten", _("Họ và tên"), Kind.CADRE),
        Column("tu_don_vi", _("Đơn vị đi")),
        Column("den", _("Chức vụ, đơn vị đến")),
        Column("tu_ngay", _("Từ ngày"), Kind.DATE),
        Column("so_tien", _("Số tiền hỗ trợ (đồng)"), Kind.MONEY),
    ]
    period = {"a": start.strftime("%d/%m/%Y"), "b": end.strftime("%d/%m/%Y")}
    return Report(
        _("Hỗ trợ một lần kinh phí cán bộ luân chuyển, quyết định từ %(a)s đến %(b)s") % period,
        columns,
        rows,
        _("Không có quyết định luân chuyển nào được hỗ trợ trong khoảng ngày này."),
        _("Cán bộ lãnh đạo chủ chốt do Ban Thường vụ Tỉnh ủy quyết định luân chuyển được hỗ trợ một lần "
          "(Kế hoạch, mục III.2.5); số tiền cố định khi ban hành quyết định."),
        totals={"ho_ten": _("Tổng cộng (%(n)s người)") % {"n": len(rows)},
                "so_tien": sum(row["so_tien"] for row in rows)},
    )
