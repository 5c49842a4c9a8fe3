"""XLSX export of any table (shared by canbo): a title line, a bold header row, then the rows.

Dates are date cells shown dd/mm/yyyy, numbers are numbers, and every other value is written as
a string, so a name beginning with "=" or "http://" stays text in the workbook (no formula, no
hyperlink is ever made from the data).
"""

import datetime as dt
import io
import re
from numbers import Number

import xlsxwriter
from django.http import HttpResponse

from canbo.core.report import BY_VALUE, Link, Report, cell_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(*, filename: str, title: str, columns: list[str], rows: list[list],
                  totals: list | None = None) -> HttpResponse:
    """`totals`: a last row in bold (sums), after the rows."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "remove_timezone": True, "strings_to_urls": False})
    # Excel refuses []:*?/\ in a sheet's name (a report's title may hold any of them).
    sheet = book.add_worksheet(re.sub(r"[\[\]:*?/\\]", "-", title)[:31] or "Sheet1")
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True})
    heading = book.add_format({"bold": True, "font_size": 13})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_string(0, 0, title, heading)
    for col, name in enumerate(columns):
        sheet.write_string(2, col, str(name), bold)
    widths = [len(str(name)) for name in columns]
    strong = book.add_format({"bold": True})
    for r, row in enumerate([*rows, *([totals] if totals else [])], start=3):
        style = strong if totals and r == len(rows) + 3 else None
        for c, value in enumerate(row):
            if value is None:  # an empty cell, not an empty text
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, value, date_format)
                widths[c] = max(widths[c], 10)
            elif isinstance(value, Number) and not isinstance(value, bool):
                sheet.write_number(r, c, value, style)
                widths[c] = max(widths[c], len(str(value)))
            else:
                text = cell_text(value)
                sheet.write_string(r, c, text, style)
                widths[c] = max(widths[c], min(len(text), 80))
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width + 2)
    sheet.freeze_panes(3, 0)
    book.close()
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def report_xlsx(report: Report, *, filename: str) -> HttpResponse:
    """Every row of a report, with exactly the columns of its page; links become their text."""
    return xlsx_response(
        filename=filename,
        title=report.title,
        columns=[column.label for column in report.columns],
        rows=[[_value(column, row.get(column.key)) for column in report.columns] for row in report.rows],
        totals=[_value(c, report.totals.get(c.key)) for c in report.columns] if report.totals else None,
    )


def _value(column, value):
    if isinstance(value, Link):
        value = value.text
    if column.kind in BY_VALUE and value is not None:
        return value
    return cell_text(value)
