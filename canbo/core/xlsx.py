"""XLSX export of any table: columns and rows in, a download response out (shared by canbo)."""

import datetime as dt
import io

import xlsxwriter
from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(*, filename: str, title: str, columns: list[str], rows: list[list]) -> HttpResponse:
    """One sheet: a title line, a bold header row, then the rows; dates shown dd/mm/yyyy."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "remove_timezone": True})
    sheet = book.add_worksheet(title[:31].replace("/", "-") or "Sheet1")
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True})
    heading = book.add_format({"bold": True, "font_size": 13})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write(0, 0, title, heading)
    for col, name in enumerate(columns):
        sheet.write(2, col, str(name), bold)
    widths = [len(str(name)) for name in columns]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, value, date_format)
                widths[c] = max(widths[c], 10)
            else:
                sheet.write(r, c, "" if value is None else value)
                widths[c] = max(widths[c], min(len(str(value or "")), 80))
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width + 2)
    sheet.freeze_panes(3, 0)
    book.close()
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
