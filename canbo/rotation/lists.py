"""The vacancies at D as a report (`canbo.core.report`): one row per post with seats left."""

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.core.capabilities import Action, can
from canbo.core.report import Column, Kind, Link, Report, url_maker
from canbo.org.models import Unit
from canbo.rotation import selectors


def vacancies_report(*, actor, as_of: dt.date, unit: Unit | None = None, key_only: bool = False) -> Report:
    """Each post with its seats, holders and vacancy; its row links to a transfer proposal for it (to
    its check for those who do not draft proposals)."""
    unit_page, record = url_maker("org:unit_detail"), url_maker("people:cadre_detail")
    may_draft = can(actor, Action.DRAFT_PROPOSALS)
    check = reverse("rotation:proposal_new" if may_draft else "rotation:check_proposal")
    rows = [
        {
            "ma_don_vi": r["target_unit_code"],
            "don_vi": Link(r["unit_name"], unit_page(r["target_unit_code"])),
            "ma_chuc_danh": r["target_type_code"],
            "chuc_danh": r["type_name"],
            "chu_chot": _("chủ chốt") if r["target_key"] else "",
            "so_luong": r["target_seats"],
            "dang_giu": r["target_holders"],
            "khuyet": r["target_vacancy"],
            "nguoi_dang_giu": [Link(c.full_name, record(c.code)) for c in r["holders"]],
            "_action": check + "?" + urlencode({"den_don_vi": r["target_unit_code"],
                                                "chuc_danh": r["target_type_code"],
                                                "tu_ngay": as_of.strftime("%d/%m/%Y")}),
        }
        for r in selectors.vacancy_list(actor=actor, as_of=as_of, unit=unit, key_only=key_only)
    ]
    columns = [
        Column("ma_don_vi", _("Mã đơn vị")),
        Column("don_vi", _("Đơn vị"), Kind.UNIT),
        Column("ma_chuc_danh", _("Mã chức danh")),
        Column("chuc_danh", _("Chức danh")),
        Column("chu_chot", _("Chủ chốt")),
        Column("so_luong", _("Số lượng"), Kind.NUMBER),
        Column("dang_giu", _("Đang giữ"), Kind.NUMBER),
        Column("khuyet", _("Khuyết"), Kind.NUMBER),
        Column("nguoi_dang_giu", _("Người đang giữ"), Kind.LIST),
    ]
    return Report(
        _("Vị trí khuyết – %(d)s") % {"d": as_of.strftime("%d/%m/%Y")},
        columns,
        rows,
        _("Không có vị trí khuyết tại ngày xem."),
        _("Vị trí khuyết được tính từ trang “vi_tri” của tệp dữ liệu: số lượng vị trí của chức danh tại "
          "đơn vị trừ số người đang giữ."),
        action_label=_("Đề xuất") if may_draft else _("Kiểm tra đề xuất"),
    )
