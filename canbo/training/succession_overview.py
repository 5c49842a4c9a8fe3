"""The succession overview (`canbo.core.report`): for each position type planned in the actor's
scope, its current term at D (the latest term approved by D whose years include D's year) against
the posts of that type in the actor's units: seats and holders at D, how many are planned, how many
of them meet the type's standard at D, women and ethnic minorities among them (counted by planning,
as the type's page lists them: a cadre planned at two units counts twice). Each type links to its
page of candidates (`canbo.training.succession`); each count of planned cadres too, the counts of
those ready, women and minorities to that page showing only them."""

import datetime as dt
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from canbo.core.names import text_sort_key
from canbo.core.report import Column, Kind, Link, Report
from canbo.org.models import PositionType, Unit
from canbo.org.selectors import visible_units
from canbo.org.standards import standards_in_force
from canbo.people.models import Cadre, PlanningEntry
from canbo.people.selectors import planned_q, visible_cadres
from canbo.rules import engine, proposals
from canbo.training.succession import BY_ID_UP_TO, lacking
from canbo.training.succession_table import GROUP_PARAMETER as GROUP

MINORITY = "dan_toc_thieu_so"


def succession_overview(*, actor, as_of: dt.date, unit: Unit | None = None, query: dict) -> Report:
    """One row per position type with plannings in force at D of the cadres the actor sees (for a
    unit or its subtree when given), by type name in Vietnamese order; `query`: the page's filters,
    kept by its links."""
    entries = PlanningEntry.objects.filter(planned_q(as_of), cadre__in=visible_cadres(actor, as_of))
    if unit is not None:
        entries = entries.filter(unit__path__startswith=unit.path)
    planned_cadres = Cadre.objects.filter(id__in=entries.values("cadre_id"))  # a query, however many
    entries = list(entries.values("cadre_id", "position_type_id", "term_start", "term_end"))
    ids = {entry["cadre_id"] for entry in entries}
    if len(ids) <= BY_ID_UP_TO:  # by their ids, the facts do not probe the scope a second time
        planned_cadres = Cadre.objects.filter(id__in=ids)
    current = {}  # the latest term of each type
    for entry in entries:
        term = (entry["term_start"], entry["term_end"])
        current[entry["position_type_id"]] = max(current.get(entry["position_type_id"], term), term)
    planned: dict[int, list[int]] = {}  # the cadre of each planning, as the type's page lists them
    for entry in entries:
        if (entry["term_start"], entry["term_end"]) == current[entry["position_type_id"]]:
            planned.setdefault(entry["position_type_id"], []).append(entry["cadre_id"])
    facts = engine.facts_of(engine.context_for(as_of), planned_cadres) if planned else {}
    standards = standards_in_force(as_of, position_type_ids=planned)
    seats = _seats(actor, as_of, unit)
    rows = []
    types = sorted(PositionType.objects.filter(id__in=planned), key=lambda t: (text_sort_key(t.name), t.code))
    for position_type in types:
        cadres = [facts[cadre_id] for cadre_id in planned[position_type.pk]]
        standard = standards.get(("chuc_danh", position_type.pk), {})
        page = "?" + urlencode({**query, "chuc_danh": position_type.code})
        start, end = current[position_type.pk]
        held = seats.get(position_type.pk)
        rows.append({
            "chuc_danh": Link(position_type.name, page),
            "nhiem_ky": f"{start}–{end}",
            "so_cho": held[0] if held else None,
            "dang_giu": held[1] if held else None,
            "quy_hoach": Link(len(cadres), page),
            "dat_chuan": Link(sum(not lacking(standard, row) for row in cadres), f"{page}&{GROUP}=san_sang"),
            "nu": Link(sum(row["woman"] for row in cadres), f"{page}&{GROUP}=nu"),
            "dan_toc_thieu_so": Link(sum(row["minority"] for row in cadres), f"{page}&{GROUP}={MINORITY}"),
        })
    columns = [
        Column("chuc_danh", _("Chức danh")),
        Column("nhiem_ky", _("Nhiệm kỳ")),
        Column("so_cho", _("Số chỗ"), Kind.NUMBER),
        Column("dang_giu", _("Đang giữ"), Kind.NUMBER),
        Column("quy_hoach", _("Người được quy hoạch"), Kind.NUMBER),
        Column("dat_chuan", _("Đạt tiêu chuẩn tại ngày xem"), Kind.NUMBER),
        Column("nu", _("Nữ"), Kind.NUMBER),
        Column("dan_toc_thieu_so", _("Dân tộc thiểu số"), Kind.NUMBER),
    ]
    return Report(
        _("Nguồn kế cận theo chức danh – %(d)s") % {"d": as_of.strftime("%d/%m/%Y")},
        columns,
        rows,
        _("Chưa có cán bộ nào trong phạm vi của bạn được quy hoạch cho nhiệm kỳ có năm của ngày xem."),
        _("Đổi ngày xem dữ liệu ở thanh trên cùng để xem các nhiệm kỳ khác."),
    )


def _seats(actor, as_of: dt.date, unit: Unit | None) -> dict[int, tuple[int, int]]:
    """Seats and holders at D of the posts of each position type in the units the actor sees."""
    units = visible_units(actor)
    if unit is not None:
        units = units.filter(path__startswith=unit.path)
    found: dict[int, tuple[int, int]] = {}
    for post in proposals.posts(as_of, units=units):
        seats, holders = found.get(post["target_type_id"], (0, 0))
        seats, holders = seats + int(post["target_seats"]), holders + int(post["target_holders"])
        found[post["target_type_id"]] = (seats, holders)
    return found
