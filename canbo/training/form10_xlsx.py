"""Biểu số 10-BTCTW as an XLSX sheet in the form's layout (`canbo.training.form10_form`): the form's number
and the reporting committee at the top, the title with the year, the unit of count, the two header rows
and the row of column numbers, the rows of the form with their numbering, and the two signatures.
Figures are numbers."""

import io

import xlsxwriter
from django.utils.translation import gettext as _

from canbo.training import form10_form as form
from canbo.training.form10 import Row

WIDTHS = (5, 52, 9, 9, 12, 9, 12, 9, 9, 10, 10)


def _formats(book) -> dict:
    base = {"font_name": "Times New Roman", "font_size": 12, "valign": "vcenter"}

    def fmt(**more):
        return book.add_format({**base, **more})

    cell = {"border": 1}
    return {
        "bold_center": fmt(bold=True, align="center"), "italic_center": fmt(italic=True, align="center"),
        "title": fmt(bold=True, align="center", font_size=14), "right_bold": fmt(bold=True, align="right"),
        "head": fmt(bold=True, align="center", text_wrap=True, **cell),
        "number_head": fmt(italic=True, align="center", **cell),
        "text": fmt(text_wrap=True, **cell), "text_bold": fmt(bold=True, text_wrap=True, **cell),
        "tt": fmt(align="center", **cell), "tt_bold": fmt(bold=True, align="center", **cell),
        "num": fmt(**cell), "num_bold": fmt(bold=True, **cell),
    }


def form10_xlsx(rows: list[Row], *, year: int, reporter: str) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False})
    sheet = book.add_worksheet(_("Biểu 10-BTCTW"))
    f = _formats(book)
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    sheet.merge_range(0, 0, 0, 3, reporter.upper(), f["bold_center"])
    sheet.merge_range(0, 8, 0, 10, str(form.FORM_CODE), f["right_bold"])
    sheet.merge_range(2, 0, 2, 10, str(form.TITLE) % {"year": year}, f["title"])
    sheet.merge_range(3, 0, 3, 10, str(form.UNIT_OF_COUNT), f["italic_center"])
    top, numbers = 5, 7
    for first, last, first_row, last_row, label in form.HEADER:
        if (first, first_row) == (last, last_row):
            sheet.write(top + first_row, first, str(label), f["head"])
        else:
            sheet.merge_range(top + first_row, first, top + last_row, last, str(label), f["head"])
    for column, label in enumerate(form.NUMBERS):
        sheet.write(numbers, column, label, f["number_head"])
    sheet.set_row(top + 1, 48)
    line = numbers + 1
    for row in rows:
        bold = form.emphasised(row)
        sheet.write(line, 0, form.row_number(row), f["tt_bold" if bold else "tt"])
        sheet.write(line, 1, "   " * row.depth + form.row_label(row), f["text_bold" if bold else "text"])
        for column, value in enumerate(form.figures(row), start=2):
            sheet.write_number(line, column, value, f["num_bold" if bold else "num"])
        line += 1
    line += 1
    sheet.merge_range(line, 7, line, 10, str(form.PLACE_DATE), f["italic_center"])
    for first, last, (title, note) in zip((0, 7), (2, 10), form.SIGNATURES, strict=True):
        sheet.merge_range(line + 1, first, line + 1, last, str(title), f["bold_center"])
        sheet.merge_range(line + 2, first, line + 2, last, str(note), f["italic_center"])
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    book.close()
    return buffer.getvalue()

