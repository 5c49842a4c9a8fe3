"""Read an exchange workbook with python-calamine into typed rows, collecting every cell problem."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from canbo.exchange import schema
from canbo.exchange.cells import READERS, CellError, show
from canbo.exchange.findings import Finding
from canbo.exchange.speed import paused_gc


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


def _grid(path: str, name: str) -> list[list]:
    """One sheet's cells. Each call opens its own workbook handle: python-calamine parses a sheet
    without holding the GIL, so two sheets are parsed at once while earlier ones are typed."""
    return CalamineWorkbook.from_path(path).get_sheet_by_name(name).to_python(skip_empty_area=False)


def workbook_read(path, progress=None) -> ParsedWorkbook:
    """Read every sheet of SPEC §7; errors and warnings are collected, never raised."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    path = str(path)
    book = CalamineWorkbook.from_path(path)
    present = {name.strip(): name for name in book.sheet_names}
    for name in present:
        if name not in schema.SHEET_BY_NAME:
            warnings.append(Finding(name, None, "", "", _("Trang không thuộc mẫu, đã bỏ qua.")))
    sheets = {sheet.name: SheetRows(sheet) for sheet in schema.SHEETS}
    for sheet in schema.SHEETS:
        if sheet.name not in present:
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
    # A row is blank when every cell is empty; `any` settles almost every row at C speed.
    blank = [i for i, row in enumerate(data) if not any(row) and row.count("") == len(row)]
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


class _Bad:
    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


def _read_column(sheet_name: str, column, cells, numbers: list[int], errors: list[Finding]) -> list:
    """Read one column. Text and codes take a fast path; other kinds are memoised per distinct raw value,
    since dates, enumerations and flags repeat across thousands of rows. The checks for errors run at
    C speed first and walk the column only when there is something to report."""
    failed: set[int] = set()
    if column.kind in (schema.TEXT, schema.CODE):
        out = [(v.strip() or None) if type(v) is str else READERS[column.kind](v, column) for v in cells]
        limit = column.max_length
        if limit and max(map(len, filter(None, out)), default=0) > limit:
            message = _("Dài quá %(n)s ký tự.") % {"n": limit}
            for index, value in enumerate(out):
                if value is not None and len(value) > limit:
                    errors.append(Finding(sheet_name, numbers[index], column.key, value, message))
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
