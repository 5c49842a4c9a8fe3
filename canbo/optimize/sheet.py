"""Reading the first sheet of a small input workbook (the seats of `canbo propose`, the places of
`canbo project`): row 1 holds the column keys, data from row 2, cells read as `canbo import` reads
them (`canbo.people.cells`: a code typed as a number is that code, spaces around are ignored).
A bad sheet is refused whole, each problem named by row, column and value.
"""

from pathlib import Path

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from canbo.exchange.findings import Finding
from canbo.people import schema
from canbo.people.cells import READERS, CellError, show


class BadSheet(Exception):
    """A workbook that cannot be used; `findings` name each bad row, column and value."""

    def __init__(self, findings: list[Finding]):
        super().__init__(
            "; ".join(f"{f.sheet} {f.row or ''} {f.column} {f.value}: {f.message}" for f in findings)
        )
        self.findings = findings


def read_rows(path, columns: tuple[schema.Column, ...]) -> tuple[str, list[tuple]]:
    """The sheet's name and its non-blank rows as (Excel row number, value per column); every
    column is required and every cell must hold a value. Raises BadSheet listing every problem."""
    sheet, grid = _first_sheet(path)
    header = [str(cell).strip() for cell in grid[0]] if grid else []
    missing = [column.key for column in columns if column.key not in header]
    if missing:
        raise BadSheet(
            [Finding(sheet, 1, key, "", _("Thiếu cột bắt buộc “%(key)s”.") % {"key": key}) for key in missing]
        )
    where = [header.index(column.key) for column in columns]
    findings, rows = [], []
    for number, cells in enumerate(grid[1:], start=2):
        if all(str(cell).strip() == "" for cell in cells):
            continue
        values = []
        for column, index in zip(columns, where, strict=True):
            raw = cells[index] if index < len(cells) else ""
            try:
                value = READERS[column.kind](raw, column)
            except CellError as exc:
                value = None
                findings.append(Finding(sheet, number, column.key, show(raw), str(exc)))
            else:
                if value is None:
                    findings.append(Finding(sheet, number, column.key, "", _("Ô trống: cần một giá trị.")))
            values.append(value)
        rows.append((number, *values))
    if findings:
        raise BadSheet(findings)
    if not rows:
        raise BadSheet([Finding(sheet, None, "", "", _("Trang tính không có dòng dữ liệu nào."))])
    return sheet, rows


def _first_sheet(path) -> tuple[str, list[list]]:
    if not Path(path).is_file():
        raise BadSheet([Finding(str(path), None, "", str(path), _("Không có tệp này."))])
    try:
        book = CalamineWorkbook.from_path(str(path))
        name = book.sheet_names[0]
        return name, book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, OSError, IndexError) as exc:
        raise BadSheet(
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
