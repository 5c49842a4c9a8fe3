"""Read an exchange workbook with python-calamine into typed rows, collecting every cell problem."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from canbo.core.codes import code_problem
from canbo.exchange.findings import Finding
from canbo.exchange.speed import paused_gc
from canbo.people import schema
from canbo.people.cells import READERS, CellError, show


@dataclass
class SheetRows:
    """Typed rows of one sheet: values in the order of `schema.Sheet.columns`, with Excel row numbers."""

    sheet: schema.Sheet
    numbers: list[int] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)


@dataclass
class ParsedWorkbook:
    sheets: dict[str, SheetRows]
    errors: list[Finding]
    warnings: list[Finding]


READ_THREADS = 2
TEXT_KINDS = (schema.TEXT, schema.TITLE, schema.NAME, schema.CODE)


class UnreadableWorkbook(Exception):
    """The file is missing, or not a workbook python-calamine can read; the message says which."""


def _grid(path: str, name: str) -> list[list]:
    """One sheet's cells. Each call opens its own workbook handle: python-calamine parses a sheet
    without holding the GIL, so two sheets are parsed at once while earlier ones are typed."""
    return CalamineWorkbook.from_path(path).get_sheet_by_name(name).to_python(skip_empty_area=False)


def workbook_read(path, progress=None) -> ParsedWorkbook:
    """Read every sheet of SPEC §7; errors and warnings of the cells are collected, never raised.
    UnreadableWorkbook when there is no such file or it is not an XLSX workbook (text, empty,
    truncated, a damaged sheet)."""
    if not Path(path).is_file():
        raise UnreadableWorkbook(_("Không có tệp %(path)s.") % {"path": path})
    try:
        return _workbook_read(str(path), progress)
    except (CalamineError, OSError) as exc:
        raise UnreadableWorkbook(
            _("Tệp %(path)s không đọc được như một bảng tính XLSX (tệp hỏng, cắt ngang hoặc không phải "
              "XLSX): %(error)s.") % {"path": path, "error": exc}
        ) from exc


def _workbook_read(path: str, progress) -> ParsedWorkbook:
    errors: list[Finding] = []
    warnings: list[Finding] = []
    book = CalamineWorkbook.from_path(path)
    present = {name.strip(): name for name in book.sheet_names}
    for name in present:
        if name not in schema.SHEET_BY_NAME:
            warnings.append(Finding(name, None, "", "", _("Trang không thuộc mẫu, đã bỏ qua.")))
    sheets = {sheet.name: SheetRows(sheet) for sheet in schema.SHEETS}
    for sheet in schema.SHEETS:
        if sheet.required and sheet.name not in present:
            message = _("Thiếu trang “%(name)s” (%(label)s).") % {"name": sheet.name, "label": sheet.label}
            errors.append(Finding(sheet.name, None, "", "", message))
    wanted = [sheet for sheet in schema.SHEETS if sheet.name in present]
    with paused_gc(), ThreadPoolExecutor(max_workers=READ_THREADS) as pool:
        grids = pool.map(_grid, [path] * len(wanted), [present[sheet.name] for sheet in wanted])
        for sheet, grid in zip(wanted, grids, strict=True):
            _read_sheet(sheet, grid, sheets[sheet.name], errors, warnings)
            del grid
            if progress:
                progress("read", sheet.name, len(sheets[sheet.name].rows))
    return ParsedWorkbook(sheets, errors, warnings)


def _read_sheet(sheet, grid, parsed: SheetRows, errors: list[Finding], warnings: list[Finding]) -> None:
    header = [str(show(cell)).strip() for cell in grid[0]] if grid else []
    positions: dict[str, int] = {}
    for index, key in enumerate(header):
        if not key:
            continue
        if key in positions:
            errors.append(Finding(sheet.name, 1, key, key, _("Cột bị lặp lại trong dòng tiêu đề.")))
        elif key not in sheet.keys:
            warnings.append(Finding(sheet.name, 1, key, key, _("Cột không thuộc mẫu, đã bỏ qua.")))
        else:
            positions[key] = index
    missing = [column.key for column in sheet.columns if column.required and column.key not in positions]
    for key in missing:
        errors.append(
            Finding(sheet.name, 1, key, "", _("Thiếu cột bắt buộc “%(key)s” ở dòng 1.") % {"key": key})
        )
    if missing:
        return
    data = grid[1:]
    blank = [i for i, row in enumerate(data) if _blank(row)]
    if blank:
        skip = set(blank)
        parsed.numbers = [i + 2 for i in range(len(data)) if i not in skip]
        data = [row for i, row in enumerate(data) if i not in skip]
    else:
        parsed.numbers = list(range(2, len(data) + 2))
    if not data:
        return
    raw_columns = list(zip(*data, strict=True))
    del data
    empty = ("",) * len(parsed.numbers)
    values = []
    for column in sheet.columns:
        position = positions.get(column.key)
        cells = raw_columns[position] if position is not None else empty
        values.append(_read_column(sheet.name, column, cells, parsed.numbers, errors))
    parsed.rows = list(zip(*values, strict=True))


def _blank(row: list) -> bool:
    """Every cell empty or spaces. The first cell that is not empty settles almost every row, found
    at C speed; only a row whose first such cell is spaces is looked at cell by cell."""
    first = next(filter(None, row), None)
    if first is None:
        return row.count("") == len(row)
    if type(first) is not str or not first.isspace():
        return False
    return all(cell == "" or (type(cell) is str and cell.isspace()) for cell in row)


class _Bad:
    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


def _read_column(sheet_name: str, column, cells, numbers: list[int], errors: list[Finding]) -> list:
    """Read one column. Text and codes take a fast path; other kinds are memoised per distinct raw value,
    since dates, enumerations and flags repeat across thousands of rows. The checks for errors run at
    C speed first and walk the column only when there is something to report."""
    failed: set[int] = set()
    if column.kind in TEXT_KINDS:
        out = [(v.strip() or None) if type(v) is str else READERS[column.kind](v, column) for v in cells]
        limit = column.max_length
        if limit and max(map(len, filter(None, out)), default=0) > limit:
            message = _("Dài quá %(n)s ký tự.") % {"n": limit}
            for index, value in enumerate(out):
                if value is not None and len(value) > limit:
                    errors.append(Finding(sheet_name, numbers[index], column.key, value, message))
        if column.kind == schema.CODE:
            _check_codes(sheet_name, column, out, numbers, errors)
    else:
        reader = READERS[column.kind]
        memo: dict = {}
        bad: list[bool] = []

        def convert(value):
            try:
                result = reader(value, column)
            except CellError as exc:
                result = _Bad(str(exc))
                bad.append(True)
            try:
                memo[value] = result
            except TypeError:
                pass
            return result

        out = [memo[v] if v in memo else convert(v) for v in cells]
        if bad:
            for index, value in enumerate(out):
                if type(value) is _Bad:
                    errors.append(
                        Finding(sheet_name, numbers[index], column.key, show(cells[index]), value.message)
                    )
                    out[index] = None
                    failed.add(index)
    if column.required and None in out:
        for index, value in enumerate(out):
            if value is None and index not in failed:
                errors.append(
                    Finding(sheet_name, numbers[index], column.key, "", _("Ô bắt buộc đang để trống."))
                )
    return out


def _check_codes(sheet_name: str, column, out: list, numbers: list[int], errors: list[Finding]) -> None:
    """Each code outside the alphabet of canbo.core.codes; the distinct codes are checked once."""
    bad = {code: problem for code in set(out) if code is not None and (problem := code_problem(code))}
    if bad:
        for index, code in enumerate(out):
            if code in bad:
                errors.append(Finding(sheet_name, numbers[index], column.key, code, bad[code]))
