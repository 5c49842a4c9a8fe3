"""Write rows of SPEC §7 to an XLSX workbook (xlsxwriter, constant memory): one writer for the export
and the demo generator. Rows hold values in the order of `schema.Sheet.columns`, typed as the reader
returns them."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

import xlsxwriter

from canbo.core.dates import format_partial_date
from canbo.people import schema


def _cell(value, kind: str):
    if value is None:
        return None
    if kind == schema.BIRTH:
        return format_partial_date(*value)
    if kind == schema.TERM:
        return f"{value[0]}-{value[1]}"
    if kind == schema.BOOL:
        return 1 if value else 0
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def rows_to_xlsx(path, sheets: dict[str, Iterable[tuple]]) -> dict[str, int]:
    """Write each sheet of the schema (in schema order); returns rows written per sheet."""
    counts: dict[str, int] = {}
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    try:
        bold = book.add_format({"bold": True})
        for sheet in schema.SHEETS:
            page = book.add_worksheet(sheet.name)
            for col, key in enumerate(sheet.keys):
                page.write_string(0, col, key, bold)
            kinds = [column.kind for column in sheet.columns]
            number = 0
            for number, row in enumerate(sheets.get(sheet.name, ()), start=1):
                for col, (value, kind) in enumerate(zip(row, kinds, strict=True)):
                    cell = _cell(value, kind)
                    if cell is None:
                        continue
                    if isinstance(cell, str):
                        page.write_string(number, col, cell)
                    else:
                        page.write_number(number, col, cell)
            counts[sheet.name] = number
    finally:
        book.close()
    return counts
