"""Checks that join values of one row of a kind (a workbook row, or a record form): an end before its
start, a level of another kind of qualification, a Party official date before entry. The workbook
import runs them over every row of a sheet, the record's forms over the row typed."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from canbo.core.dates import show_date
from canbo.core.levels import level_codes
from canbo.people import schema


@dataclass(frozen=True)
class RowCheck:
    keys: tuple[str, ...]  # the columns it reads, in the order `check` takes them
    key: str  # the column a problem is reported on
    check: Callable  # values -> None, or (value as shown, message); called only when none is empty


def _end_after_start(start, end):
    if end >= start:
        return None
    return show_date(end), _("Ngày kết thúc trước ngày bắt đầu (%(start)s).") % {"start": show_date(start)}


def _level_of_kind(kind, level):
    if level in level_codes(kind):
        return None
    return level, _("Bậc này không thuộc loại trình độ “%(kind)s”; dùng một trong: %(values)s.") % {
        "kind": kind, "values": ", ".join(level_codes(kind))}


def _official_after_joining(joined, official):
    if official >= joined:
        return None
    return show_date(official), _("Ngày chính thức trước ngày vào Đảng (%(joined)s).") % {
        "joined": show_date(joined)}


ROW_CHECKS: dict[str, tuple[RowCheck, ...]] = {
    name: (RowCheck((start, end), end, _end_after_start),)
    for name, (start, end) in schema.DATE_RANGES.items()
}
ROW_CHECKS["trinh_do"] = (RowCheck(("loai", "bac"), "bac", _level_of_kind),)
ROW_CHECKS["can_bo"] = (
    RowCheck(("ngay_vao_dang", "ngay_chinh_thuc"), "ngay_chinh_thuc", _official_after_joining),
)


def row_problems(sheet: str, row: Mapping) -> list[tuple[str, str, str]]:
    """(column, value as shown, message) of each check of `sheet` that `row` (column -> typed value) fails."""
    problems = []
    for rule in ROW_CHECKS.get(sheet, ()):
        values = [row.get(key) for key in rule.keys]
        if None not in values and (problem := rule.check(*values)):
            problems.append((rule.key, *problem))
    return problems


def personal_id_taken(code: str) -> str:
    """Why a personal identification number cannot be given: the cadre `code` already has it."""
    return _("Số định danh đã thuộc cán bộ %(code)s trong cơ sở dữ liệu.") % {"code": code}
