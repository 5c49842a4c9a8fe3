"""The rotation target page (R4, SPEC §12): both directions' figures for a period, the people
behind each figure, and the rate reached by the end of each year against the target."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from canbo.core.dated import in_force_q
from canbo.core.forms import DayField
from canbo.core.report import Column, Kind, Link, Report, url_maker
from canbo.people.models import Movement, MovementKind, PositionHolding
from canbo.rotation import target
from canbo.rules.selectors import rule_set_in_force

GROUPS = {"co_so": _("Cơ sở tính"), "da_luan_chuyen": _("Đã luân chuyển")}


class PeriodForm(forms.Form):
    tu_ngay = DayField(label=_("Từ ngày"))
    den_ngay = DayField(label=_("Đến ngày"))

    def clean(self):
        data = super().clean()
        if data.get("tu_ngay") and data.get("den_ngay") and data["den_ngay"] < data["tu_ngay"]:
            self.add_error("den_ngay", _("Ngày cuối phải từ ngày đầu trở đi."))
        return data


def default_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the rule set in force at the as-of date (its start to its end or the as-of date)."""
    rule_set = rule_set_in_force(as_of)
    return rule_set.valid_from, rule_set.valid_to or as_of


def people_report(*, actor, direction: target.Direction, group: str, start: dt.date, end: dt.date) -> Report:
    """The cadres behind one figure: code, name, where they held a position at A, and their
    rotations (luân chuyển) within the period."""
    reach = target.reachable(actor, start)
    if group == "co_so":
        cadres = target.base(direction, start, reach)
    else:
        cadres = target.rotated(direction, start, end, reach)
    held = PositionHolding.objects.filter(in_force_q(start)).select_related("unit", "position_type")
    moves = Movement.objects.filter(
        kind=MovementKind.LUAN_CHUYEN, valid_from__gte=start, valid_from__lte=end
    ).select_related("to_unit")
    cadres = cadres.order_by("code").prefetch_related(
        Prefetch("holdings", queryset=held, to_attr="held_at_start"),
        Prefetch("movements", queryset=moves, to_attr="rotations"),
    )
    record = url_maker("people:cadre_detail")
    rows = [
        {
            "ma": c.code,
            "ho_ten": Link(c.full_name, record(c.code)),
            "cong_tac": [f"{h.position_type.name} – {h.unit.name}" for h in c.held_at_start],
            "luan_chuyen": [f"{m.valid_from:%d/%m/%Y}: {m.to_unit.name}" for m in c.rotations],
        }
        for c in cadres
    ]
    columns = [
        Column("ma", _("Mã")),
        Column("ho_ten", _("Họ và tên"), Kind.CADRE),
        Column("cong_tac", _("Chức danh, đơn vị tại ngày đầu"), Kind.LIST),
        Column("luan_chuyen", _("Luân chuyển trong giai đoạn"), Kind.LIST),
    ]
    return Report(
        f"{direction.label} – {GROUPS[group]} ({start:%d/%m/%Y} – {end:%d/%m/%Y})",
        columns,
        rows,
        _("Không có cán bộ nào."),
    )


def chart_rows(points: list[dict], goal: int) -> dict:
    """Each year's rate of both directions as bar widths (in % of the chart), out of the largest of
    100% and the rates, with where the target's line falls."""
    top = max([Decimal(100)] + [p[d.key] for p in points for d in target.DIRECTIONS])
    return {
        "goal_at": float(100 * goal / top),
        "years": [
            {"nam": p["nam"], "bars": [(d, p[d.key], float(100 * p[d.key] / top)) for d in target.DIRECTIONS]}
            for p in points
        ],
    }
