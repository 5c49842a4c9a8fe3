"""The columns every working list of people shows (code, name, birth date, the posts held at D,
their units and the posts planned at D), read for a whole list in three queries.

A list of a few hundred people reads their rows by id; a longer one reads every row at D once
and keeps its own, which costs less than a long list of ids sent to the database.
"""

import datetime as dt

from django.utils.translation import gettext as _

from canbo.core.report import Column, Kind, Link, url_maker
from canbo.people.active import held_positions
from canbo.people.models import Cadre, PlanningEntry

BY_ID_UP_TO = 500


def person_columns() -> list[Column]:
    return [
        Column("ma", _("Mã")),
        Column("ho_ten", _("Họ và tên"), Kind.CADRE),
        Column("ngay_sinh", _("Ngày sinh"), Kind.DATE),
        Column("chuc_danh", _("Chức danh tại ngày xem"), Kind.LIST),
        Column("don_vi", _("Đơn vị"), Kind.LIST),
        Column("quy_hoach", _("Quy hoạch tại ngày xem"), Kind.LIST),
    ]


def person_cells(cadre_ids: list[int], as_of: dt.date) -> dict[int, dict]:
    """Per cadre id: the cells of `person_columns()`, names and units as links."""
    record, unit_page = url_maker("people:cadre_detail"), url_maker("org:unit_detail")
    cells = {
        pk: {"ma": code, "ho_ten": Link(name, record(code)), "ngay_sinh": born,
             "chuc_danh": [], "don_vi": [], "quy_hoach": []}
        for pk, code, name, born in narrowed(Cadre.objects.all(), "id", cadre_ids).values_list(
            "id", "code", "full_name", "birth_date")
    }
    held = (
        narrowed(held_positions(as_of), "cadre_id", cadre_ids)
        .order_by("-position_type__key_position", "valid_from", "id")
        .values_list("cadre_id", "position_type__name", "unit__code", "unit__name")
    )
    for cadre_id, post, unit_code, unit_name in held:
        if cadre_id in cells:
            cells[cadre_id]["chuc_danh"].append(post)
            cells[cadre_id]["don_vi"].append(Link(unit_name, unit_page(unit_code)))
    for cadre_id, post, unit_name, start, end in (
        narrowed(planned_at(as_of), "cadre_id", cadre_ids)
        .order_by("term_start", "id")
        .values_list("cadre_id", "position_type__name", "unit__name", "term_start", "term_end")
    ):
        if cadre_id in cells:
            where = f" – {unit_name}" if unit_name else ""
            cells[cadre_id]["quy_hoach"].append(f"{post}{where} ({start}–{end})")
    return cells


def planned_at(as_of: dt.date):
    """Planning entries in force at D: approved by D, D's year within the term, as the facts read them."""
    return PlanningEntry.objects.filter(
        approved_on__lte=as_of, term_start__lte=as_of.year, term_end__gte=as_of.year
    )


def narrowed(queryset, field: str, ids: list[int]):
    """`queryset` limited to `ids` when they are few; all of it otherwise (the caller keeps its own)."""
    return queryset.filter(**{f"{field}__in": ids}) if len(ids) <= BY_ID_UP_TO else queryset
