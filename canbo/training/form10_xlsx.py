"""Biểu số 10-BTCTW as an XLSX sheet in the form's layout: the form's number and the reporting committee
at the top, the title with the year, the unit of count, the two header rows and the row of column
numbers (3 = 4 + 6 + 8, 9 = 10 + 11), the rows of the form with their numbering, and the two signatures
(NGƯỜI LẬP BIỂU, TRƯỞNG BAN). Figures are numbers."""

import io

import xlsxwriter
from django.utils.translation import gettext as _

from canbo.training.form10 import Row

COLUMNS = 11
NUMBERS = ("1", "2", "3 = 4 + 6 + 8", "4", "5", "6", "7", "8", "9 = 10 + 11", "10", "11")
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
    sheet.merge_range(0, 8, 0, 10, _("Biểu số 10-BTCTW"), f["right_bold"])
    title = _("THỐNG KÊ KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ NĂM %(year)s") % {"year": year}
    sheet.merge_range(2, 0, 2, 10, title, f["title"])
    sheet.merge_range(3, 0, 3, 10, _("(Đơn vị tính: người)"), f["italic_center"])
    top, sub, numbers = 5, 6, 7
    for column, label in ((0, _("TT")), (1, _("Chương trình")), (2, _("Tổng số")), (7, _("Cấp xã"))):
        sheet.merge_range(top, column, sub, column, label, f["head"])
    for first, label in ((3, _("Cấp tỉnh")), (5, _("Cấp huyện"))):
        sheet.merge_range(top, first, top, first + 1, label, f["head"])
        sheet.write(sub, first, _("Tổng số"), f["head"])
        sheet.write(sub, first + 1, _("Trong đó: lãnh đạo, quản lý"), f["head"])
    sheet.merge_range(top, 8, top, 10, _("Số lớp đã mở"), f["head"])
    for column, label in ((8, _("Tổng số")), (9, _("Tỉnh ủy mở")), (10, _("Huyện ủy mở"))):
        sheet.write(sub, column, label, f["head"])
    for column, label in enumerate(NUMBERS):
        sheet.write(numbers, column, label, f["number_head"])
    sheet.set_row(sub, 48)
    line = numbers + 1
    for row in rows:
        bold = row.depth < 2 and row.number != "-"
        sheet.write(line, 0, "" if row.number == "-" else row.number, f["tt_bold" if bold else "tt"])
        label = "   " * row.depth + ("- " if row.number == "-" else "") + row.label
        sheet.write(line, 1, label, f["text_bold" if bold else "text"])
        for column in range(3, COLUMNS + 1):
            sheet.write_number(line, column - 1, row.value(column), f["num_bold" if bold else "num"])
        line += 1
    line += 1
    sheet.merge_range(line, 7, line, 10, _("……, ngày …… tháng …… năm ……"), f["italic_center"])
    sheet.merge_range(line + 1, 0, line + 1, 2, _("NGƯỜI LẬP BIỂU"), f["bold_center"])
    sheet.merge_range(line + 1, 7, line + 1, 10, _("TRƯỞNG BAN"), f["bold_center"])
    sheet.merge_range(line + 2, 0, line + 2, 2, _("(Ký, ghi rõ họ tên)"), f["italic_center"])
    sheet.merge_range(line + 2, 7, line + 2, 10, _("(Ký tên, đóng dấu)"), f["italic_center"])
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    book.close()
    return buffer.getvalue()

