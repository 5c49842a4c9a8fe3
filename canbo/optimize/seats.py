"""The seats of a proposal run (SPEC §13): the key vacancies at D, or the rows of a workbook.

A post (unit U, position type P) with k seats is one entry with `count` k; the optimiser gives it
at most k cadres. A workbook's first sheet holds `ma_don_vi` and `ma_chuc_danh` in row 1 and one
seat per row from row 2 (a row may repeat); cells are read as `canbo import` reads them (a code
typed as a number is that code, spaces around are ignored). A bad sheet is refused whole, every
bad row named.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from canbo.exchange import schema
from canbo.exchange.cells import CellError, read_text, show
from canbo.exchange.findings import Finding
from canbo.org.models import PositionType, Unit
from canbo.rules.proposals import vacancies

COLUMNS = (
    schema.Column("ma_don_vi", schema.CODE, True, max_length=20),
    schema.Column("ma_chuc_danh", schema.CODE, True, max_length=30),
)


@dataclass
class Post:
    unit_code: str
    type_code: str
    count: int


class BadSeats(Exception):
    """A workbook of seats that cannot be used; `findings` name each bad row and value."""

    def __init__(self, findings: list[Finding]):
        super().__init__(
            "; ".join(f"{f.sheet} {f.row or ''} {f.column} {f.value}: {f.message}" for f in findings)
        )
        self.findings = findings


def vacancy_seats(as_of: dt.date) -> dict[tuple[int, int], Post]:
    """The key posts with a vacancy at D (SPEC §10 with `--key-only`), a vacancy of k as k seats."""
    return {
        (r["target_unit_id"], r["target_type_id"]): Post(
            r["target_unit_code"], r["target_type_code"], int(r["target_vacancy"])
        )
        for r in vacancies(as_of, key_only=True)
    }


def workbook_seats(path) -> dict[tuple[int, int], Post]:
    """One seat per data row of the workbook's first sheet, keyed by (unit id, type id); raises
    BadSeats naming every bad row, column and value."""
    sheet, grid = _first_sheet(path)
    header = [str(cell).strip() for cell in grid[0]] if grid else []
    missing = [column.key for column in COLUMNS if column.key not in header]
    if missing:
        raise BadSeats(
            [Finding(sheet, 1, key, "", _("Thiếu cột bắt buộc “%(key)s”.") % {"key": key}) for key in missing]
        )
    where = [header.index(column.key) for column in COLUMNS]
    findings, rows = [], []
    for number, cells in enumerate(grid[1:], start=2):
        if all(str(cell).strip() == "" for cell in cells):
            continue
        values = []
        for column, index in zip(COLUMNS, where, strict=True):
            raw = cells[index] if index < len(cells) else ""
            try:
                value = read_text(raw, column)
            except CellError as exc:
                value = None
                findings.append(Finding(sheet, number, column.key, show(raw), str(exc)))
            else:
                if value is None:
                    findings.append(Finding(sheet, number, column.key, "", _("Ô trống: cần một mã.")))
            values.append(value)
        rows.append((number, *values))
    units = dict(Unit.objects.filter(code__in={r[1] for r in rows}).values_list("code", "id"))
    types = dict(PositionType.objects.filter(code__in={r[2] for r in rows}).values_list("code", "id"))
    seats: dict[tuple[int, int], Post] = {}
    for number, unit_code, type_code in rows:
        if unit_code is None or type_code is None:
            continue
        if unit_code not in units:
            findings.append(
                Finding(
                    sheet,
                    number,
                    "ma_don_vi",
                    unit_code,
                    _("Không có đơn vị mã “%(code)s”.") % {"code": unit_code},
                )
            )
        if type_code not in types:
            findings.append(
                Finding(
                    sheet,
                    number,
                    "ma_chuc_danh",
                    type_code,
                    _("Không có chức danh mã “%(code)s”.") % {"code": type_code},
                )
            )
        if unit_code in units and type_code in types:
            post = seats.setdefault((units[unit_code], types[type_code]), Post(unit_code, type_code, 0))
            post.count += 1
    if findings:
        raise BadSeats(sorted(findings, key=lambda f: (f.row or 0, f.column)))
    if not seats:
        raise BadSeats([Finding(sheet, None, "", "", _("Trang tính không có dòng vị trí nào."))])
    return seats


def _first_sheet(path) -> tuple[str, list[list]]:
    if not Path(path).is_file():
        raise BadSeats([Finding(str(path), None, "", str(path), _("Không có tệp này."))])
    try:
        book = CalamineWorkbook.from_path(str(path))
        name = book.sheet_names[0]
        return name, book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, OSError, IndexError) as exc:
        raise BadSeats(
            [
                Finding(
                    str(path),
                    None,
                    "",
                    str(path),
                    _("Không đọc được như một bảng tính XLSX: %(e)s.") % {"e": exc},
                )
            ]
        ) from exc
